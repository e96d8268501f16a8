/**
 * Writes the offline basemap as vector tiles into public/basemap/tiles/{z}/{x}/{y}.pbf:
 * land and borders from Natural Earth through the world-atlas package (1:50m up to zoom 3, 1:10m
 * from zoom 4, worldwide, so there is no seam), and the project's processed Natural Earth copy in
 * geo/basemap/ (rivers, lakes, urban areas, places, seas, peaks). Run by `npm run build`
 * (prebuild); the tiles are generated, not committed.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { splitAtAntimeridian } from './lib/antimeridian';
import { labelPoint, type Overrides } from './lib/natural-earth';
import { buildTiles, MAX_TILE_ZOOM, type TileLayer } from './lib/tiles';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'basemap');

function loadTopology(name: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology;
}

const collection = (features: Feature[]): FeatureCollection => ({
  type: 'FeatureCollection',
  features,
});

/** Land as polygons with no properties: one fill colour everywhere. */
function land(topo: Topology): FeatureCollection {
  const fc = feature(topo, topo.objects.land as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon
  >;
  return collection(
    fc.features.map((f) => ({ ...splitAtAntimeridian(f), properties: {} }) as Feature),
  );
}

/** Land borders between two countries, as lines (coastlines are not borders). */
function borders(topo: Topology): FeatureCollection {
  const m = mesh(topo, topo.objects.countries as GeometryCollection, (a, b) => a !== b);
  return collection([{ type: 'Feature', properties: {}, geometry: m }]);
}

/**
 * Country names at the point deepest inside each country's largest part (or where the overrides
 * place them), with local names from the overrides, biggest country first.
 */
function countryLabels(topo: Topology, overrides: Overrides['countries']): FeatureCollection {
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const out: { f: Feature; area: number }[] = [];
  for (const f of fc.features) {
    const o = overrides[f.properties.name] ?? {};
    const at = o.coordinates ?? (f.geometry && labelPoint(f.geometry));
    if (!at) continue;
    const [w, s, e, n] = bboxOf(f.geometry);
    const area = (e - w) * (n - s);
    out.push({
      area,
      f: {
        type: 'Feature',
        properties: {
          name: f.properties.name,
          ...(o.name_local ? { name_local: o.name_local } : {}),
          // small countries are named once zoomed in
          minzoom: area > 400 ? 1 : area > 40 ? 3 : area > 4 ? 4 : 5,
        },
        geometry: { type: 'Point', coordinates: at },
      },
    });
  }
  return collection(out.sort((a, b) => b.area - a.area).map((o) => o.f));
}

function bboxOf(g: Polygon | MultiPolygon): [number, number, number, number] {
  const b: [number, number, number, number] = [180, 90, -180, -90];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings)
    for (const [lon, lat] of ring) {
      b[0] = Math.min(b[0], lon!);
      b[1] = Math.min(b[1], lat!);
      b[2] = Math.max(b[2], lon!);
      b[3] = Math.max(b[3], lat!);
    }
  return b;
}

const geo = (name: string): FeatureCollection =>
  JSON.parse(readFileSync(join(root, 'geo', 'basemap', `${name}.geojson`), 'utf8'));
const overrides = JSON.parse(
  readFileSync(join(root, 'geo', 'basemap', 'overrides.json'), 'utf8'),
) as Overrides;

/** Every layer of the basemap tiles, in the zoom range each dataset is cut for. */
export function basemapLayers(): TileLayer[] {
  const world50 = loadTopology('countries-50m.json');
  const world10 = loadTopology('countries-10m.json');
  const all = { minTileZoom: 0, maxTileZoom: MAX_TILE_ZOOM };
  return [
    { name: 'land', data: land(loadTopology('land-50m.json')), minTileZoom: 0, maxTileZoom: 3 },
    { name: 'land', data: land(loadTopology('land-10m.json')), minTileZoom: 4, maxTileZoom: 7 },
    { name: 'urban', data: geo('urban'), ...all },
    { name: 'water', data: geo('lakes'), ...all },
    { name: 'rivers', data: geo('rivers'), ...all },
    { name: 'borders', data: borders(world50), minTileZoom: 0, maxTileZoom: 3 },
    { name: 'borders', data: borders(world10), minTileZoom: 4, maxTileZoom: 7 },
    { name: 'countries', data: countryLabels(world50, overrides.countries), ...all },
    { name: 'marine', data: geo('marine'), ...all },
    { name: 'places', data: geo('places'), ...all },
    { name: 'peaks', data: geo('peaks'), ...all },
  ];
}

export function buildBasemap() {
  const tileDir = join(outDir, 'tiles');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const made = new Set<string>();
  const result = buildTiles(basemapLayers(), (z, x, y, pbf) => {
    const dir = join(tileDir, String(z), String(x));
    if (!made.has(dir)) mkdirSync(dir, { recursive: true });
    made.add(dir);
    writeFileSync(join(dir, `${y}.pbf`), pbf);
  });
  return result;
}

const t0 = performance.now();
const { tiles, bytesPerZoom } = buildBasemap();
const perZoom = bytesPerZoom.map((b, z) => `z${z} ${(b / 1024).toFixed(0)} KB`).join(', ');
console.log(
  `basemap: ${tiles} tiles in ${outDir}/tiles (${perZoom}) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
);
