import type { Position } from 'geojson';
import { isLeg, isStation, type RouteCollection } from '../domain/route/route';
import { onRouting } from '../domain/route/routing';
import type { LayoutInput, Mark } from './layout';
import type { CompositionText, ExportView } from './types';

/**
 * The lines and marks the map draws for a routing, as the layout must keep them clear: every leg
 * of the routing, the other routings' legs when they are shown, and the stations and border
 * points with their labels as the map labels them (principal stations and borders from the start,
 * the others from zoom 7.5).
 */
export function drawnGeometry(
  route: RouteCollection,
  routing: string,
  showVariants: boolean,
): { lines: Position[][]; marks: Mark[] } {
  const lines = route.features
    .filter(isLeg)
    .filter((l) => showVariants || onRouting(l.properties, routing))
    .map((l) => l.geometry.coordinates);
  const marks = route.features
    .filter(isStation)
    .filter((s) => onRouting(s.properties, routing))
    .map((s): Mark => {
      const p = s.properties;
      const border = p.kind === 'border';
      return {
        lon: s.geometry.coordinates[0]!,
        lat: s.geometry.coordinates[1]!,
        label: border ? p.name : `${p.name} ${p.name_local ?? ''}`.trim(),
        px: p.principal ? 13 : 11,
        minZoom: border || p.principal ? 0 : 7.5,
      };
    });
  return { lines, marks };
}

/** The layout input of an export: its text, its legend labels and what the map draws. */
export function layoutInputOf(opts: {
  width: number;
  height: number;
  text: CompositionText;
  legendLabels: string[];
  view: ExportView;
  route: RouteCollection;
  routing: string;
  showVariants: boolean;
  attribution: string;
  chartAspect?: number;
  locator?: boolean;
}): LayoutInput {
  const geometry = drawnGeometry(opts.route, opts.routing, opts.showVariants);
  return {
    width: opts.width,
    height: opts.height,
    title: opts.text.title,
    subtitle: opts.text.subtitle,
    caption: opts.text.caption,
    legend: opts.legendLabels,
    legendTitle: 'Legend',
    verdict: opts.text.verdictLines ?? [],
    ...(opts.chartAspect ? { chartAspect: opts.chartAspect } : {}),
    ...(opts.locator ? { locator: true } : {}),
    attribution: opts.attribution,
    view: opts.view,
    ...geometry,
  };
}
