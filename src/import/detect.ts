import type { VagueWords } from '../domain/data/journey';
import { MAX_BYTES, type DataError, type ImportFile, type ImportResult } from './types';
import { jsonSyntaxError, locateJsonErrors } from '../domain/data/json-text';
import { geoJsonFromText, looksLikeGeoJson } from './geojson';
import { importGpx } from './gpx';
import { importKml } from './kml';
import { importJourney, looksLikeJourney } from './journey-file';
import { xmlRootName } from './xml';
import { lineColumnAt } from '../domain/data/text-position';

export interface ImportOptions {
  /** The vague-words table, to check a journey file's phrases. */
  vague?: VagueWords;
}

const NOT_ROUTE = 'not a GeoJSON, GPX, KML or journey file';

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** Offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** The bytes as text, or why they are not usable text (located by line). */
export function decodeBytes(
  name: string,
  bytes: ArrayBuffer,
): { ok: true; text: string } | { ok: false; errors: DataError[] } {
  const fail = (message: string, where: { line?: number; column?: number } = {}) => ({
    ok: false as const,
    errors: [{ file: name, path: '', ...where, message }],
  });
  if (bytes.byteLength > MAX_BYTES)
    return fail(`the file is ${mb(bytes.byteLength)}; files up to ${mb(MAX_BYTES)} can be opened`);
  if (bytes.byteLength === 0) return fail('the file is empty', { line: 1, column: 1 });
  const u8 = new Uint8Array(bytes);
  if ((u8[0] === 0xff && u8[1] === 0xfe) || (u8[0] === 0xfe && u8[1] === 0xff))
    return fail('the file is UTF-16 text: save it as UTF-8', { line: 1, column: 1 });
  if (u8[0] === 0x50 && u8[1] === 0x4b && u8[2] === 0x03 && u8[3] === 0x04)
    return fail(`a zip archive (KMZ?), ${NOT_ROUTE}: unzip it and choose the .kml inside`, {
      line: 1,
      column: 1,
    });
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(u8);
  } catch {
    const at = firstInvalidUtf8(u8);
    const byte = u8[Math.max(at, 0)]!.toString(16).toUpperCase().padStart(2, '0');
    return fail(
      `not UTF-8 text: byte 0x${byte} (byte ${at + 1} of the file) is not valid UTF-8; save the file as UTF-8`,
      lineColumnAt(u8, at),
    );
  }
  if (text.trim() === '')
    return fail('the file is empty (only white space)', { line: 1, column: 1 });
  if (text.includes('\u0000')) return fail(`a binary file, ${NOT_ROUTE}`, { line: 1, column: 1 });
  return { ok: true, text };
}

type Sniffed =
  | { kind: 'geojson'; value: unknown; text: string }
  | { kind: 'journey'; value: unknown; text: string }
  | { kind: 'gpx' | 'kml'; text: string };

/** What kind of file the text is, by its content (never by its name). */
function sniff(name: string, text: string): Sniffed | { errors: DataError[] } {
  const first = text.search(/\S/);
  const start = text[first];
  const at = (message: string): { errors: DataError[] } => ({
    errors: [{ file: name, path: '', line: 1, column: 1, message }],
  });
  if (start === '{' || start === '[') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      return { errors: [jsonSyntaxError(name, text, err)] };
    }
    if (looksLikeGeoJson(value)) return { kind: 'geojson', value, text };
    if (looksLikeJourney(value)) return { kind: 'journey', value, text };
    const type =
      value && typeof value === 'object' && !Array.isArray(value)
        ? (value as Record<string, unknown>)['type']
        : undefined;
    return {
      errors: locateJsonErrors(text, [
        {
          file: name,
          path: type === undefined ? '' : '/type',
          message:
            type === undefined
              ? `JSON, but ${NOT_ROUTE}: GeoJSON has a "type" (FeatureCollection, Feature, LineString…); a journey file has "events" and "claims"`
              : `JSON, but ${NOT_ROUTE}: "type" ${JSON.stringify(type).slice(0, 60)} is not a GeoJSON type`,
        },
      ]),
    };
  }
  if (start === '<') {
    const root = xmlRootName(text);
    if (root === 'gpx') return { kind: 'gpx', text };
    if (root === 'kml') return { kind: 'kml', text };
    if (root === null) return { kind: 'gpx', text }; // broken XML: let the GPX reader say where
    return at(`XML with root element <${root.slice(0, 60)}>, ${NOT_ROUTE}`);
  }
  return at(NOT_ROUTE);
}

const internal = (name: string, err: unknown): ImportResult => ({
  ok: false,
  errors: [
    {
      file: name,
      path: '',
      line: 1,
      column: 1,
      message: `could not read the file (an importer bug: ${err instanceof Error ? err.message : String(err)})`,
    },
  ],
});

function readOne(file: ImportFile): Sniffed | { errors: DataError[] } {
  const decoded = decodeBytes(file.name, file.bytes);
  if (!decoded.ok) return { errors: decoded.errors };
  return sniff(file.name, decoded.text);
}

function routeOf(name: string, s: Exclude<Sniffed, { kind: 'journey' }>): ImportResult {
  if (s.kind === 'gpx') return importGpx(s.text, name);
  if (s.kind === 'kml') return importKml(s.text, name);
  if (s.kind !== 'geojson') return internal(name, new Error(`unexpected kind ${s.kind}`));
  return geoJsonFromText(s.value, s.text, name);
}

/**
 * Reads one dropped or chosen file: GeoJSON, GPX, KML, or the project's journey JSON (which needs
 * its route with it: see `importFiles`). The kind is told by the content. Refuses files over
 * MAX_BYTES, empty files and text that is not UTF-8. Never throws: every problem comes back as a
 * DataError with the file name and a JSON path or line.
 */
export function importFile(
  name: string,
  bytes: ArrayBuffer,
  options: ImportOptions = {},
): ImportResult {
  return importFiles([{ name, bytes }], options);
}

/**
 * Reads the files dropped or chosen together: one route file, or a journey JSON with its route
 * file (GeoJSON, GPX or KML). Never throws.
 */
export function importFiles(files: ImportFile[], options: ImportOptions = {}): ImportResult {
  const names = files.map((f) => f.name).join(', ') || '(no file)';
  try {
    if (files.length === 0)
      return { ok: false, errors: [{ file: names, path: '', message: 'no file was given' }] };
    const read = files.map((f) => ({ name: f.name, sniffed: readOne(f) }));
    const failed = read.flatMap((r) => ('errors' in r.sniffed ? r.sniffed.errors : []));
    if (failed.length) return { ok: false, errors: failed };
    const ok = read as { name: string; sniffed: Sniffed }[];
    const journeys = ok.filter((r) => r.sniffed.kind === 'journey') as {
      name: string;
      sniffed: Extract<Sniffed, { kind: 'journey' }>;
    }[];
    const routes = ok.filter((r) => r.sniffed.kind !== 'journey') as {
      name: string;
      sniffed: Exclude<Sniffed, { kind: 'journey' }>;
    }[];
    if (journeys.length > 1 || routes.length > 1)
      return {
        ok: false,
        errors: [
          {
            file: names,
            path: '',
            message: `${files.length} files: choose one route file, or one journey file with its route file`,
          },
        ],
      };
    const route = routes[0] ? routeOf(routes[0].name, routes[0].sniffed) : null;
    if (route && !route.ok) return route;
    const journey = journeys[0];
    if (journey)
      return importJourney(
        journey.sniffed.value,
        journey.sniffed.text,
        journey.name,
        route?.value ?? null,
        options.vague,
      );
    return route!;
  } catch (err) {
    return internal(names, err);
  }
}
