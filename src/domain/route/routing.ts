/**
 * The one rule for which features make a routing. A routing is a named way through a route
 * ("A", "B", "C"); a leg or station lists the routings it lies on in `variants`, or names the one
 * alternative it alone belongs to in `variant`; a feature with neither lies on every routing.
 * The measurer, the live map, the exporters and the import all ask these functions.
 */

/** The routing a journey opens on, and the one a collection without names has. */
export const DEFAULT_ROUTING = 'A';

/** What a leg or station says about its routings. */
export interface RoutingProps {
  variants?: string[];
  variant?: string;
}

/** The routings a feature lies on; null when it lies on every routing. */
export function routingsOf(p: RoutingProps): string[] | null {
  if (p.variants) return p.variants;
  return p.variant ? [p.variant] : null;
}

/** Whether a feature lies on `routing`. */
export function onRouting(p: RoutingProps, routing: string): boolean {
  const list = routingsOf(p);
  return list === null || list.includes(routing);
}

/** The routings a set of features offers, sorted; [DEFAULT_ROUTING] when none is named. */
export function routingNames(features: RoutingProps[]): string[] {
  const names = new Set<string>();
  for (const p of features) for (const v of routingsOf(p) ?? []) names.add(v);
  return names.size ? [...names].sort() : [DEFAULT_ROUTING];
}
