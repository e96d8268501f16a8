import { parseJourney, type VagueWords } from '../domain/data/journey';
import type { ImportedJourney, ImportResult } from './types';
import { JsonLocator, jsonSyntaxError } from './located';

/** True for the project's own journey JSON (geo/schema/journey.schema.json), not GeoJSON. */
export function looksLikeJourney(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const v = value as Record<string, unknown>;
  const schema = v['$schema'];
  if (typeof schema === 'string' && /journey\.schema\.json$/.test(schema)) return true;
  return 'claims' in v && 'events' in v && 'route' in v && !('type' in v);
}

/**
 * The project's journey JSON together with its route. A journey names its route by a relative
 * path ("../routes/pyongyang-beijing.geojson") that a page cannot open from a dropped file, so the
 * route file must come with it: drop or choose both files at once. Without one, the error points
 * at the journey's "route" and says so. The journey is validated with `parseJourney` (schema,
 * cross-references and, given the vague-words table, every phrase) and handed back parsed, so
 * the app loads it without reading it again.
 */
export function importJourney(
  text: string,
  fileName: string,
  route: ImportedJourney | null,
  vague?: VagueWords,
): ImportResult {
  try {
    JSON.parse(text); // our own message locates every syntax error, even at the end of the text
  } catch (err) {
    return { ok: false, errors: [jsonSyntaxError(fileName, text, err)] };
  }
  const parsed = parseJourney(text, fileName, vague);
  if (!parsed.ok) return parsed;
  const journey = parsed.value;
  if (!route)
    return {
      ok: false,
      errors: [
        new JsonLocator(fileName, text).error(
          '/route',
          `the route "${journey.route}" cannot be opened from a dropped file: drop or choose the route GeoJSON (or GPX/KML) together with this journey file`,
        ),
      ],
    };
  const wanted = journey.route.split('/').pop() ?? journey.route;
  const warnings = [...route.warnings];
  if (wanted !== route.fileName)
    warnings.push(`the journey names its route "${wanted}"; "${route.fileName}" was used`);
  return {
    ok: true,
    value: {
      name: journey.title,
      fileName,
      route: route.route,
      journey,
      warnings,
    },
  };
}
