import type { Rect } from './layout';
import type { ExportView } from './types';
import { fitView, projector, type Camera } from './view';

/** What a locator inset shows: its map's box, the camera of that map, and the view's box on it. */
export interface Locator {
  /** The inset map inside its card, CSS px of the frame. */
  map: Rect;
  /** The inset map's camera (its viewport is `map`'s size). */
  camera: Camera;
  /** The exported view's bounds on the inset map, CSS px of the frame (at least a few px). */
  box: Rect;
}

/**
 * How much the inset shows: `context` times the view's largest span, and never less than
 * `minSpanDeg` degrees (a continent), so a city-sized journey still shows where on Earth it is.
 */
export const LOCATOR = { context: 6, minSpanDeg: 40, insetPx: 4, minBoxPx: 6 } as const;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * The locator inset of a view in a panel placed at `panel` (decoration scale `s`): a north-up map
 * centred on the view that shows its region, and the view's bounds as a box on that map.
 */
export function locatorOf(view: ExportView, panel: Rect, s: number): Locator {
  const inset = LOCATOR.insetPx * s;
  // whole CSS px, so the inset's map canvas is exactly its box at a whole pixel ratio
  const x = Math.round(panel.x + inset);
  const y = Math.round(panel.y + inset);
  const map = {
    x,
    y,
    w: Math.round(panel.x + panel.w - inset) - x,
    h: Math.round(panel.y + panel.h - inset) - y,
  };
  const [[w, so], [e, n]] = view.bounds;
  const half = Math.max(LOCATOR.minSpanDeg, LOCATOR.context * Math.max(e - w, n - so)) / 2;
  const cx = (w + e) / 2;
  const cy = (so + n) / 2;
  const camera = fitView(
    {
      bounds: [
        [clamp(cx - half, -180, 180), clamp(cy - half, -80, 80)],
        [clamp(cx + half, -180, 180), clamp(cy + half, -80, 80)],
      ],
      bearingDeg: 0,
    },
    map.w,
    map.h,
    { top: 0, right: 0, bottom: 0, left: 0 },
  );
  const p = projector({ ...camera, zoom: Math.max(0, camera.zoom) });
  const [x0, y0] = p(w, n);
  const [x1, y1] = p(e, so);
  const min = LOCATOR.minBoxPx * s;
  const bw = Math.max(min, x1 - x0);
  const bh = Math.max(min, y1 - y0);
  const box = {
    x: map.x + (x0 + x1) / 2 - bw / 2,
    y: map.y + (y0 + y1) / 2 - bh / 2,
    w: bw,
    h: bh,
  };
  return { map, camera: { ...camera, zoom: Math.max(0, camera.zoom) }, box };
}
