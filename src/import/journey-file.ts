import type { VagueWords } from '../domain/data/journey';
import { checkJourneyValue } from '../domain/data/parse-journey';
import { locateJsonErrors } from '../domain/data/json-text';
import type { ImportedJourney, ImportResult } from './types';

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
 * route file must come with it: drop or choose both files at once. `value` is the JSON already
 * parsed from `text` (by `importFiles`, which read it to tell what kind of file it is). Without one, the error points
 * at the journey's "route" and says so. The journey is validated with `checkJourneyValue` (schema,
 * cross-references and, given the vague-words table, every phrase) and handed back parsed, so
 * the app loads it without reading it again.
 */
export function importJourney(
  value: unknown,
  text: string,
  fileName: string,
  route: ImportedJourney | null,
  vague?: VagueWords,
): ImportResult {
  const parsed = checkJourneyValue(value, text, fileName, vague);
  if (!parsed.ok) return parsed;
  const journey = parsed.value;
  if (!route)
    return {
      ok: false,
      errors: locateJsonErrors(text, [
        {
          file: fileName,
          path: '/route',
          message: `the route "${journey.route}" cannot be opened from a dropped file: drop or choose the route GeoJSON (or GPX/KML) together with this journey file`,
        },
      ]),
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
