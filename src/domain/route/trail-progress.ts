import type { MeasuredRoute } from './route';
import { positionAt, segmentIndexAt } from './position';

/** Web Mercator x, y in 0…1 (the units MapLibre measures `line-progress` in). */
const mercX = (lon: number) => lon / 360 + 0.5;
const mercY = (lat: number) =>
  0.5 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);

interface MercatorMeasure {
  /** Cumulative Mercator length at each vertex, as a fraction of the whole. */
  fraction: Float64Array;
  /** Where the country changes, as a fraction, and the country that begins there. */
  changes: { fraction: number; country: string }[];
  firstCountry: string;
}

const cache = new WeakMap<MeasuredRoute, MercatorMeasure>();

function measureMercator(route: MeasuredRoute): MercatorMeasure {
  const cached = cache.get(route);
  if (cached) return cached;
  const n = route.lon.length;
  const cum = new Float64Array(n);
  for (let i = 1; i < n; i++) {
    const dx = mercX(route.lon[i]!) - mercX(route.lon[i - 1]!);
    const dy = mercY(route.lat[i]!) - mercY(route.lat[i - 1]!);
    cum[i] = cum[i - 1]! + Math.hypot(dx, dy);
  }
  const total = cum[n - 1] || 1;
  const fraction = cum.map((c) => c / total);
  const country = (i: number) => route.legs[route.legOfVertex[i]!]?.country ?? '';
  const changes: MercatorMeasure['changes'] = [];
  for (let i = 1; i < n - 1; i++) {
    if (country(i) !== country(i - 1))
      changes.push({ fraction: fraction[i]!, country: country(i) });
  }
  const m = { fraction, changes, firstCountry: country(0) };
  cache.set(route, m);
  return m;
}

/**
 * How far along the line (as MapLibre's `line-progress`, 0…1) a train at `km` is, and the country
 * changes before it. The route is measured in Mercator once; each call is O(log n).
 */
export function trailProgress(route: MeasuredRoute, km: number) {
  const m = measureMercator(route);
  const p = positionAt(route, km);
  const i = Math.min(route.legOfVertex.length - 2, Math.max(0, segmentIndexAt(route.cumKm, p.km)));
  const span = route.cumKm[i + 1]! - route.cumKm[i]!;
  const f = span > 0 ? (p.km - route.cumKm[i]!) / span : 0;
  const fraction = m.fraction[i]! + f * (m.fraction[i + 1]! - m.fraction[i]!);
  return {
    fraction,
    firstCountry: m.firstCountry,
    changes: m.changes.filter((c) => c.fraction < fraction - 1e-9),
  };
}
