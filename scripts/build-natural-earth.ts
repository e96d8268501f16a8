/**
 * Makes the project's own copy of the Natural Earth layers the basemap draws, from the 7-Zip
 * archives in ../shared/data/natural-earth (an input only; see its README):
 *   npx tsx scripts/build-natural-earth.ts [archive folder]
 * Writes geo/basemap/*.geojson (committed). `npm run build` tiles them (scripts/build-basemap.ts)
 * and never needs the archives.
 */
import SevenZip from '7z-wasm';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature } from 'geojson';
import {
  processLakes,
  processMarine,
  processPeaks,
  processPlaces,
  processRivers,
  processUrban,
  type NeCollection,
  type Overrides,
  type StationName,
} from './lib/natural-earth';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = join(root, 'geo', 'basemap');
// shared/ sits beside the clone (CI) or one level further up (the developers' work trees)
const candidates = [join(root, '..', 'shared'), join(root, '..', '..', 'shared')].map((d) =>
  join(d, 'data', 'natural-earth'),
);
const found = process.argv[2] ?? candidates.find((d) => existsSync(d));
if (!found || !existsSync(found)) {
  console.error(
    `No Natural Earth archives in ${process.argv[2] ?? candidates.join(' or ')}: pass the folder as the first argument`,
  );
  process.exit(1);
}
const inDir: string = found;

const sevenZip = await SevenZip({ print: () => {}, printErr: (s: string) => console.error(s) });

/** One layer, unpacked in memory from `<name>.7z` (which holds `<name>.json`). */
function unpack(name: string): NeCollection {
  const archive = join(inDir, `${name}.7z`);
  sevenZip.FS.writeFile(`${name}.7z`, readFileSync(archive));
  sevenZip.callMain(['x', '-y', `${name}.7z`, '-oout']);
  const text = sevenZip.FS.readFile(`out/${name}.json`, { encoding: 'utf8' }) as string;
  return JSON.parse(text) as NeCollection;
}

/** Station names of every built-in route: the local names of places the journeys pass. */
function stationNames(): StationName[] {
  const files = ['pyongyang-beijing.geojson', 'pyongyang-dongdang-2019.geojson'];
  return files.flatMap((file) => {
    const fc = JSON.parse(readFileSync(join(root, 'geo', 'routes', file), 'utf8')) as {
      features: Feature[];
    };
    return fc.features
      .filter((f) => f.properties?.kind === 'station')
      .map((f) => f.properties as StationName);
  });
}

const overrides = JSON.parse(readFileSync(join(outDir, 'overrides.json'), 'utf8')) as Overrides;

function write(name: string, features: Feature[]) {
  const path = join(outDir, `${name}.geojson`);
  // one feature per line: small diffs when the data is rebuilt
  const body = features.map((f) => JSON.stringify(f)).join(',\n');
  writeFileSync(path, `{"type":"FeatureCollection","features":[\n${body}\n]}\n`);
  console.log(`${name}: ${features.length} features, ${readFileSync(path).length} bytes`);
}

write('rivers', processRivers(unpack('ne_10m_rivers_lake_centerlines'), overrides.rivers));
write('lakes', processLakes(unpack('ne_10m_lakes')));
write('places', processPlaces(unpack('ne_10m_populated_places'), stationNames()));
write('marine', processMarine(unpack('ne_10m_geography_marine_polys'), overrides));
write('peaks', processPeaks(unpack('ne_10m_geography_regions_elevation_points')));
write('urban', processUrban(unpack('ne_50m_urban_areas')));
