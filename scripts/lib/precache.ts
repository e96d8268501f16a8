import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { MAX_TILE_ZOOM } from './tiles.ts';

/** Which basemap tiles the service worker precaches, besides the app, fonts and data. */
export interface TileChoice {
  /** Every tile up to this zoom, worldwide (the overview a reader sees first). */
  worldUpToZoom: number;
  /** Deeper tiles, up to the pyramid's last zoom, only around each route's bounds... */
  maxZoom: number;
  /** ...widened by this many tiles on each side (a 1920 px view spans about four 512 px tiles). */
  padTiles: number;
}

export const DEFAULT_TILE_CHOICE: TileChoice = {
  worldUpToZoom: 4,
  maxZoom: MAX_TILE_ZOOM,
  padTiles: 2,
};

const lonToX = (lon: number, z: number) => Math.floor(((lon + 180) / 360) * 2 ** z);
const latToY = (lat: number, z: number) => {
  const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  return Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z);
};

/**
 * The tile paths (`z/x/y`) a reader needs to follow these routes offline: the whole world up to
 * `worldUpToZoom`, then at each deeper zoom the tiles over each route's bounding box, padded.
 */
export function tilesForRoutes(
  routes: FeatureCollection[],
  choice: TileChoice = DEFAULT_TILE_CHOICE,
): Set<string> {
  const paths = new Set<string>();
  for (let z = 0; z <= Math.min(choice.worldUpToZoom, choice.maxZoom); z++) {
    for (let x = 0; x < 2 ** z; x++) for (let y = 0; y < 2 ** z; y++) paths.add(`${z}/${x}/${y}`);
  }
  for (const route of routes) {
    const [west, south, east, north] = bbox(route);
    for (let z = choice.worldUpToZoom + 1; z <= choice.maxZoom; z++) {
      const last = 2 ** z - 1;
      const clamp = (v: number) => Math.max(0, Math.min(last, v));
      const [x0, x1] = [
        clamp(lonToX(west, z) - choice.padTiles),
        clamp(lonToX(east, z) + choice.padTiles),
      ];
      const [y0, y1] = [
        clamp(latToY(north, z) - choice.padTiles),
        clamp(latToY(south, z) + choice.padTiles),
      ];
      for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) paths.add(`${z}/${x}/${y}`);
    }
  }
  return paths;
}

/** Reads GeoJSON route files and returns the tiles to precache for them. */
export function tilesForRouteFiles(files: string[], choice?: TileChoice): Set<string> {
  return tilesForRoutes(
    files.map((f) => JSON.parse(readFileSync(f, 'utf8')) as FeatureCollection),
    choice,
  );
}
