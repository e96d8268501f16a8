import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import { distance } from '@turf/turf';
import { DEFAULT_ROUTING, onRouting, routingNames } from './routing';

/** Properties of one leg of a route (a LineString in travel order). */
export interface LegProps {
  kind: 'leg';
  id: string;
  line: string;
  line_local?: string;
  from: string;
  to: string;
  /** ISO 3166-1 alpha-2 of the country the leg lies in ("KP", "CN"). */
  country: string;
  /** The routings this leg belongs to; a leg without `variants` belongs to every routing. */
  variants?: string[];
  /** Set only on legs exclusive to one alternative routing. */
  variant?: string;
  published_km?: number;
  published_km_source?: string;
  source: string;
}

/** Properties of a station or the border point. */
export interface StationProps {
  kind: 'station' | 'border';
  name: string;
  name_local?: string;
  country: string;
  km?: number;
  principal?: boolean;
  /** The routings the station lies on; absent: every routing. */
  variants?: string[];
  variant?: string;
  source: string;
}

export type LegFeature = Feature<LineString, LegProps>;
export type StationFeature = Feature<Point, StationProps>;
export type RouteCollection = FeatureCollection<LineString | Point, LegProps | StationProps>;

export interface MeasuredLeg {
  id: string;
  line: string;
  from: string;
  to: string;
  country: string;
  startKm: number;
  endKm: number;
  lengthKm: number;
  publishedKm?: number;
}

export interface MeasuredStation {
  name: string;
  nameLocal?: string;
  kind: 'station' | 'border';
  country: string;
  /** Distance along this routing, measured on the geometry. */
  km: number;
  principal: boolean;
}

/** A routing measured once: vertices, cumulative km per vertex, legs and stations by km. */
export interface MeasuredRoute {
  variant: string;
  /** Vertex longitudes and latitudes, in travel order. */
  lon: Float64Array;
  lat: Float64Array;
  /** Distance along the route at each vertex, km; non-decreasing, starts at 0. */
  cumKm: Float64Array;
  /** Bearing of the segment leaving each vertex, degrees clockwise from north. */
  bearingDeg: Float64Array;
  /** Index of the leg each vertex's outgoing segment belongs to. */
  legOfVertex: Uint16Array;
  totalKm: number;
  legs: MeasuredLeg[];
  stations: MeasuredStation[];
}

export const isLeg = (f: Feature): f is LegFeature =>
  f.geometry?.type === 'LineString' && (f.properties as LegProps | null)?.kind === 'leg';
export const isStation = (f: Feature): f is StationFeature =>
  f.geometry?.type === 'Point' &&
  ['station', 'border'].includes((f.properties as StationProps | null)?.kind ?? '');

/** The legs of one routing, in the order they appear in the collection (travel order). */
export function legsOf(route: RouteCollection, variant: string): LegFeature[] {
  return route.features.filter(isLeg).filter((f) => onRouting(f.properties, variant));
}

/** The routings a collection offers, e.g. ["A", "B", "C"]; ["A"] when no leg names any. */
export function variantsOf(route: RouteCollection): string[] {
  return routingNames(route.features.filter(isLeg).map((f) => f.properties));
}

const toRad = Math.PI / 180;

/** Initial great-circle bearing from a to b, degrees in [0, 360). */
export function bearingBetween(a: Position, b: Position): number {
  const φ1 = a[1]! * toRad;
  const φ2 = b[1]! * toRad;
  const Δλ = (b[0]! - a[0]!) * toRad;
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return (((Math.atan2(y, x) / toRad) % 360) + 360) % 360;
}

/**
 * Measures one routing of a route once: concatenates its legs, computes the cumulative distance at
 * every vertex with Turf (kilometres), and places every station of the routing by its nearest point.
 */
export function measureRoute(route: RouteCollection, variant = DEFAULT_ROUTING): MeasuredRoute {
  const legFeatures = legsOf(route, variant);
  if (legFeatures.length === 0) throw new Error(`route has no legs for routing ${variant}`);
  const coords: Position[] = [];
  const legOf: number[] = [];
  const legs: MeasuredLeg[] = [];
  const cum: number[] = [];
  let km = 0;
  legFeatures.forEach((leg, legIndex) => {
    const startKm = km;
    leg.geometry.coordinates.forEach((p, i) => {
      const prev = coords[coords.length - 1];
      if (i === 0 && prev && coords.length > 0) {
        // the joint between legs: continue from the previous leg's end (gap counted as distance)
        km += distance(prev, p, { units: 'kilometers' });
        if (km === cum[cum.length - 1]) {
          legOf[legOf.length - 1] = legIndex;
          return;
        }
      } else if (prev && i > 0) {
        km += distance(prev, p, { units: 'kilometers' });
      }
      coords.push(p);
      cum.push(km);
      legOf.push(legIndex);
    });
    const p = leg.properties;
    legs.push({
      id: p.id,
      line: p.line,
      from: p.from,
      to: p.to,
      country: p.country,
      startKm,
      endKm: km,
      lengthKm: km - startKm,
      ...(p.published_km === undefined ? {} : { publishedKm: p.published_km }),
    });
  });

  const n = coords.length;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const bearingDeg = new Float64Array(n);
  coords.forEach((p, i) => {
    lon[i] = p[0]!;
    lat[i] = p[1]!;
  });
  for (let i = 0; i < n; i++) {
    const j = i < n - 1 ? i + 1 : i;
    const k = i < n - 1 ? i : i - 1;
    bearingDeg[i] = n > 1 ? bearingBetween(coords[k]!, coords[j]!) : 0;
  }

  const cumKm = Float64Array.from(cum);
  const stations = route.features
    .filter(isStation)
    .filter((s) => onRouting(s.properties, variant))
    .map((s) => {
      const near = nearestOnRoute(lon, lat, cumKm, s.geometry.coordinates);
      return {
        name: s.properties.name,
        ...(s.properties.name_local ? { nameLocal: s.properties.name_local } : {}),
        kind: s.properties.kind,
        country: s.properties.country,
        km: near.km,
        principal: s.properties.principal ?? false,
        offKm: near.offKm,
      };
    })
    .filter((s) => s.offKm < 1)
    .map(({ offKm: _offKm, ...s }) => s)
    .sort((a, b) => a.km - b.km);

  return {
    variant,
    lon,
    lat,
    cumKm,
    bearingDeg,
    legOfVertex: Uint16Array.from(legOf),
    totalKm: km,
    legs,
    stations,
  };
}

const KM_PER_DEG_LAT = 111.195;

/**
 * The point of a route nearest to `p`: its km along the route and its distance off it. Each segment
 * is compared in a local equirectangular plane around `p` (exact enough within a few km, which is
 * all a station placement needs), so placing a station costs O(n) additions, not Turf features.
 */
export function nearestOnRoute(
  lon: Float64Array,
  lat: Float64Array,
  cumKm: Float64Array,
  p: Position,
): { km: number; offKm: number } {
  const kx = KM_PER_DEG_LAT * Math.cos((p[1]! * Math.PI) / 180);
  const px = p[0]!;
  const py = p[1]!;
  let best = { km: 0, offKm: Infinity };
  if (lon.length === 1)
    return { km: 0, offKm: Math.hypot((lon[0]! - px) * kx, (lat[0]! - py) * KM_PER_DEG_LAT) };
  for (let i = 0; i < lon.length - 1; i++) {
    const ax = (lon[i]! - px) * kx;
    const ay = (lat[i]! - py) * KM_PER_DEG_LAT;
    const bx = (lon[i + 1]! - px) * kx;
    const by = (lat[i + 1]! - py) * KM_PER_DEG_LAT;
    const dx = bx - ax;
    const dy = by - ay;
    const len2 = dx * dx + dy * dy;
    const f = len2 > 0 ? Math.min(Math.max(-(ax * dx + ay * dy) / len2, 0), 1) : 0;
    const d = Math.hypot(ax + f * dx, ay + f * dy);
    if (d < best.offKm) best = { km: cumKm[i]! + f * (cumKm[i + 1]! - cumKm[i]!), offKm: d };
  }
  return best;
}
