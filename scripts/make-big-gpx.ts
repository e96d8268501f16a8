/**
 * Writes a synthetic GPX track for benchmarks and the import tests: a wandering line of N timed
 * points (default 1,000,000, one per second, about 10 m apart) from Pyongyang towards the
 * south-west, in one track. Deterministic (seeded); output goes to /tmp, never into the repo.
 *   npx tsx scripts/make-big-gpx.ts [--points 1000000] [--out /tmp/big-track.gpx]
 */
import { createWriteStream } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface BigGpxOptions {
  points: number;
  out: string;
}

/** A small deterministic PRNG (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The GPX text, chunk by chunk. */
export function* bigGpx(points: number): Generator<string> {
  const rnd = random(2019);
  const t0 = Date.UTC(2019, 1, 23, 15, 0, 0);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="journey-map make-big-gpx" xmlns="http://www.topografix.com/GPX/1/1">\n';
  yield `<metadata><name>Synthetic track, ${points} points</name></metadata>\n<trk><name>Synthetic</name><trkseg>\n`;
  let lon = 125.75;
  let lat = 39.03;
  let heading = (225 * Math.PI) / 180;
  const chunk: string[] = [];
  for (let i = 0; i < points; i++) {
    heading += (rnd() - 0.5) * 0.05;
    lon += (Math.sin(heading) * 1e-4) / Math.cos((lat * Math.PI) / 180);
    lat += Math.cos(heading) * 1e-4 * 0.9;
    const time = new Date(t0 + i * 1000).toISOString().replace('.000Z', 'Z');
    chunk.push(
      `<trkpt lat="${lat.toFixed(6)}" lon="${lon.toFixed(6)}"><time>${time}</time></trkpt>\n`,
    );
    if (chunk.length === 10_000) {
      yield chunk.join('');
      chunk.length = 0;
    }
  }
  yield chunk.join('');
  yield '</trkseg></trk>\n</gpx>\n';
}

export async function writeBigGpx({ points, out }: BigGpxOptions): Promise<void> {
  const stream = createWriteStream(out);
  for (const part of bigGpx(points))
    if (!stream.write(part)) await new Promise<void>((r) => stream.once('drain', () => r()));
  await new Promise<void>((resolve, reject) => {
    stream.once('error', reject);
    stream.end(() => resolve());
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i === -1 ? undefined : process.argv[i + 1];
  };
  const points = Number(arg('--points') ?? 1_000_000);
  const out = arg('--out') ?? '/tmp/big-track.gpx';
  if (!out.startsWith('/tmp/'))
    throw new Error('write the big GPX under /tmp: it is not repository data');
  await writeBigGpx({ points, out });
  console.log(`wrote ${out} (${points} points)`);
}
