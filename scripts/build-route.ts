// Builds a route GeoJSON from a folder of waypoint files (default: geo/routes/src/*.json →
// geo/routes/pyongyang-beijing.geojson; the 2019 Hanoi trip: --src geo/routes/hanoi-src
// --out geo/routes/pyongyang-dongdang-2019.geojson).
// Each leg: centripetal Catmull–Rom spline through its waypoints, densified (≤ 2 km spacing).
// Run: npx tsx scripts/build-route.ts [--src DIR --out FILE]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { length, lineString } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';

const ROOT = join(import.meta.dirname, '..');
const DEFAULT_SRC = join(ROOT, 'geo/routes/src');
const DEFAULT_OUT = join(ROOT, 'geo/routes/pyongyang-beijing.geojson');
const STEP_KM = 0.5; // spline sampling step; output spacing stays well under the 2 km limit

interface Waypoint {
  lat: number;
  lon: number;
  source: string;
  name?: string;
  note?: string;
}
interface Station extends Waypoint {
  name: string;
  name_local?: string;
  km?: number;
  principal?: boolean;
  kind?: string;
}
interface Leg {
  id: string;
  order: number;
  line: string;
  line_local?: string;
  from: string;
  to: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  variants: string[];
  variant?: string;
  published_km?: number;
  published_km_source?: string;
  source: string;
  waypoints: Waypoint[];
  stations: Station[];
}
type Obj = Record<string, unknown>;

class InvalidFile extends Error {}
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
function need(ok: boolean, file: string, path: string, msg: string): asserts ok {
  if (!ok) throw new InvalidFile(`${file}: ${path} ${msg}`);
}
function str(o: Obj, k: string, file: string, path: string, optional = false): void {
  if (optional && o[k] === undefined) return;
  need(typeof o[k] === 'string' && o[k] !== '', file, `${path}.${k}`, 'must be a non-empty string');
}
function num(
  o: Obj,
  k: string,
  file: string,
  path: string,
  min: number,
  max: number,
  optional = false,
): void {
  if (optional && o[k] === undefined) return;
  const v = o[k];
  need(
    typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max,
    file,
    `${path}.${k}`,
    `must be a number in [${min}, ${max}]`,
  );
}
function point(o: unknown, file: string, path: string): void {
  need(isObj(o), file, path, 'must be an object');
  num(o, 'lat', file, path, -90, 90);
  num(o, 'lon', file, path, -180, 180);
  str(o, 'source', file, path);
}

function validate(raw: unknown, file: string): Leg {
  need(isObj(raw), file, '$', 'must be an object');
  for (const k of ['id', 'line', 'from', 'to', 'source']) str(raw, k, file, '$');
  for (const k of ['line_local', 'published_km_source']) str(raw, k, file, '$', true);
  num(raw, 'order', file, '$', 0, 1000);
  num(raw, 'published_km', file, '$', 0, 5000, true);
  need(
    typeof raw.country === 'string' && /^[A-Z]{2}$/.test(raw.country),
    file,
    '$.country',
    'must be an ISO 3166-1 alpha-2 code such as "KP" or "CN"',
  );
  const variants = raw.variants;
  need(
    Array.isArray(variants) && variants.length > 0 && variants.every((v) => typeof v === 'string'),
    file,
    '$.variants',
    'must be a non-empty array of strings',
  );
  need(
    raw.variant === undefined ||
      (typeof raw.variant === 'string' && variants.includes(raw.variant)),
    file,
    '$.variant',
    'must be one of $.variants',
  );
  const wps = raw.waypoints;
  need(
    Array.isArray(wps) && wps.length >= 2,
    file,
    '$.waypoints',
    'must be an array of at least 2 points',
  );
  wps.forEach((w, i) => point(w, file, `$.waypoints[${i}]`));
  need(Array.isArray(raw.stations), file, '$.stations', 'must be an array');
  raw.stations.forEach((s: unknown, i: number) => {
    const p = `$.stations[${i}]`;
    point(s, file, p);
    if (!isObj(s)) return;
    str(s, 'name', file, p);
    str(s, 'name_local', file, p, true);
    num(s, 'km', file, p, 0, 5000, true);
    need(
      s.principal === undefined || typeof s.principal === 'boolean',
      file,
      `${p}.principal`,
      'must be a boolean',
    );
    need(
      s.kind === undefined || s.kind === 'station' || s.kind === 'border',
      file,
      `${p}.kind`,
      'must be "station" or "border"',
    );
  });
  return raw as unknown as Leg;
}

// Centripetal Catmull–Rom (alpha 0.5) in a local equirectangular plane (km).
type V = [number, number];
function spline(wps: Waypoint[]): V[] {
  const lat0 = wps.reduce((s, w) => s + w.lat, 0) / wps.length;
  const kx = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const ky = 110.57;
  const P: V[] = wps.map((w) => [w.lon * kx, w.lat * ky]);
  const first = P[0]!,
    second = P[1]!,
    last = P[P.length - 1]!,
    prev = P[P.length - 2]!;
  const ext: V[] = [
    [2 * first[0] - second[0], 2 * first[1] - second[1]],
    ...P,
    [2 * last[0] - prev[0], 2 * last[1] - prev[1]],
  ];
  const lerp = (a: V, b: V, ta: number, tb: number, t: number): V => {
    const d = tb - ta;
    return [((tb - t) * a[0] + (t - ta) * b[0]) / d, ((tb - t) * a[1] + (t - ta) * b[1]) / d];
  };
  const knot = (a: V, b: V): number =>
    Math.max(Math.sqrt(Math.hypot(b[0] - a[0], b[1] - a[1])), 1e-6);
  const out: V[] = [];
  for (let i = 1; i < ext.length - 2; i++) {
    const [p0, p1, p2, p3] = [ext[i - 1]!, ext[i]!, ext[i + 1]!, ext[i + 2]!];
    const t1 = knot(p0, p1),
      t2 = t1 + knot(p1, p2),
      t3 = t2 + knot(p2, p3);
    const n = Math.max(1, Math.ceil(Math.hypot(p2[0] - p1[0], p2[1] - p1[1]) / STEP_KM));
    out.push(p1);
    for (let j = 1; j < n; j++) {
      const t = t1 + ((t2 - t1) * j) / n;
      const a1 = lerp(p0, p1, 0, t1, t),
        a2 = lerp(p1, p2, t1, t2, t),
        a3 = lerp(p2, p3, t2, t3, t);
      out.push(lerp(lerp(a1, a2, 0, t2, t), lerp(a2, a3, t1, t3, t), t1, t2, t));
    }
  }
  out.push(last);
  const r = (x: number): number => Math.round(x * 1e6) / 1e6;
  return out.map(([x, y], i) => {
    const exact = i === out.length - 1 ? wps[wps.length - 1] : undefined;
    return exact ? [exact.lon, exact.lat] : [r(x / kx), r(y / ky)];
  });
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

/**
 * A leg that runs on the same track as a leg of another route names that file in
 * `geometry_from` (relative to its folder) and takes its waypoints and stations from it, so the
 * track is surveyed once.
 */
function withSharedGeometry(raw: unknown, dir: string): unknown {
  if (!isObj(raw) || typeof raw.geometry_from !== 'string') return raw;
  const shared = readJson(join(dir, raw.geometry_from));
  if (!isObj(shared)) return raw;
  const { geometry_from: _from, ...rest } = raw;
  return { ...rest, waypoints: shared.waypoints, stations: shared.stations };
}

/** Builds one route GeoJSON from a folder of waypoint files and prints each leg's figures. */
export function buildRoute(src: string, out: string): void {
  const files = readdirSync(src)
    .filter((f) => f.endsWith('.json'))
    .sort();
  const legs: Leg[] = [];
  try {
    for (const f of files) legs.push(validate(withSharedGeometry(readJson(join(src, f)), src), f));
  } catch (e) {
    console.error(
      e instanceof InvalidFile || e instanceof SyntaxError
        ? `Invalid waypoint file — ${e.message}`
        : e,
    );
    process.exit(1);
  }
  legs.sort((a, b) => a.order - b.order || a.id.localeCompare(b.id));
  const legFeatures: Feature<LineString>[] = [];
  const stationFeatures: Feature<Point>[] = [];
  const rows: string[] = [];
  const totals = new Map<string, number>();
  for (const leg of legs) {
    const coords = spline(leg.waypoints);
    const km = length(lineString(coords), { units: 'kilometers' });
    const props: Record<string, unknown> = { ...leg };
    delete props.waypoints;
    delete props.stations;
    legFeatures.push({
      type: 'Feature',
      properties: { kind: 'leg', ...props, measured_km: Math.round(km * 10) / 10 },
      geometry: { type: 'LineString', coordinates: coords },
    });
    for (const s of leg.stations) {
      const { lat, lon, kind, ...rest } = s;
      const variant = leg.variant === undefined ? {} : { variant: leg.variant };
      stationFeatures.push({
        type: 'Feature',
        properties: {
          kind: kind ?? 'station',
          ...rest,
          country: leg.country,
          variants: leg.variants,
          ...variant,
        },
        geometry: { type: 'Point', coordinates: [lon, lat] },
      });
    }
    for (const v of leg.variants) totals.set(v, (totals.get(v) ?? 0) + km);
    const pub = leg.published_km;
    const diff = pub === undefined ? '' : `${(((km - pub) / pub) * 100).toFixed(1)}%`;
    rows.push(
      [
        leg.id.padEnd(14),
        String(coords.length).padStart(6),
        km.toFixed(1).padStart(9),
        (pub?.toFixed(1) ?? '–').padStart(9),
        diff.padStart(7),
      ].join(' '),
    );
  }
  const fc: FeatureCollection = {
    type: 'FeatureCollection',
    features: [...legFeatures, ...stationFeatures],
  };
  writeFileSync(out, JSON.stringify(fc, null, 1) + '\n');
  console.log('leg            vertices  measured  published   diff');
  console.log(rows.join('\n'));
  for (const [v, km] of [...totals].sort()) console.log(`routing ${v}: ${km.toFixed(1)} km in all`);
  console.log(`wrote ${out} (${legFeatures.length} legs, ${stationFeatures.length} stations)`);
}

/** `npx tsx scripts/build-route.ts [--src geo/routes/src] [--out geo/routes/pyongyang-beijing.geojson]` */
if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const arg = (flag: string, fallback: string) => {
    const i = process.argv.indexOf(flag);
    return i > 0 && process.argv[i + 1] ? join(process.cwd(), process.argv[i + 1]!) : fallback;
  };
  buildRoute(arg('--src', DEFAULT_SRC), arg('--out', DEFAULT_OUT));
}
