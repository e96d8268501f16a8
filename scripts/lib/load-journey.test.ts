import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatDataError } from '../../src/domain/data/data-error';
import { loadJourney, readInputFile } from './load-journey';

const journeyFile = fileURLToPath(
  new URL('../../geo/journeys/pyongyang-beijing-2025.json', import.meta.url),
);

describe('loadJourney', () => {
  it('loadJourney(bundled journey) loads the vague-words table and resolves the route path', async () => {
    const r = await loadJourney(journeyFile);
    if (!r.ok) throw new Error(r.errors.map(formatDataError).join('\n'));
    expect(r.value.routePath).toMatch(/geo\/routes\/pyongyang-beijing\.geojson$/);
    expect(Object.keys(r.value.vague.phrases)).toContain('late night');
  });

  it('loadJourney reports a missing file as an error', async () => {
    const r = await loadJourney('/nonexistent/journey.json');
    expect(r.ok).toBe(false);
  });
});

describe('files the command line refuses', () => {
  const dir = mkdtempSync(join(tmpdir(), 'journey-'));
  const bundled = JSON.parse(readFileSync(journeyFile, 'utf8')) as Record<string, unknown>;
  const journeyWith = (name: string, changes: Record<string, unknown>) => {
    const file = join(dir, name);
    writeFileSync(file, JSON.stringify({ ...bundled, ...changes }));
    return file;
  };

  it('a journey whose vagueWords names a file that is not JSON is refused at /vagueWords, and the file is never read', async () => {
    const r = await loadJourney(journeyWith('passwd.json', { vagueWords: '/etc/passwd' }));
    if (r.ok) throw new Error('must be refused');
    expect(r.errors[0]!.path).toBe('/vagueWords');
    expect(formatDataError(r.errors[0]!)).toMatch(/must name a \.json file.*"\/etc\/passwd"/);
    expect(formatDataError(r.errors[0]!)).not.toMatch(/root:/);
  });

  it('a route that is not a GeoJSON or JSON file is refused at /route', async () => {
    const r = await loadJourney(
      journeyWith('route.json', {
        route: '/dev/zero',
        vagueWords: fileURLToPath(new URL('../../geo/journeys/vague-words.json', import.meta.url)),
      }),
    );
    if (r.ok) throw new Error('must be refused');
    expect(r.errors[0]!.path).toBe('/route');
  });

  it('a named pipe is refused before it is opened (reading it would block forever)', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = await readInputFile(fifo);
    if (r.ok) throw new Error('must be refused');
    expect(r.errors[0]!.message).toMatch(/not a regular file/);
    const viaJourney = await loadJourney(fifo);
    expect(viaJourney.ok).toBe(false);
  });
});
