import { DEFAULT_ROUTING } from '../domain/route/routing';
import { IMPORTED_JOURNEY_ID } from './builtin-ids';

const listed = (names: string[]): string =>
  names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;

/**
 * The routing to show when the one asked for (by the URL) is not among the journey's routings:
 * the default routing (or the first one), with a sentence that tells the reader. Null when the
 * asked routing exists or the routings are not known yet.
 */
export function routingFallback(
  asked: string,
  available: string[],
): { routing: string; notice: string } | null {
  if (available.length === 0 || available.includes(asked)) return null;
  const routing = available.includes(DEFAULT_ROUTING) ? DEFAULT_ROUTING : available[0]!;
  const has =
    available.length > 20 ? `${available.length} routings` : `routing ${listed(available)}`;
  return {
    routing,
    notice: `The link asks for routing ${asked}, which this journey does not have (it has ${has}): showing routing ${routing}.`,
  };
}

/**
 * A sentence when the URL names a journey that does not ship with the app; null otherwise, and
 * for an import (`#j=imported`), which the app reopens from the copy it keeps (see
 * `reopenFallback`).
 */
export function journeyFallback(
  asked: string | undefined,
  builtin: { id: string; label: string }[],
): string | null {
  if (asked === undefined || asked === IMPORTED_JOURNEY_ID || builtin.some((j) => j.id === asked))
    return null;
  return `The link names a journey "${asked}" that this app does not have: showing ${builtin[0]!.label}.`;
}

/**
 * The sentence when the imported journey a link or the menu asked for cannot be reopened from
 * the copy kept in this browser: why (`reason`), and the journey shown instead.
 */
export function reopenFallback(reason: string, shown: string, cancelled = false): string {
  if (cancelled) return `Reopening the imported journey was cancelled: showing ${shown}.`;
  return `The imported journey could not be reopened: ${reason}. Showing ${shown}; import the file again to see that journey.`;
}
