import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The generators in tests/fixtures and the flag that sizes what each writes. */
const SIZE_FLAG = { 'many-claims': '--count', 'big-gpx': '--points' } as const;

/**
 * Runs a generator of tests/fixtures as its own process (tools never import test code) and
 * returns `out`, the file it wrote: `writeFixture('many-claims', 1280, '/tmp/many.json')` is the
 * built-in journey's claims copied to 1,280, `writeFixture('big-gpx', 1e6, …)` a timed track.
 */
export function writeFixture(name: keyof typeof SIZE_FLAG, size: number, out: string): string {
  execFileSync(
    process.execPath,
    [
      join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'),
      join(root, 'tests', 'fixtures', `${name}.ts`),
      SIZE_FLAG[name],
      String(size),
      '--out',
      out,
    ],
    { cwd: root, stdio: 'ignore' },
  );
  return out;
}
