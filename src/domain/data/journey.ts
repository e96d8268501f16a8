import type { ErrorObject, ValidateFunction } from 'ajv';
import {
  validateJourney as journeyValidator,
  validateVague as vagueValidator,
} from './validators.generated.js';
import { phraseFits } from '../claims/vague';

/** A time zone of a country the route crosses. */
export interface Zone {
  label: string;
  utcOffsetMin: number;
  source: string;
}

/** Where on the route an event happens. */
export type Place = { kind: 'start' | 'end' | 'border' } | { kind: 'station'; name: string };

/** A window between two ISO instants with explicit offsets. */
export interface IsoWindow {
  from: string;
  to: string;
  source?: string;
}

/** A reference event of the journey (leave, cross, pass, arrive) with its reference window. */
export interface JourneyEvent {
  id: string;
  name: string;
  at: Place;
  zone: string;
  window: IsoWindow;
  /** The single instant used for the reconstructed timeline. */
  best: string;
  source: string;
  note?: string;
}

/** An article that reported the journey. */
export interface Article {
  id: string;
  file: string;
  publisher: string;
  headline: string | null;
  date: string | null;
  byline?: string;
  note?: string;
}

/** Kinds of time reading: an event's time, an announcement of it, or "somewhere en route". */
export type TimeKind = 'departure' | 'border' | 'passing' | 'arrival' | 'report' | 'en-route';

/** A claim about when something happened, as a local day plus a phrase from the vague-words table. */
export interface TimeReading {
  kind: TimeKind;
  event?: string;
  /** Local calendar date, YYYY-MM-DD. */
  day: string;
  phrase: string;
  /** Local clock time HH:MM, for "about HH:MM" phrases. */
  clock?: string;
  /** Id of the claim this one comes after ("later in the day"). */
  after?: string;
  /** The zone(s) the local time may be in. */
  zones: string[];
}

/** A claim about a speed, duration or distance. */
export interface QuantityReading {
  kind: 'speed' | 'duration' | 'distance';
  value: number;
  unit: 'km/h' | 'mph' | 'h' | 'km' | 'mi';
  phrase: string;
  /** "whole", "country:KP", "leg:pyongui" or "variant:A". */
  scope: string;
}

/** Any structured reading of a claim. */
export type Reading = TimeReading | QuantityReading;

/** One claim: from an article (with its exact quote) or a public reference fact. */
export interface Claim {
  id: string;
  basis: 'article' | 'reference';
  article?: string;
  source?: string;
  /** "this", or the id of another journey the claim is about. */
  journey: string;
  quote: string;
  otherQuotes?: string[];
  reading: Reading;
  note?: string;
}

/** Reference facts about another journey, to check claims about it. */
export interface OtherJourney {
  id: string;
  title: string;
  distance: { value: number; unit: 'km' | 'mi'; phrase: string; source: string };
  reportedDurationsH: { value: number; source: string }[];
  timeline?: { depart: IsoWindow; arrive: IsoWindow };
}

/** A journey file, validated. */
export interface Journey {
  id: string;
  title: string;
  route: string;
  vagueWords: string;
  articlesDir?: string;
  zones: Record<string, Zone>;
  events: JourneyEvent[];
  articles: Article[];
  claims: Claim[];
  otherJourneys?: OtherJourney[];
}

/** One row of the vague-words table. */
export type PhraseEntry =
  | { kind: 'time-of-day'; fromMin: number; toMin: number; note: string }
  | { kind: 'rest-of-day'; note: string }
  | { kind: 'clock'; toleranceMin: number; note: string }
  | { kind: 'factor'; loFactor: number; hiFactor: number; note: string }
  | { kind: 'speed'; mode: 'average' | 'top'; loFactor: number; hiFactor: number; note: string };

/** The vague-words table, validated. */
export interface VagueWords {
  note: string;
  phrases: Record<string, PhraseEntry>;
  bounds: { averageSpeedKmh: { lo: number; hi: number; note: string } };
}

/** A problem in a data file, located by JSON path and, where possible, line and column. */
export interface DataError {
  file: string;
  /** JSON Pointer of the offending value, "" for the whole document. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** A parsed value or the list of everything wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

// compiled ahead of time (scripts/build-validators.ts): the app's CSP forbids eval
const validateJourney = journeyValidator as ValidateFunction<Journey>;
const validateVague = vagueValidator as ValidateFunction<VagueWords>;

/** "file:line:col: /path: message". */
export function formatDataError(e: DataError): string {
  const at = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return `${at}: ${e.path || '(document)'}: ${e.message}`;
}

/** 1-based line and column of a character offset in a text. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

const escapePointer = (key: string): string => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** How deep {@link jsonOffsets} follows nested arrays and objects; data files need a handful. */
export const MAX_JSON_OFFSET_DEPTH = 1000;

/**
 * Offsets of every value in a (valid) JSON text, keyed by JSON Pointer. A small scanner rather
 * than JSON.parse, because JSON.parse forgets where things were. It keeps its own stack (a text
 * nested a million deep must not overflow the call stack) and stops going deeper than
 * {@link MAX_JSON_OFFSET_DEPTH}: values below that are not located.
 */
export function jsonOffsets(text: string): Map<string, number> {
  const out = new Map<string, number>();
  let i = 0;
  const ws = (): void => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const str = (): string => {
    const start = i;
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  // the open arrays and objects, innermost last; for an array, the index of its next value
  const open: { pointer: string; array: boolean; n: number }[] = [];
  let pointer: string | undefined = '';
  while (pointer !== undefined) {
    ws();
    out.set(pointer, i);
    const c = text[i];
    if (c === '{' || c === '[') {
      if (open.length >= MAX_JSON_OFFSET_DEPTH) break;
      i++;
      open.push({ pointer, array: c === '[', n: 0 });
    } else if (c === '"') str();
    else while (i < text.length && /[^\s,\]}]/.test(text[i]!)) i++;
    // the next value: in the innermost open container, after closing those that end here
    pointer = undefined;
    while (open.length > 0) {
      const top = open[open.length - 1]!;
      ws();
      if (text[i] === ',') i++;
      ws();
      if (i >= text.length || text[i] === (top.array ? ']' : '}')) {
        i++;
        open.pop();
        continue;
      }
      if (top.array) pointer = `${top.pointer}/${top.n++}`;
      else {
        const key = str();
        ws();
        i++; // ':'
        pointer = `${top.pointer}/${escapePointer(key)}`;
      }
      break;
    }
  }
  return out;
}

/** A DataError at a JSON pointer, located in the text when the pointer is found. */
function errorAt(
  file: string,
  text: string,
  offsets: Map<string, number>,
  path: string,
  message: string,
): DataError {
  const offset = offsets.get(path);
  return offset === undefined
    ? { file, path, message }
    : { file, path, ...lineColumnAt(text, offset), message };
}

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown property "${String(e.params['additionalProperty'])}"`;
  if (e.keyword === 'enum' || e.keyword === 'const')
    return `${e.message ?? 'invalid'}: ${JSON.stringify(e.params['allowedValues'] ?? e.params['allowedValue'])}`;
  return e.message ?? e.keyword;
}

/** Parses JSON text, reporting a syntax error with its line and column instead of throwing. */
function parseJsonText(text: string, file: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const where = pos ? lineColumnAt(text, Number(pos[1])) : {};
    return {
      ok: false,
      errors: [{ file, path: '', ...where, message: `invalid JSON: ${message}` }],
    };
  }
}

function schemaErrors(
  validate: ValidateFunction,
  data: unknown,
  text: string,
  file: string,
): DataError[] {
  if (validate(data)) return [];
  const offsets = jsonOffsets(text);
  const seen = new Set<string>();
  const errors: DataError[] = [];
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue; // their branches say why
    const error = errorAt(file, text, offsets, e.instancePath, ajvMessage(e));
    const key = `${error.path} ${error.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push(error);
  }
  return errors.length ? errors : [{ file, path: '', message: 'does not match the schema' }];
}

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
 * Parses and validates a journey file's text against geo/schema/journey.schema.json, then checks
 * its cross-references (and, given the vague-words table, that every phrase is in it). Never
 * throws: errors come back with the file name, JSON path and line:column.
 */
export function parseJourney(text: string, fileName: string, vague?: VagueWords): Parsed<Journey> {
  const json = parseJsonText(text, fileName);
  if (!json.ok) return json;
  const errors = schemaErrors(validateJourney, json.value, text, fileName);
  if (errors.length) return { ok: false, errors };
  const journey = json.value as Journey;
  const offsets = jsonOffsets(text);
  const refs = referenceErrors(journey, vague).map(([path, message]) =>
    errorAt(fileName, text, offsets, path, message),
  );
  return refs.length ? { ok: false, errors: refs } : { ok: true, value: journey };
}

/** Parses and validates a vague-words table against geo/schema/vague-words.schema.json. */
export function parseVagueWords(text: string, fileName: string): Parsed<VagueWords> {
  const json = parseJsonText(text, fileName);
  if (!json.ok) return json;
  const errors = schemaErrors(validateVague, json.value, text, fileName);
  return errors.length ? { ok: false, errors } : { ok: true, value: json.value as VagueWords };
}

/** A journey with everything it refers to, loaded from disk. */
export interface LoadedJourney {
  journey: Journey;
  vague: VagueWords;
  journeyPath: string;
  /** Absolute path of the route GeoJSON the journey names. */
  routePath: string;
}

/**
 * Node only: reads a journey file and its vague-words table, validates both and resolves the
 * route path. Missing files come back as errors, not exceptions.
 */
export async function loadJourney(journeyPath: string): Promise<Parsed<LoadedJourney>> {
  const { readFile } = await import('node:fs/promises');
  const { dirname, resolve } = await import('node:path');
  const read = async (file: string): Promise<Parsed<string>> => {
    try {
      return { ok: true, value: await readFile(file, 'utf8') };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, errors: [{ file, path: '', message: `cannot read: ${message}` }] };
    }
  };
  const text = await read(journeyPath);
  if (!text.ok) return text;
  const first = parseJourney(text.value, journeyPath);
  if (!first.ok) return first;
  const dir = dirname(resolve(journeyPath));
  const vaguePath = resolve(dir, first.value.vagueWords);
  const vagueText = await read(vaguePath);
  if (!vagueText.ok) return vagueText;
  const vague = parseVagueWords(vagueText.value, vaguePath);
  if (!vague.ok) return vague;
  const journey = parseJourney(text.value, journeyPath, vague.value);
  if (!journey.ok) return journey;
  return {
    ok: true,
    value: {
      journey: journey.value,
      vague: vague.value,
      journeyPath: resolve(journeyPath),
      routePath: resolve(dir, journey.value.route),
    },
  };
}
