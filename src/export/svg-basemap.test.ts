import { describe, expect, it } from 'vitest';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { chosenAnchors } from './svg-basemap';

/** A map shaped as MapLibre 6 keeps its placement: one tile of `z/x/y` with the given symbols. */
function mapWith(
  tile: { x: number; y: number; z: number },
  symbols: { anchorX: number; anchorY: number; crossTileID: number }[],
  anchors: Record<number, string>,
  placed: Record<number, boolean>,
): MapLibreMap {
  return {
    getLayer: (id: string) => (id === 'place-labels' ? { source: 'basemap' } : undefined),
    style: {
      placement: {
        variableOffsets: Object.fromEntries(
          Object.entries(anchors).map(([id, anchor]) => [id, { anchor }]),
        ),
        placements: Object.fromEntries(Object.entries(placed).map(([id, text]) => [id, { text }])),
      },
      tileManagers: {
        basemap: {
          getRenderableIds: () => ['t'],
          getTileByID: () => ({
            tileID: { canonical: tile },
            buckets: {
              'place-labels': {
                symbolInstances: { length: symbols.length, get: (i: number) => symbols[i] },
              },
            },
          }),
        },
      },
    },
  } as unknown as MapLibreMap;
}

const lonLat = (lon: number, lat: number): [number, number] => [lon, lat];

describe('chosenAnchors', () => {
  it('gives the anchor MapLibre chose for each label it placed, at the point of its symbol', () => {
    const map = mapWith(
      { x: 1, y: 0, z: 1 },
      [
        { anchorX: 0, anchorY: 8192, crossTileID: 7 },
        { anchorX: 4096, anchorY: 4096, crossTileID: 8 },
      ],
      { 7: 'right', 8: 'left' },
      { 7: true, 8: false },
    );
    const out = chosenAnchors(map, lonLat, ['place-labels', 'route-labels']);
    expect(out).toHaveLength(1);
    expect(out[0]!.anchor).toBe('right');
    expect(out[0]!.layer).toBe('place-labels');
    // the tile's south-west corner: the equator on the prime meridian
    expect(out[0]!.x).toBeCloseTo(0, 9);
    expect(out[0]!.y).toBeCloseTo(0, 9);
  });

  it('places a symbol of a deeper tile where Web Mercator puts it', () => {
    // tile 10/913/388 holds Beijing; its centre
    const map = mapWith(
      { x: 913, y: 388, z: 10 },
      [{ anchorX: 4096, anchorY: 4096, crossTileID: 3 }],
      { 3: 'top' },
      { 3: true },
    );
    const [c] = chosenAnchors(map, lonLat, ['place-labels']);
    expect(c!.x).toBeCloseTo((913.5 / 1024) * 360 - 180, 9);
    expect(c!.y).toBeCloseTo(
      (Math.atan(Math.sinh(Math.PI * (1 - (2 * 388.5) / 1024))) * 180) / Math.PI,
      9,
    );
  });

  it('gives nothing for a map without the placement it reads', () => {
    expect(
      chosenAnchors({ getLayer: () => undefined } as unknown as MapLibreMap, lonLat, [
        'place-labels',
      ]),
    ).toEqual([]);
  });
});
