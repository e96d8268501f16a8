import type { Position } from 'geojson';
import type { Rect } from './layout';
import { mercatorLngLat, mercatorWorld, type Camera } from './view';

/**
 * How the follow camera frames the train: the line within `nearShare` of the route's larger
 * extent around the train stays inside the map area (less `marginPx`), never closer than
 * `maxZoomIn` levels above the overview; `closeIn` levels closer at departure and arrival, eased
 * over the first and last `easeShare` of the frames. Where it can (`followPlan`), the camera
 * looks ahead: it centres on the point `lookAhead` of the way from the train to where the train
 * will be `leadShare` of the clip later, so more of the line before the train is in view.
 */
export const FOLLOW = {
  nearShare: 0.2,
  marginPx: 24,
  maxZoomIn: 1.5,
  closeIn: 2,
  easeShare: 0.15,
  leadShare: 0.1,
  lookAhead: 0.5,
} as const;

/** A frame of the follow camera: where the main train is, and the point the camera centres on. */
export interface FollowFrame {
  train: [number, number];
  centre: [number, number];
}

/** The point the camera centres on: `FOLLOW.lookAhead` of the way from `train` to `ahead`. */
export function lookAheadCentre(
  train: [number, number],
  ahead: [number, number] | null,
): [number, number] {
  if (!ahead) return train;
  const [tx, ty] = mercatorWorld(train[0], train[1]);
  const [ax, ay] = mercatorWorld(ahead[0], ahead[1]);
  const f = FOLLOW.lookAhead;
  return mercatorLngLat(tx + (ax - tx) * f, ty + (ay - ty) * f);
}

/** Smooth step 0→1 (zero slope at both ends). */
const ease = (x: number) => {
  const t = Math.min(1, Math.max(0, x));
  return t * t * (3 - 2 * t);
};

/**
 * How far (a multiple of `u`, screen px per world unit) a point `u` away from the train can move
 * out from the centre `c` before it leaves `area` (less `FOLLOW.marginPx`) or reaches one of the
 * `panels` (grown by the margin).
 */
function reachAlong(c: [number, number], u: [number, number], area: Rect, panels: Rect[]): number {
  const m = FOLLOW.marginPx;
  let k = Infinity;
  if (u[0]) k = Math.min(k, (area.w / 2 - m) / Math.abs(u[0]));
  if (u[1]) k = Math.min(k, (area.h / 2 - m) / Math.abs(u[1]));
  for (const p of panels) {
    // where the ray c + k·u enters and leaves the panel's box, per axis (slab method)
    let enter = 0;
    let leave = Infinity;
    for (const [o, d, lo, hi] of [
      [c[0], u[0], p.x - m, p.x + p.w + m],
      [c[1], u[1], p.y - m, p.y + p.h + m],
    ] as const) {
      if (d === 0) {
        if (o < lo || o > hi) leave = -1;
        continue;
      }
      const [a, b] = [(lo - o) / d, (hi - o) / d].sort((x, y) => x - y) as [number, number];
      enter = Math.max(enter, a);
      leave = Math.min(leave, b);
    }
    if (enter <= leave) k = Math.min(k, enter);
  }
  return k;
}

/** What `followZoom` keeps in view, and how close it may go. */
export interface FollowFit {
  /** Panels floating over the map, CSS px. */
  panels?: Rect[];
  /** The near radius as a share of the route's larger extent (default `FOLLOW.nearShare`). */
  nearShare?: number;
  /** The closest zoom (default the overview's plus `FOLLOW.maxZoomIn`). */
  maxZoom?: number;
}

/**
 * The follow camera's zoom between departure and arrival: as close as `overview.zoom +
 * FOLLOW.maxZoomIn`, but no closer than keeps, for every frame, the train and each vertex of
 * `lines` within the near radius of the train inside `area`, with the frame's centre at the
 * area's centre, and out from under the `panels` floating over the map. One zoom for the whole
 * clip, so the map does not pump in and out. Whatever is clear at a zoom stays clear at any wider
 * one (points move towards the centre). North-up offsets (the follow camera keeps the overview's
 * bearing; a rotated map is fitted by the larger of the two offsets, without the panels).
 */
export function followZoom(
  overview: Camera,
  area: Rect,
  lines: Position[][],
  frames: FollowFrame[],
  fit: FollowFit = {},
): number {
  const cap = fit.maxZoom ?? overview.zoom + FOLLOW.maxZoomIn;
  const panels = fit.panels ?? [];
  const pts = lines.flat().map((c) => mercatorWorld(c[0]!, c[1]!));
  if (!pts.length || !frames.length) return cap;
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
  const r = (fit.nearShare ?? FOLLOW.nearShare) * extent;
  const rotated = overview.bearingDeg % 360 !== 0;
  const c: [number, number] = [area.x + area.w / 2, area.y + area.h / 2];
  let scale = 2 ** cap;
  for (const { train, centre } of frames) {
    const [tx, ty] = mercatorWorld(train[0], train[1]);
    const [cx, cy] = mercatorWorld(centre[0], centre[1]);
    const near = pts.filter(([x, y]) => Math.hypot(x - tx, y - ty) <= r);
    for (const [x, y] of [[tx, ty] as [number, number], ...near]) {
      if (rotated) {
        const d = Math.max(Math.abs(x - cx), Math.abs(y - cy));
        if (d > 0) scale = Math.min(scale, reachAlong(c, [d, d], area, []));
      } else if (x !== cx || y !== cy) {
        scale = Math.min(scale, reachAlong(c, [x - cx, y - cy], area, panels));
      }
    }
  }
  return Math.log2(scale);
}

/** A sampled moment of the clip: the main train, and where it will be `FOLLOW.leadShare` later. */
export interface FollowSample {
  train: [number, number];
  ahead: [number, number] | null;
}

/**
 * How the follow camera frames a clip: looking ahead (each frame centred on `lookAheadCentre`)
 * when that still frames closer than the overview, else centred on the train. In a narrow
 * frame the line ahead leaves the frame soon after the train; in a wide one looking ahead would
 * take a view wider than the whole route's.
 */
export function followPlan(
  overview: Camera,
  area: Rect,
  lines: Position[][],
  samples: FollowSample[],
  panels: Rect[] = [],
): { lookAhead: boolean; frames: FollowFrame[]; cruise: number } {
  const ahead = samples.map((s) => ({ train: s.train, centre: lookAheadCentre(s.train, s.ahead) }));
  const cruise = followZoom(overview, area, lines, ahead, { panels });
  if (cruise > overview.zoom) return { lookAhead: true, frames: ahead, cruise };
  const centred = samples.map((s) => ({ train: s.train, centre: s.train }));
  return {
    lookAhead: false,
    frames: centred,
    cruise: followZoom(overview, area, lines, centred, { panels }),
  };
}

/**
 * The zoom the follow camera closes in to at departure or arrival, the train passing `trains`
 * meanwhile: `FOLLOW.closeIn` levels above the cruise zoom, or less, so the line within the near
 * radius shrunk by as much stays in the area and under no panel (never wider than the cruise
 * zoom, so at every zoom of the ease that line stays clear); `frames` as for `followZoom`.
 */
export function closeZoom(
  overview: Camera,
  area: Rect,
  lines: Position[][],
  frames: FollowFrame[],
  cruiseZoom: number,
  panels: Rect[] = [],
): number {
  const zoom = followZoom(overview, area, lines, frames, {
    panels,
    nearShare: FOLLOW.nearShare / 2 ** FOLLOW.closeIn,
    maxZoom: cruiseZoom + FOLLOW.closeIn,
  });
  return Math.max(cruiseZoom, zoom);
}

/**
 * The follow camera of frame progress `k` (0..1): `centre` (the point it looks at, by default
 * the train) at the centre of the map `area`, at `cruiseZoom` between departure and arrival,
 * eased to `endZoom` (`closeZoom`; by default `FOLLOW.closeIn` levels closer) at both ends.
 */
export function followCamera(
  overview: Camera,
  centre: [number, number] | null,
  k: number,
  cruiseZoom: number,
  area: Rect,
  endZoom = cruiseZoom + FOLLOW.closeIn,
): Camera {
  if (!centre) return overview;
  const e = FOLLOW.easeShare;
  const near = Math.min(ease(1 - k / e) + ease((k - (1 - e)) / e), 1);
  const zoom = cruiseZoom + (endZoom - cruiseZoom) * near;
  // the map's centre sits off the area's centre by the panels' bands: shift so `centre` is there
  const k2 = 2 ** zoom;
  const ox = (area.x + area.w / 2 - overview.cssWidth / 2) / k2;
  const oy = (area.y + area.h / 2 - overview.cssHeight / 2) / k2;
  const θ = (overview.bearingDeg * Math.PI) / 180;
  const [tx, ty] = mercatorWorld(centre[0], centre[1]);
  const cx = tx - (ox * Math.cos(θ) - oy * Math.sin(θ));
  const cy = ty - (ox * Math.sin(θ) + oy * Math.cos(θ));
  return { ...overview, center: mercatorLngLat(cx, cy), zoom };
}
