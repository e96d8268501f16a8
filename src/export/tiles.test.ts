import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cssLayoutFor } from './presets';
import { tileGrid } from './tiles';

/** Headless Chromium (SwiftShader): 8192 px textures, drawing buffers up to 2²⁵ px. */
const CHROMIUM = { sidePx: 8192, areaPx: 2 ** 25 };

describe('tileGrid', () => {
  it('tileGrid(12000 × 8000, 8192 px, 2²⁵ px²) draws four exact 6000 × 4000 quarters', () => {
    const layout = cssLayoutFor(12000, 8000);
    const grid = tileGrid(layout, 12000, 8000, CHROMIUM);
    expect(grid.exact).toBe(true);
    expect(grid.tiles.map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 6000, 4000],
      [6000, 0, 6000, 4000],
      [0, 4000, 6000, 4000],
      [6000, 4000, 6000, 4000],
    ]);
    expect(grid.tiles.map((t) => [t.cssLeft, t.cssTop, t.cssWidth, t.cssHeight])).toEqual([
      [0, 0, 540, 360],
      [540, 0, 540, 360],
      [0, 360, 540, 360],
      [540, 360, 540, 360],
    ]);
  });

  it('tileGrid(1600 × 900, 1024 px) splits the width on a whole pixel and keeps the height', () => {
    const layout = cssLayoutFor(1600, 900);
    const grid = tileGrid(layout, 1600, 900, { sidePx: 1024, areaPx: 1024 ** 2 });
    expect(grid.exact).toBe(true);
    expect(grid.tiles.map((t) => [t.x, t.y, t.w, t.h])).toEqual([
      [0, 0, 800, 900],
      [800, 0, 800, 900],
    ]);
  });

  it('tileGrid is one tile when the map fits the limit', () => {
    const layout = cssLayoutFor(1920, 1080);
    expect(tileGrid(layout, 1920, 1080, CHROMIUM).tiles).toHaveLength(1);
  });

  it('tileGrid refuses a limit that leaves no room for a tile', () => {
    const layout = cssLayoutFor(12000, 8000);
    expect(() => tileGrid(layout, 12000, 8000, { sidePx: 32, areaPx: 1e6 })).toThrow(/at least 64/);
    expect(() => tileGrid(layout, 12000, 8000, { sidePx: 64, areaPx: 1e6 })).toThrow(/8 CSS px/);
  });

  it('tileGrid covers every output pixel exactly once with tiles the GPU can draw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 16384 }),
        fc.integer({ min: 1, max: 16384 }),
        fc.integer({ min: 1024, max: 16384 }),
        fc.integer({ min: 20, max: 28 }),
        (width, height, limit, areaLog2) => {
          const layout = cssLayoutFor(width, height);
          const areaPx = Math.min(2 ** areaLog2, limit ** 2);
          const { tiles, exact } = tileGrid(layout, width, height, { sidePx: limit, areaPx });
          const pr = layout.pixelRatio;
          const xs = [...new Set(tiles.map((t) => t.x))];
          const ys = [...new Set(tiles.map((t) => t.y))];
          expect(tiles).toHaveLength(xs.length * ys.length);
          // the canvas MapLibre allocates for each tile: within the limit, at least the tile
          const bad = tiles.filter((t) => {
            const canvasW = Math.round(t.cssWidth * pr);
            const canvasH = Math.round(t.cssHeight * pr);
            return (
              canvasW > limit ||
              canvasH > limit ||
              canvasW * canvasH > areaPx ||
              canvasW < t.w ||
              canvasH < t.h ||
              t.w < 1 ||
              t.h < 1 ||
              (exact && t.cssLeft !== Math.round(t.cssLeft))
            );
          });
          expect(bad).toEqual([]);
          // rows and columns abut: each starts where the previous ends, the last ends at the edge
          const row = tiles.filter((t) => t.y === 0);
          const col = tiles.filter((t) => t.x === 0);
          row.forEach((t, i) => expect(t.x).toBe(i ? row[i - 1]!.x + row[i - 1]!.w : 0));
          col.forEach((t, i) => expect(t.y).toBe(i ? col[i - 1]!.y + col[i - 1]!.h : 0));
          expect(row.at(-1)!.x + row.at(-1)!.w).toBe(width);
          expect(col.at(-1)!.y + col.at(-1)!.h).toBe(height);
        },
      ),
      { numRuns: 200 },
    );
  });
});
