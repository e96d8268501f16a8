import type { MeasuredRoute } from './route';

export interface RoutePosition {
  lon: number;
  lat: number;
  /** Distance along the route, clamped to 0…totalKm. */
  km: number;
  /** Direction of travel, degrees clockwise from north. */
  bearingDeg: number;
  /** Index into `route.legs`. */
  legIndex: number;
}

/** Index i of the last vertex with cumKm[i] <= km (binary search; O(log n)). */
export function segmentIndexAt(cumKm: Float64Array, km: number): number {
  let lo = 0;
  let hi = cumKm.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (cumKm[mid]! <= km) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The point at `km` along a measured route, interpolated linearly between vertices, with the
 * bearing of its segment. Clamps before the start and after the end. O(log n), no allocation
 * but the returned object.
 */
export function positionAt(route: MeasuredRoute, km: number): RoutePosition {
  const { cumKm, lon, lat } = route;
  const last = cumKm.length - 1;
  const k = Math.min(Math.max(km, 0), route.totalKm);
  let i = segmentIndexAt(cumKm, k);
  if (i >= last) i = Math.max(last - 1, 0);
  const span = cumKm[i + 1]! - cumKm[i]!;
  const f = last === 0 || span <= 0 ? 0 : Math.min(Math.max((k - cumKm[i]!) / span, 0), 1);
  const j = last === 0 ? 0 : i + 1;
  return {
    lon: lon[i]! + (lon[j]! - lon[i]!) * f,
    lat: lat[i]! + (lat[j]! - lat[i]!) * f,
    km: k,
    bearingDeg: route.bearingDeg[i]!,
    legIndex: route.legOfVertex[i]!,
  };
}
