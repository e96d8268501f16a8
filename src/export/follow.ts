import type { Position } from 'geojson';
import type { Rect } from './layout';
import { mercatorLngLat, mercatorWorld, type Camera } from './view';

/**
 * How the follow camera frames the train: the line within `nearShare` of the route's larger
 * extent around the train stays inside the map area (less `marginPx`), never closer than
 * `maxZoomIn` levels above the overview; `closeIn` levels closer at departure and arrival, eased
 * over the first and last `easeShare` of the frames.
 */
export const FOLLOW = {
  nearShare: 0.2,
  marginPx: 24,
  maxZoomIn: 1.5,
  closeIn: 2,
  easeShare: 0.15,
} as const;

/** Smooth step 0→1 (zero slope at both ends). */
const ease = (x: number) => {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
};

/**
 * The follow camera's zoom between departure and arrival: as close as `overview.zoom +
 * FOLLOW.maxZoomIn`, but no closer than keeps, for every train position, each vertex of `lines`
 * within the near radius of the train inside `area` with the train at the area's centre. One zoom
 * for the whole clip, so the map does not pump in and out. North-up offsets (the follow camera
 * keeps the overview's bearing; a rotated map is fitted by the larger of the two offsets).
 */
export function followZoom(
  overview: Camera,
  area: Rect,
  lines: Position[][],
  trains: [number, number][],
): number {
  const cap = overview.zoom + FOLLOW.maxZoomIn;
  const pts = lines.flat().map((c) => mercatorWorld(c[0]!, c[1]!));
  if (!pts.length || !trains.length) return cap;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const r = FOLLOW.nearShare * extent;
  const halfW = Math.max(1, area.w / 2 - FOLLOW.marginPx);
  const halfH = Math.max(1, area.h / 2 - FOLLOW.marginPx);
  const rotated = overview.bearingDeg % 360 !== 0;
  let zoom = cap;
  for (const t of trains) {
    const [tx, ty] = mercatorWorld(t[0], t[1]);
    for (const [x, y] of pts) {
      const dx = Math.abs(x - tx);
      const dy = Math.abs(y - ty);
      if (Math.hypot(dx, dy) > r) continue;
      const wx = rotated ? Math.max(dx, dy) : dx;
      const wy = rotated ? Math.max(dx, dy) : dy;
      if (wx > 0) zoom = Math.min(zoom, Math.log2(halfW / wx));
      if (wy > 0) zoom = Math.min(zoom, Math.log2(halfH / wy));
    }
  }
  return zoom;
}

/**
 * The follow camera of frame progress `k` (0..1): the train at the centre of the map `area`, at
 * `cruiseZoom` between departure and arrival and `FOLLOW.closeIn` levels closer at both ends.
 */
export function followCamera(
  overview: Camera,
  train: [number, number] | null,
  k: number,
  cruiseZoom: number,
  area: Rect,
): Camera {
  if (!train) return overview;
  const e = FOLLOW.easeShare;
  const near = Math.min(ease(1 - k / e) + ease((k - (1 - e)) / e), 1);
  const zoom = cruiseZoom + FOLLOW.closeIn * near;
  // the map's centre sits off the area's centre by the panels' bands: shift so the train is there
  const k2 = 2 ** zoom;
  const ox = (area.x + area.w / 2 - overview.cssWidth / 2) / k2;
  const oy = (area.y + area.h / 2 - overview.cssHeight / 2) / k2;
  const θ = (overview.bearingDeg * Math.PI) / 180;
  const [tx, ty] = mercatorWorld(train[0], train[1]);
  const cx = tx - (ox * Math.cos(θ) - oy * Math.sin(θ));
  const cy = ty - (ox * Math.sin(θ) + oy * Math.cos(θ));
  return { ...overview, center: mercatorLngLat(cx, cy), zoom };
}
