import type { RasterLayout } from './presets';

/**
 * One pass of a tiled map render: the device-pixel box it fills in the output, and the CSS
 * viewport that draws it (left/top of the whole layout's viewport, whole CSS px wide and high, as
 * MapLibre sizes its canvas). Its canvas is `round(cssWidth × pixelRatio)` px wide, at least `w`;
 * the output takes the top-left `w` × `h` pixels of it.
 */
export interface MapTile {
  x: number;
  y: number;
  w: number;
  h: number;
  /** The viewport's top-left corner in the whole layout's CSS px (`x / pixelRatio`, or nearly). */
  cssLeft: number;
  cssTop: number;
  cssWidth: number;
  cssHeight: number;
}

/** The tiles of a render and whether their pixels line up exactly with a single pass. */
export interface TileGrid {
  tiles: MapTile[];
  /**
   * True when every tile's edge falls on a whole CSS px whose device position is a whole pixel
   * (so each tile draws at exactly the output's scale); false when the layout's pixel ratio
   * has no such step within the limit, and the tiles may be off by up to half a pixel at a seam.
   */
  exact: boolean;
}

/** Smallest CSS step whose length in device px is whole at `pixelRatio`, if one is ≤ `max`. */
function exactStep(pixelRatio: number, max: number): number | null {
  for (let s = 1; s <= max; s++) {
    if (Math.abs(s * pixelRatio - Math.round(s * pixelRatio)) < 1e-6) return s;
  }
  return null;
}

/** Splits `total` CSS px into `n` (or fewer) near-equal runs, each a multiple of `step`. */
function runs(total: number, n: number, step: number): number[] {
  const each = Math.ceil(total / n / step) * step;
  const out: number[] = [];
  for (let at = 0; at < total; at += each) out.push(Math.min(each, total - at));
  return out;
}

/** What one pass of the GPU can draw: a side and an area (browsers cap the drawing buffer's). */
export interface TileLimit {
  sidePx: number;
  areaPx: number;
}

/**
 * The tiles that render a `layout` map so that no tile exceeds the limit's side or area (the
 * GPU's texture and renderbuffer size, the browser's drawing-buffer area), covering the
 * `width` × `height` output exactly once, in rows from the top. One tile when the whole map fits.
 * Tile edges sit on CSS px whose device position is whole when the pixel ratio allows it (e.g.
 * every 4 CSS px = 5 px at ratio 1.25), so a tile draws exactly what a single pass draws there.
 */
export function tileGrid(
  layout: RasterLayout,
  width: number,
  height: number,
  limit: TileLimit,
): TileGrid {
  const pr = layout.pixelRatio;
  const { sidePx, areaPx } = limit;
  if (!(sidePx >= 64)) throw new Error(`the tile limit must be at least 64 px, got ${sidePx}`);
  // whole CSS px per tile whose canvas stays within the limit, with 1 CSS px to spare for rounding
  const maxCss = Math.floor(sidePx / pr) - 1;
  if (maxCss < 8) {
    throw new Error(
      `a pixel ratio of ${pr.toFixed(2)} leaves tiles under 8 CSS px at ${sidePx} px`,
    );
  }
  /** Rows and columns of tiles whose edges are multiples of `step` CSS px, if any fit the area. */
  const plan = (step: number): { nx: number; ny: number } | null => {
    const unit = Math.floor(maxCss / step) * step;
    let nx = Math.ceil(layout.cssWidth / unit);
    let ny = Math.ceil(layout.cssHeight / unit);
    const canvas = (n: number, total: number) => (Math.max(...runs(total, n, step)) + 1) * pr + 1;
    // more columns or rows (cutting the longer side) until a tile's canvas fits the area
    while (canvas(nx, layout.cssWidth) * canvas(ny, layout.cssHeight) > areaPx) {
      const wide = canvas(nx, layout.cssWidth) >= canvas(ny, layout.cssHeight);
      if (wide) nx++;
      else ny++;
      if (wide ? nx * step > layout.cssWidth + step : ny * step > layout.cssHeight + step) {
        return null;
      }
    }
    return { nx, ny };
  };
  const exactCss = exactStep(pr, Math.floor(maxCss / 2));
  const exactPlan = exactCss ? plan(exactCss) : null;
  const exact = exactPlan !== null;
  const step = exact ? exactCss! : 1;
  const grid = exactPlan ?? plan(1);
  if (!grid) throw new Error(`a drawing-buffer area of ${areaPx} px is too small for this map`);
  const { nx, ny } = grid;
  /** [device start, device length, CSS start] of each run along one side. */
  const edges = (cssTotal: number, n: number, device: number): [number, number, number][] => {
    const out: [number, number, number][] = [];
    let css = 0;
    for (const run of runs(cssTotal, n, step)) {
      const a = Math.round(css * pr);
      // an exact step starts on a whole CSS px; otherwise the viewport starts where the pixel does
      const cssStart = exact ? css : a / pr;
      css += run;
      const b = css >= cssTotal ? device : Math.round(css * pr);
      out.push([a, b - a, cssStart]);
    }
    return out;
  };
  const tiles: MapTile[] = [];
  for (const [y, h, cssTop] of edges(layout.cssHeight, ny, height)) {
    for (const [x, w, cssLeft] of edges(layout.cssWidth, nx, width)) {
      tiles.push({
        x,
        y,
        w,
        h,
        cssLeft,
        cssTop,
        cssWidth: Math.ceil(w / pr - 1e-9),
        cssHeight: Math.ceil(h / pr - 1e-9),
      });
    }
  }
  return { tiles, exact };
}
