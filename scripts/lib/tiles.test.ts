import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { FeatureCollection } from 'geojson';
import { buildTiles, keepAtZoom } from './tiles';

/** Tiles of the layers as decoded `name`s per layer, keyed `z/x/y`. */
function cut(layers: Parameters<typeof buildTiles>[0], maxZoom = 7) {
  const tiles = new Map<string, Record<string, string[]>>();
  buildTiles(
    layers,
    (z, x, y, pbf) => {
      const vt = new VectorTile(new PbfReader(pbf));
      const content: Record<string, string[]> = {};
      for (const [name, layer] of Object.entries(vt.layers))
        content[name] = Array.from(
          { length: layer.length },
          (_, i) => layer.feature(i).properties.name as string,
        );
      tiles.set(`${z}/${x}/${y}`, content);
    },
    maxZoom,
  );
  return tiles;
}

const points = (...p: [string, number, number, number][]): FeatureCollection => ({
  type: 'FeatureCollection',
  features: p.map(([name, minzoom, lon, lat]) => ({
    type: 'Feature',
    properties: { name, minzoom },
    geometry: { type: 'Point', coordinates: [lon, lat] },
  })),
});

describe('vector tiles', () => {
  it('keepAtZoom(minzoom, z) keeps what a tile of zoom z draws before z + 1, and all at the deepest', () => {
    expect(keepAtZoom(4.7, 4)).toBe(true);
    expect(keepAtZoom(5, 4)).toBe(false);
    expect(keepAtZoom(9.5, 7)).toBe(true);
    expect(keepAtZoom(undefined, 0)).toBe(true);
  });

  it('buildTiles drops a town from the tiles of zooms that do not show it', () => {
    const tiles = cut([
      {
        name: 'places',
        data: points(['Beijing', 0.5, 116.4, 39.9], ['Dandong', 5.4, 124.39, 40.12]),
        minTileZoom: 0,
        maxTileZoom: 7,
      },
    ]);
    expect(tiles.get('0/0/0')).toEqual({ places: ['Beijing'] });
    // the zoom-5 tile holding Dandong (x 27, y 12) names it; the zoom-4 tile over it does not
    expect(tiles.get('5/27/12')?.places).toContain('Dandong');
    expect(tiles.get('4/13/6')?.places).toEqual(['Beijing']);
  });

  it('buildTiles cuts a layer only within its zoom range (1:50m land to zoom 3, 1:10m after)', () => {
    const land = (name: string): FeatureCollection => ({
      type: 'FeatureCollection',
      features: [
        {
          type: 'Feature',
          properties: { name },
          geometry: {
            type: 'Polygon',
            coordinates: [
              [
                [120, 38],
                [126, 38],
                [126, 42],
                [120, 42],
                [120, 38],
              ],
            ],
          },
        },
      ],
    });
    const tiles = cut(
      [
        { name: 'land', data: land('50m'), minTileZoom: 0, maxTileZoom: 3 },
        { name: 'land', data: land('10m'), minTileZoom: 4, maxTileZoom: 5 },
      ],
      5,
    );
    expect(tiles.get('3/6/3')?.land).toEqual(['50m']);
    expect(tiles.get('4/13/6')?.land).toEqual(['10m']);
  });
});
