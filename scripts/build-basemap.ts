/**
 * Writes the offline basemap into public/basemap/ from Natural Earth (world-atlas TopoJSON):
 * world land and borders at 1:50m, and 1:10m detail for East Asia, where the journeys run.
 * Run by `npm run build` (prebuild); the output is generated, not committed.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature, mesh } from 'topojson-client';
import { bboxClip } from '@turf/turf';
import type { Topology, GeometryCollection } from 'topojson-specification';
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import { splitAtAntimeridian } from './lib/antimeridian';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'public', 'basemap');

/** The region drawn at 1:10m: North Korea, north-east China, Beijing and south to Vietnam's border. */
export const DETAIL_BBOX: [number, number, number, number] = [100, 18, 134, 46];

function loadTopology(name: string): Topology {
  return JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8')) as Topology;
}

const round = (digits: number) => {
  const f = 10 ** digits;
  const r = (p: Position): Position => [Math.round(p[0]! * f) / f, Math.round(p[1]! * f) / f];
  return (g: Geometry): Geometry => {
    switch (g.type) {
      case 'Polygon':
        return { ...g, coordinates: g.coordinates.map((ring) => ring.map(r)) };
      case 'MultiPolygon':
        return { ...g, coordinates: g.coordinates.map((p) => p.map((ring) => ring.map(r))) };
      case 'LineString':
        return { ...g, coordinates: g.coordinates.map(r) };
      case 'MultiLineString':
        return { ...g, coordinates: g.coordinates.map((l) => l.map(r)) };
      default:
        return g;
    }
  };
};

function countries(topo: Topology, digits: number, bbox?: [number, number, number, number]) {
  const fc = feature(topo, topo.objects.countries as GeometryCollection) as FeatureCollection<
    Polygon | MultiPolygon,
    { name: string }
  >;
  const features: Feature[] = [];
  for (const f of fc.features) {
    if (!f.geometry) continue;
    let g: Feature<Polygon | MultiPolygon> = splitAtAntimeridian(f);
    if (bbox) {
      g = bboxClip(g, bbox) as Feature<Polygon | MultiPolygon>;
      if (g.geometry.coordinates.length === 0) continue;
    }
    features.push({
      type: 'Feature',
      id: Number(f.id),
      properties: { name: f.properties.name, iso_n3: String(f.id) },
      geometry: round(digits)(g.geometry),
    });
  }
  return features;
}

/** Land borders between two countries, as lines (coastlines are not borders). */
function borders(
  topo: Topology,
  digits: number,
  keep: (segmentMid: Position) => boolean,
): Feature<MultiLineString> {
  const m = mesh(topo, topo.objects.countries as GeometryCollection, (a, b) => a !== b);
  const lines: Position[][] = [];
  for (const line of (m as MultiLineString).coordinates) {
    let current: Position[] = [];
    for (let i = 1; i < line.length; i++) {
      const a = line[i - 1]!;
      const b = line[i]!;
      if (keep([(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2])) {
        if (current.length === 0) current.push(a);
        current.push(b);
      } else if (current.length) {
        lines.push(current);
        current = [];
      }
    }
    if (current.length > 1) lines.push(current);
  }
  const g = round(digits)({ type: 'MultiLineString', coordinates: lines }) as MultiLineString;
  return { type: 'Feature', properties: {}, geometry: g };
}

const inside = ([lon, lat]: Position, [w, s, e, n]: [number, number, number, number]) =>
  lon! >= w && lon! <= e && lat! >= s && lat! <= n;

function write(name: string, features: Feature[]) {
  const fc: FeatureCollection = { type: 'FeatureCollection', features };
  writeFileSync(join(outDir, name), JSON.stringify(fc));
}

export function buildBasemap() {
  mkdirSync(outDir, { recursive: true });
  const world50 = loadTopology('countries-50m.json');
  const world10 = loadTopology('countries-10m.json');
  write('countries-50m.geojson', countries(world50, 3));
  write('borders-50m.geojson', [borders(world50, 3, (p) => !inside(p, DETAIL_BBOX))]);
  write('countries-10m.geojson', countries(world10, 4, DETAIL_BBOX));
  write('borders-10m.geojson', [borders(world10, 4, (p) => inside(p, DETAIL_BBOX))]);
}

buildBasemap();
console.log(`basemap written to ${outDir}`);
