import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { tilesForRoutes } from './precache';

const line = (coordinates: [number, number][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: [{ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates } }],
});
// Pyongyang (125.75 E, 39.03 N) to Sinuiju (124.40 E, 40.10 N)
const route = line([
  [125.75, 39.03],
  [124.4, 40.1],
]);

describe('tilesForRoutes', () => {
  it('tilesForRoutes(route) holds every tile of the world up to the overview zoom', () => {
    const tiles = tilesForRoutes([route], { worldUpToZoom: 2, maxZoom: 2, padTiles: 0 });
    expect(tiles.size).toBe(1 + 4 + 16);
  });

  it('tilesForRoutes(route) holds the deep tiles under the route and its padding, and none far away', () => {
    const tiles = tilesForRoutes([route], { worldUpToZoom: 0, maxZoom: 7, padTiles: 1 });
    // Pyongyang at zoom 7: x = floor((125.75 + 180) / 360 * 128) = 108, y = 48
    expect(tiles.has('7/108/48')).toBe(true);
    expect(tiles.has('7/109/49')).toBe(true); // one tile of padding beyond it
    expect(tiles.has('7/110/48')).toBe(false); // two tiles away
    expect(tiles.has('7/64/42')).toBe(false); // Europe
    const z7 = [...tiles].filter((t) => t.startsWith('7/'));
    // the route lies in tile 108/48 (Sinuiju: x = floor(304.4 / 360 * 128) = 108); padded by one: 3 × 3
    expect(z7).toHaveLength(9);
  });

  it('tilesForRoutes(routes) clamps the padding at the edge of the world', () => {
    const edge = line([
      [179.9, 84],
      [179.95, 84.5],
    ]);
    const tiles = tilesForRoutes([edge], { worldUpToZoom: 0, maxZoom: 3, padTiles: 2 });
    for (const t of tiles) {
      const [z, x, y] = t.split('/').map(Number) as [number, number, number];
      expect(x).toBeLessThan(2 ** z);
      expect(y).toBeGreaterThanOrEqual(0);
    }
  });
});
