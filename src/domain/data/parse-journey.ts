import type { ValidateFunction } from 'ajv';
import {
  validateJourney as journeyValidator,
  validateVague as vagueValidator,
} from './validators.generated.js';
import { phraseFits } from '../claims/vague';
import type { DataError, Parsed } from './data-error';
import type { Journey, VagueWords } from './journey';
import { locateJsonErrors, parseJson } from './json-text';
import { schemaErrors } from './schema-errors';

// compiled ahead of time (scripts/build-validators.ts): the app's CSP forbids eval
const validateJourney = journeyValidator as ValidateFunction<Journey>;
const validateVague = vagueValidator as ValidateFunction<VagueWords>;

/** Cross-references the schema cannot express: ids that must exist, phrases in the table. */
function referenceErrors(journey: Journey, vague: VagueWords | undefined): [string, string][] {
  const out: [string, string][] = [];
  const articles = new Set(journey.articles.map((a) => a.id));
  const events = new Set(journey.events.map((e) => e.id));
  const claims = new Set(journey.claims.map((c) => c.id));
  const others = new Set((journey.otherJourneys ?? []).map((o) => o.id));
  const zones = new Set(Object.keys(journey.zones));
  journey.events.forEach((e, i) => {
    if (!zones.has(e.zone)) out.push([`/events/${i}/zone`, `unknown zone "${e.zone}"`]);
  });
  const ids = new Set<string>();
  journey.claims.forEach((c, i) => {
    const at = `/claims/${i}`;
    if (ids.has(c.id)) out.push([`${at}/id`, `duplicate claim id "${c.id}"`]);
    ids.add(c.id);
    if (c.article !== undefined && !articles.has(c.article))
      out.push([`${at}/article`, `unknown article "${c.article}"`]);
    if (c.journey !== 'this' && !others.has(c.journey))
      out.push([`${at}/journey`, `unknown journey "${c.journey}"`]);
    const r = c.reading;
    if (c.repeats !== undefined && !claims.has(c.repeats))
      out.push([`${at}/repeats`, `unknown claim "${c.repeats}"`]);
    if (r.kind === 'route' || r.kind === 'date') return;
    if (vague && !(r.phrase in vague.phrases))
      out.push([`${at}/reading/phrase`, `phrase "${r.phrase}" is not in the vague-words table`]);
    else if (vague && !phraseFits(vague, r))
      out.push([`${at}/reading/phrase`, `phrase "${r.phrase}" does not fit a ${r.kind} reading`]);
    if (!('zones' in r)) return;
    if (r.event !== undefined && !events.has(r.event))
      out.push([`${at}/reading/event`, `unknown event "${r.event}"`]);
    if (r.after !== undefined && !claims.has(r.after))
      out.push([`${at}/reading/after`, `unknown claim "${r.after}"`]);
    r.zones.forEach((z, k) => {
      if (!zones.has(z)) out.push([`${at}/reading/zones/${k}`, `unknown zone "${z}"`]);
    });
  });
  return out;
}

/**
 * The most claims a journey may carry. The fact-check compares every claim with the reported
 * timeline and, up to MATRIX_CLAIM_LIMIT, with every other claim; 2,000 claims take about 2 s
 * in the import worker and the CLI. A file with more is refused at its `/claims`.
 */
export const MAX_CLAIMS = 2_000;

/** An error at `/claims` when the file has more claims than MAX_CLAIMS, else null. */
function tooManyClaims(value: unknown, fileName: string): DataError | null {
  const claims = (value as { claims?: unknown } | null)?.claims;
  if (!Array.isArray(claims) || claims.length <= MAX_CLAIMS) return null;
  return {
    file: fileName,
    path: '/claims',
    message: `${claims.length.toLocaleString('en-GB')} claims: a journey can have at most ${MAX_CLAIMS.toLocaleString('en-GB')} (split the file into several journeys)`,
  };
}

/**
 * Validates a journey file's parsed JSON against geo/schema/journey.schema.json, then checks its
 * cross-references (and, given the vague-words table, that every phrase is in it). `text` is
 * the JSON it was parsed from, to give each error its line and column. A journey with more than
 * MAX_CLAIMS claims is refused first. Never throws.
 */
export function checkJourneyValue(
  value: unknown,
  text: string,
  fileName: string,
  vague?: VagueWords,
): Parsed<Journey> {
  const tooMany = tooManyClaims(value, fileName);
  if (tooMany) return { ok: false, errors: locateJsonErrors(text, [tooMany]) };
  const errors = schemaErrors(validateJourney, value, fileName);
  if (errors.length) return { ok: false, errors: locateJsonErrors(text, errors) };
  const journey = value as Journey;
  const refs = referenceErrors(journey, vague).map(([path, message]): DataError => ({
    file: fileName,
    path,
    message,
  }));
  return refs.length
    ? { ok: false, errors: locateJsonErrors(text, refs) }
    : { ok: true, value: journey };
}

/**
 * Parses and validates a journey file's text (see `checkJourneyValue`). Never throws: errors
 * come back with the file name, JSON path and line:column.
 */
export function parseJourney(text: string, fileName: string, vague?: VagueWords): Parsed<Journey> {
  const json = parseJson(text, fileName);
  return json.ok ? checkJourneyValue(json.value, text, fileName, vague) : json;
}

/** Parses and validates a vague-words table against geo/schema/vague-words.schema.json. */
export function parseVagueWords(text: string, fileName: string): Parsed<VagueWords> {
  const json = parseJson(text, fileName);
  if (!json.ok) return json;
  const errors = schemaErrors(validateVague, json.value, fileName);
  return errors.length
    ? { ok: false, errors: locateJsonErrors(text, errors) }
    : { ok: true, value: json.value as VagueWords };
}
