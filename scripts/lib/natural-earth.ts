import { polygon as turfPolygon, simplify } from '@turf/turf';
import polylabel from 'polylabel';
import type { Feature, FeatureCollection, Geometry, Point, Position } from 'geojson';

/** A Natural Earth layer as read from its GeoJSON (properties as published). */
export type NeCollection = FeatureCollection<Geometry | null, Record<string, unknown>>;

/** Corrections and additions kept in geo/basemap/overrides.json, each naming its source. */
export interface Overrides {
  rivers: Record<
    string,
    { name?: string; name_local?: string; label?: string; minzoom?: number; rank?: number }
  >;
  marine: Record<string, { name?: string; name_local?: string; minzoom?: number }>;
  /** Country labels: local names, and label points where the centre of the country is not the place. */
  countries: Record<string, { name_local?: string; coordinates?: [number, number] }>;
  marineAdded: {
    name: string;
    name_local?: string;
    kind: string;
    coordinates: [number, number];
    minzoom: number;
    maxzoom: number;
  }[];
}

/** A station of the project's own route data: its English and local name. */
export interface StationName {
  name: string;
  name_local?: string;
  country?: string;
}

/** How much detail the processed copy keeps. */
export interface DetailOptions {
  /** Douglas–Peucker tolerance in degrees (0.002° is about 200 m, under a pixel at zoom 8). */
  toleranceDeg: number;
  /** Decimals kept in coordinates (3: about 100 m). */
  digits: number;
}

export const DEFAULT_DETAIL: DetailOptions = { toleranceDeg: 0.002, digits: 3 };

const str = (v: unknown): string | undefined =>
  typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
const num = (v: unknown, fallback: number): number =>
  typeof v === 'number' && Number.isFinite(v) ? v : fallback;

function roundGeometry<G extends Geometry>(g: G, digits: number): G {
  const f = 10 ** digits;
  const walk = (c: unknown): unknown =>
    typeof (c as Position)[0] === 'number'
      ? (c as Position).slice(0, 2).map((v) => Math.round(v * f) / f)
      : (c as unknown[]).map(walk);
  return { ...g, coordinates: walk((g as { coordinates: unknown }).coordinates) } as G;
}

/** Simplified and rounded; null when nothing of the shape is left. */
function detail(g: Geometry, opts: DetailOptions): Geometry | null {
  const simplified =
    g.type === 'Point'
      ? g
      : simplify({ type: 'Feature', properties: {}, geometry: g } as Feature, {
          tolerance: opts.toleranceDeg,
          highQuality: false,
        }).geometry;
  const out = roundGeometry(simplified, opts.digits);
  return hasExtent(out) ? out : null;
}

/** Whether a line still has two distinct points, or a polygon a ring of four. */
function hasExtent(g: Geometry): boolean {
  switch (g.type) {
    case 'LineString':
      return new Set(g.coordinates.map((p) => p.join())).size > 1;
    case 'MultiLineString':
      return g.coordinates.some((l) => new Set(l.map((p) => p.join())).size > 1);
    case 'Polygon':
      return (g.coordinates[0]?.length ?? 0) >= 4;
    case 'MultiPolygon':
      return g.coordinates.some((p) => (p[0]?.length ?? 0) >= 4);
    default:
      return true;
  }
}

const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({
  type: 'Feature',
  properties: Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== undefined)),
  geometry,
});

/**
 * Rivers drawn on the map: Natural Earth's river lines (lake centre lines are dropped: the lake is
 * drawn instead), with the English name, the local name and label from the overrides, and
 * `minzoom` (the zoom from which the river is drawn) and `labelzoom` (from which it is named).
 */
export function processRivers(
  fc: NeCollection,
  overrides: Overrides['rivers'],
  opts = DEFAULT_DETAIL,
): Feature[] {
  const out: Feature[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (!f.geometry || p.featurecla !== 'River') continue;
    const ne = str(p.name_en) ?? str(p.name);
    const o = (ne && overrides[ne]) || {};
    const minzoom = o.minzoom ?? num(p.min_zoom, 9);
    const geometry = detail(f.geometry, opts);
    if (!geometry) continue;
    const name = o.name ?? ne;
    out.push(
      feature(geometry, {
        name,
        name_local: o.name_local,
        label: o.label ?? (name && o.name_local ? `${name} ${o.name_local}` : name),
        minzoom,
        labelzoom: Math.max(minzoom, o.minzoom !== undefined ? minzoom : num(p.min_label, minzoom)),
        rank: o.rank ?? num(p.scalerank, 10),
      }),
    );
  }
  return out;
}

/** Lakes and reservoirs, with name and `minzoom`. */
export function processLakes(fc: NeCollection, opts = DEFAULT_DETAIL): Feature[] {
  const out: Feature[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (!f.geometry) continue;
    const geometry = detail(f.geometry, opts);
    if (!geometry) continue;
    const minzoom = num(p.min_zoom, 9);
    out.push(
      feature(geometry, {
        name: str(p.name),
        minzoom,
        labelzoom: Math.max(minzoom, num(p.min_label, minzoom + 1)),
        reservoir: p.featurecla === 'Reservoir' ? true : undefined,
      }),
    );
  }
  return out;
}

/** The local-language name Natural Earth carries, by country (ISO 3166 alpha-3). */
const LOCAL_NAME_FIELD: Record<string, string> = {
  CHN: 'NAME_ZH',
  TWN: 'NAME_ZH',
  HKG: 'NAME_ZH',
  MAC: 'NAME_ZH',
  RUS: 'NAME_RU',
  DEU: 'NAME_DE',
  AUT: 'NAME_DE',
  FRA: 'NAME_FR',
  ESP: 'NAME_ES',
  MEX: 'NAME_ES',
  ARG: 'NAME_ES',
  PRT: 'NAME_PT',
  BRA: 'NAME_PT',
};

/**
 * Towns are named this many zoom levels before Natural Earth's `min_zoom`: at its own zooms the
 * view of a whole journey (zoom 5–6) names hardly a town off the line.
 */
export const PLACE_ZOOM_EARLIER = 0.6;

/**
 * Cities and towns: English name, local name (the route's own station names first — Korean for
 * North Korea, simplified Chinese for China — then Natural Earth's Chinese, Russian, German, French,
 * Spanish or Portuguese name where that is the country's language and differs from the English),
 * `rank` (Natural Earth scale rank, 0 the most important), population, capital level and `minzoom`.
 */
export function processPlaces(fc: NeCollection, stations: StationName[]): Feature[] {
  const local = new Map<string, string>();
  for (const s of stations) if (s.name_local) local.set(s.name.toLowerCase(), s.name_local);
  const out: Feature[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    if (f.geometry?.type !== 'Point') continue;
    const name = str(p.NAME_EN) ?? str(p.NAME);
    if (!name) continue;
    const field = LOCAL_NAME_FIELD[String(p.ADM0_A3)];
    const ne = field ? str(p[field]) : undefined;
    const fromStations = local.get(name.toLowerCase());
    const nameLocal = fromStations ?? (ne && ne !== name ? ne : undefined);
    const cla = String(p.FEATURECLA ?? '');
    out.push(
      feature(roundGeometry(f.geometry, 4), {
        name,
        name_local: nameLocal,
        rank: num(p.SCALERANK, 10),
        pop: Math.round(num(p.POP_MAX, 0)),
        capital: cla.startsWith('Admin-0 capital') ? 2 : cla.startsWith('Admin-1 capital') ? 1 : 0,
        minzoom: Math.max(0, Math.round((num(p.min_zoom, 8) - PLACE_ZOOM_EARLIER) * 10) / 10),
      }),
    );
  }
  // most important first: the tiles keep this order and labels are placed in it
  return out.sort(
    (a, b) =>
      (a.properties!.rank as number) - (b.properties!.rank as number) ||
      (b.properties!.pop as number) - (a.properties!.pop as number),
  );
}

/** The point deepest inside a (multi)polygon's largest part: where its name goes. */
export function labelPoint(g: Geometry): Position | null {
  const polys =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  let best: Position[][] | null = null;
  let bestArea = -1;
  for (const poly of polys) {
    const ring = poly[0] ?? [];
    let a = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++)
      a += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
    if (Math.abs(a) > bestArea) {
      bestArea = Math.abs(a);
      best = poly;
    }
  }
  if (!best) return null;
  turfPolygon(best); // throws on a malformed ring rather than placing a label in nowhere
  const p = polylabel(best as [number, number][][], 0.01);
  return [p[0]!, p[1]!];
}

/** Seas, bays and straits as label points (`minzoom`…`maxzoom`), plus the project's additions. */
export function processMarine(fc: NeCollection, overrides: Overrides): Feature<Point>[] {
  const out: Feature<Point>[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    const ne = str(p.name);
    if (!f.geometry || !ne) continue;
    const at = labelPoint(f.geometry);
    if (!at) continue;
    const o = overrides.marine[ne] ?? {};
    out.push(
      feature(roundGeometry({ type: 'Point', coordinates: at }, 3), {
        name: o.name ?? ne,
        name_local: o.name_local,
        kind: str(p.featurecla),
        minzoom: o.minzoom ?? num(p.min_label, 5),
        maxzoom: num(p.max_label, 10),
        rank: num(p.scalerank, 6),
      }) as Feature<Point>,
    );
  }
  for (const a of overrides.marineAdded) {
    out.push(
      feature(
        { type: 'Point', coordinates: a.coordinates },
        {
          name: a.name,
          name_local: a.name_local,
          kind: a.kind,
          minzoom: a.minzoom,
          maxzoom: a.maxzoom,
          rank: 5,
        },
      ) as Feature<Point>,
    );
  }
  return out.sort((a, b) => (a.properties!.rank as number) - (b.properties!.rank as number));
}

/** Named peaks with elevation (m). */
export function processPeaks(fc: NeCollection): Feature[] {
  const out: Feature[] = [];
  for (const f of fc.features) {
    const p = f.properties;
    const name = str(p.name);
    if (f.geometry?.type !== 'Point' || !name || p.featurecla !== 'mountain') continue;
    out.push(
      feature(roundGeometry(f.geometry, 3), {
        name,
        elevation: typeof p.elevation === 'number' ? p.elevation : undefined,
        minzoom: num(p.min_zoom, 8),
      }),
    );
  }
  return out;
}

/** Built-up areas, drawn as a tint, from `minzoom`. */
export function processUrban(fc: NeCollection, opts = DEFAULT_DETAIL): Feature[] {
  const out: Feature[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    const geometry = detail(f.geometry, opts);
    if (geometry) out.push(feature(geometry, { minzoom: num(f.properties.min_zoom, 6) }));
  }
  return out;
}
