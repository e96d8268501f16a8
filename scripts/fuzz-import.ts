/**
 * Property-based fuzzing of every importer with fast-check: malformed GeoJSON, GPX, KML, journey
 * files and raw bytes. Checks that no importer throws, that every rejection names the file and a
 * place (a JSON path or a line), and that every accepted route is drawable (finite coordinates,
 * at least one leg). `npm test` runs a small count (src/import/fuzz.test.ts).
 *   npx tsx scripts/fuzz-import.ts [--runs 10000] [--seed 1]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import type { VagueWords } from '../src/domain/data/journey';
import { isLeg } from '../src/domain/route/route';
import type { ImportResult } from '../src/import/types';
import { importGeoJson } from '../src/import/geojson';
import { importGpx } from '../src/import/gpx';
import { importKml } from '../src/import/kml';
import { importJourney } from '../src/import/journey-file';
import { importFile } from '../src/import/detect';
import { parseJson } from '../src/domain/data/json-text';

const root = join(import.meta.dirname, '..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const fixture = (name: string): string => read(`tests/fixtures/import/${name}`);

/** Why a result breaks the importers' contract, or null when it keeps it. */
export function contractProblem(file: string, result: ImportResult): string | null {
  if (typeof result !== 'object' || result === null) return 'no result object';
  if (!result.ok) {
    if (!Array.isArray(result.errors) || result.errors.length === 0)
      return 'a rejection without errors';
    for (const e of result.errors) {
      if (e.file !== file)
        return `an error names file ${JSON.stringify(e.file)}, not ${JSON.stringify(file)}`;
      if (typeof e.message !== 'string' || e.message.length === 0)
        return 'an error without a message';
      const located = (e.line !== undefined && e.line >= 1) || e.path.startsWith('/');
      if (!located) return `an error with neither a JSON path nor a line: ${e.message}`;
    }
    return null;
  }
  const legs = result.value.route.features.filter(isLeg);
  if (legs.length === 0) return 'an accepted route without legs';
  for (const f of result.value.route.features) {
    const coords = f.geometry.type === 'Point' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const p of coords as number[][])
      if (!Number.isFinite(p[0]) || !(Math.abs(p[1]!) <= 90))
        return `an accepted bad position ${JSON.stringify(p)}`;
  }
  const knots = result.value.timeline?.knots ?? [];
  for (let i = 1; i < knots.length; i++)
    if (!(knots[i]!.tSec > knots[i - 1]!.tSec) || knots[i]!.km < knots[i - 1]!.km)
      return `timeline knot ${i} goes backwards`;
  return null;
}

/** Text edits that break a valid file in the ways files get broken: cuts, junk, swaps. */
function mutated(base: string): fc.Arbitrary<string> {
  const edit = fc.oneof(
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.nat({ max: 40 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      s: fc.oneof(
        fc.string({ maxLength: 8 }),
        fc.constantFrom(
          '<',
          '>',
          '&',
          '"',
          '"',
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '-',
          '1e999',
          'NaN',
          '</a>',
          '<!--',
          ']]>',
          '\u0000',
          '\uFFFD',
          '&#0;',
          '&#xD800;',
        ),
      ),
    }),
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('digit' as const),
      at: fc.nat(),
      d: fc.constantFrom('9', '-', '.', 'e', '0'),
    }),
  );
  return fc.array(edit, { minLength: 1, maxLength: 4 }).map((edits) => {
    let s = base;
    for (const e of edits) {
      const at = s.length ? e.at % s.length : 0;
      if (e.kind === 'cut') s = s.slice(0, at) + s.slice(at + e.len + 1);
      else if (e.kind === 'insert') s = s.slice(0, at) + e.s + s.slice(at);
      else if (e.kind === 'truncate') s = s.slice(0, at);
      else {
        // change a digit: pushes coordinates out of range, breaks times and numbers
        const digits = [...s.matchAll(/\d/g)];
        const m = digits.length ? digits[at % digits.length] : undefined;
        if (m?.index !== undefined) s = s.slice(0, m.index) + e.d + s.slice(m.index + 1);
      }
    }
    return s;
  });
}

/** A JSON document with one value somewhere replaced by something of another shape. */
export function reshaped(base: unknown): fc.Arbitrary<string> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, path: (string | number)[]) => {
    paths.push(path);
    if (paths.length > 2000) return;
    if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...path, i]));
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) walk(x, [...path, k]);
  };
  walk(base, []);
  const weird = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      null,
      191.2,
      -95,
      1e308,
      -0,
      '',
      'LineString',
      [],
      {},
      [[0, 0]],
      [0],
      [[0, 0, 0, 0]],
      { type: 'Point' },
    ),
  );
  return fc
    .tuple(fc.array(fc.tuple(fc.nat(), weird, fc.boolean()), { minLength: 1, maxLength: 3 }))
    .map(([changes]) => {
      const doc = structuredClone(base) as Record<string | number, unknown>;
      for (const [i, value, remove] of changes) {
        const path = paths[i % paths.length]!;
        // a fresh copy: constantFrom hands out the same [] and {} every time, and a later change
        // writing into one of them would make the document circular (and leak into later runs)
        const fresh = structuredClone(value);
        if (path.length === 0) return JSON.stringify(fresh);
        let parent: unknown = doc;
        for (const key of path.slice(0, -1))
          parent =
            parent && typeof parent === 'object'
              ? (parent as Record<string | number, unknown>)[key]
              : undefined;
        if (!parent || typeof parent !== 'object') continue; // an earlier change removed it
        const key = path[path.length - 1]!;
        const obj = parent as Record<string | number, unknown>;
        if (remove && !Array.isArray(parent)) delete obj[key];
        else obj[key] = fresh;
      }
      return JSON.stringify(doc, null, 1);
    });
}

/** GPX-shaped text with random numbers, times and names. */
const gpxShaped: fc.Arbitrary<string> = fc
  .array(
    fc.record({
      lat: fc.oneof(fc.double({ min: -100, max: 100 }).map(String), fc.string({ maxLength: 4 })),
      lon: fc.oneof(fc.double({ min: -200, max: 200 }).map(String), fc.string({ maxLength: 4 })),
      time: fc.option(
        fc.oneof(
          fc
            .date({ min: new Date(0), max: new Date(4e12) })
            .map((d) => (Number.isNaN(d.getTime()) ? 'x' : d.toISOString())),
          fc.string({ maxLength: 12 }),
        ),
      ),
    }),
    { maxLength: 8 },
  )
  .map(
    (pts) =>
      `<gpx version="1.1"><trk><trkseg>${pts
        .map(
          (p) =>
            `<trkpt lat="${p.lat.replace(/[<&"]/g, '')}" lon="${p.lon.replace(/[<&"]/g, '')}">${p.time === null ? '' : `<time>${p.time.replace(/[<&]/g, '')}</time>`}</trkpt>`,
        )
        .join('')}</trkseg></trk></gpx>`,
  );

const text = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 200 }));

export interface FuzzTarget {
  name: string;
  file: string;
  input: fc.Arbitrary<string | Uint8Array>;
  run: (input: string | Uint8Array) => ImportResult;
}

/** Every importer with its malformed inputs. */
export function fuzzTargets(): FuzzTarget[] {
  const route = fixture('route.geojson');
  const gpx = fixture('track.gpx');
  const kml = fixture('route.kml');
  const journey = read('geo/journeys/pyongyang-beijing-2025.json');
  const vague = JSON.parse(read('geo/journeys/vague-words.json')) as VagueWords;
  const routeValue = importGeoJson(route, 'route.geojson');
  if (!routeValue.ok) throw new Error('route fixture does not import');
  const asText = (x: string | Uint8Array) =>
    typeof x === 'string' ? x : new TextDecoder().decode(x);
  return [
    {
      name: 'geojson',
      file: 'fuzz.geojson',
      input: fc.oneof(
        mutated(route),
        reshaped(JSON.parse(route)),
        reshaped(JSON.parse(fixture('antimeridian.geojson'))),
        text,
      ),
      run: (x) => importGeoJson(asText(x), 'fuzz.geojson'),
    },
    {
      name: 'gpx',
      file: 'fuzz.gpx',
      input: fc.oneof(mutated(gpx), mutated(fixture('xss.gpx')), gpxShaped, text),
      run: (x) => importGpx(asText(x), 'fuzz.gpx'),
    },
    {
      name: 'kml',
      file: 'fuzz.kml',
      input: fc.oneof(mutated(kml), mutated(fixture('bad-coordinate.kml')), text),
      run: (x) => importKml(asText(x), 'fuzz.kml'),
    },
    {
      name: 'journey',
      file: 'fuzz-journey.json',
      input: fc.oneof(mutated(journey), reshaped(JSON.parse(journey)), text),
      run: (x) => {
        const t = asText(x);
        const json = parseJson(t, 'fuzz-journey.json');
        return json.ok
          ? importJourney(json.value, t, 'fuzz-journey.json', routeValue.value, vague)
          : json;
      },
    },
    {
      name: 'importFile (bytes)',
      file: 'fuzz.bin',
      input: fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        mutated(gpx).map((s) => new TextEncoder().encode(s)),
        mutated(route).map((s) => {
          const b = new TextEncoder().encode(s);
          if (b.length) b[s.length % b.length] = 0xc3; // a broken UTF-8 sequence, somewhere
          return b;
        }),
        mutated(kml),
      ),
      run: (x) =>
        importFile(
          'fuzz.bin',
          (typeof x === 'string' ? new TextEncoder().encode(x) : x).slice().buffer as ArrayBuffer,
        ),
    },
  ];
}

export interface FuzzReport {
  name: string;
  runs: number;
  rejected: number;
  accepted: number;
  failure: string | null;
}

/** Runs one target; a thrown exception or a broken contract is the failure, with its input. */
export function fuzz(target: FuzzTarget, runs: number, seed: number): FuzzReport {
  let rejected = 0;
  let accepted = 0;
  const details = fc.check(
    fc.property(target.input, (input) => {
      const result = target.run(input);
      const problem = contractProblem(target.file, result);
      if (problem) throw new Error(problem);
      if (result.ok) accepted++;
      else rejected++;
    }),
    { numRuns: runs, seed },
  );
  const failure = details.failed
    ? `${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n  counterexample: ${JSON.stringify(details.counterexample)?.slice(0, 500)}`
    : null;
  return { name: target.name, runs: details.numRuns, rejected, accepted, failure };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const runs = Number(arg('--runs') ?? 10_000);
  const seed = Number(arg('--seed') ?? 1);
  let failed = false;
  for (const target of fuzzTargets()) {
    const t0 = performance.now();
    const r = fuzz(target, runs, seed);
    const s = ((performance.now() - t0) / 1000).toFixed(1);
    console.log(
      `${r.name.padEnd(20)} ${r.runs} inputs: ${r.rejected} rejected with located errors, ${r.accepted} accepted, ${r.failure ? 'FAILED' : '0 uncaught exceptions'} (${s} s)`,
    );
    if (r.failure) {
      failed = true;
      console.log(`  ${r.failure}`);
    }
  }
  process.exitCode = failed ? 1 : 0;
}
