import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { FeatureCollection } from 'geojson';

/** One layer of the basemap tiles: which data, and at which tile zooms it is cut. */
export interface TileLayer {
  /** The `source-layer` name the style reads. */
  name: string;
  data: FeatureCollection;
  /** Tile zooms this data is cut for (inclusive); another layer of the same name may take the rest. */
  minTileZoom: number;
  maxTileZoom: number;
}

/** The tile pyramid's deepest zoom: beyond it MapLibre over-zooms these tiles. */
export const MAX_TILE_ZOOM = 7;
const EXTENT = 4096;

/**
 * Whether a feature belongs in a tile of zoom `z`: a tile of zoom z is drawn from zoom z to z + 1,
 * so it carries what the style shows before z + 1; the deepest tiles carry everything (the style's
 * `minzoom` filter then decides).
 */
export function keepAtZoom(minzoom: unknown, z: number, maxZoom = MAX_TILE_ZOOM): boolean {
  if (z >= maxZoom) return true;
  return typeof minzoom !== 'number' || minzoom < z + 1;
}

type Tile = NonNullable<ReturnType<GeoJSONVT['getTile']>>;

/**
 * Cuts the layers into Mapbox Vector Tiles (one protobuf per z/x/y holding every layer present
 * there) from zoom 0 to `maxZoom`, calling `write` for each tile that has content. Tiles are only
 * visited below a tile that had data, so empty ocean is never cut.
 */
export function buildTiles(
  layers: TileLayer[],
  write: (z: number, x: number, y: number, pbf: Uint8Array) => void,
  maxZoom = MAX_TILE_ZOOM,
): { tiles: number; bytesPerZoom: number[] } {
  const indexes = layers.map(
    (l) =>
      new GeoJSONVT(l.data, {
        maxZoom: l.maxTileZoom,
        indexMaxZoom: 0,
        tolerance: 2,
        extent: EXTENT,
        buffer: 64,
      }),
  );
  const bytesPerZoom: number[] = [];
  let tiles = 0;
  let level: [number, number][] = [[0, 0]];
  for (let z = 0; z <= maxZoom; z++) {
    const next: [number, number][] = [];
    let bytes = 0;
    for (const [x, y] of level) {
      const content: Record<string, Tile> = {};
      let hasData = false;
      layers.forEach((l, i) => {
        if (z > l.maxTileZoom || z < l.minTileZoom) return;
        const tile = indexes[i]!.getTile(z, x, y);
        if (!tile) return;
        hasData = true;
        const features = tile.features.filter((f) => keepAtZoom(f.tags?.minzoom, z, maxZoom));
        if (!features.length) return;
        const prev = content[l.name];
        content[l.name] = prev
          ? { ...prev, features: [...prev.features, ...features] }
          : { ...tile, features };
      });
      if (!hasData) continue;
      if (Object.keys(content).length) {
        const pbf = fromGeojsonVt(content as never, { version: 2, extent: EXTENT });
        write(z, x, y, pbf);
        bytes += pbf.length;
        tiles++;
      }
      if (z < maxZoom)
        next.push([2 * x, 2 * y], [2 * x + 1, 2 * y], [2 * x, 2 * y + 1], [2 * x + 1, 2 * y + 1]);
    }
    bytesPerZoom.push(bytes);
    level = next;
  }
  return { tiles, bytesPerZoom };
}
