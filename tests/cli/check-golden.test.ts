import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkJourney, roundReport } from '../../src/domain/claims/check';
import { formatDataError } from '../../src/domain/data/data-error';
import { loadJourney } from '../../scripts/lib/load-journey';
import type { RouteCollection } from '../../src/domain/route/route';

/*
 * Golden files of `npm run check -- --json` for the bundled journey. To rewrite them after a
 * deliberate change (e.g. when the route GeoJSON changes):
 *   REGEN=1 npx vitest run --project unit tests/cli/check-golden.test.ts
 */
const here = (p: string): string => fileURLToPath(new URL(p, import.meta.url));
const journeyFile = here('../../geo/journeys/pyongyang-beijing-2025.json');
const goldenDir = here('../__golden__/');

async function reportFor(routeFile: string): Promise<string> {
  const loaded = await loadJourney(journeyFile);
  if (!loaded.ok) throw new Error(loaded.errors.map(formatDataError).join('\n'));
  const route = JSON.parse(readFileSync(routeFile, 'utf8')) as RouteCollection;
  const report = checkJourney(loaded.value.journey, loaded.value.vague, route);
  return `${JSON.stringify(roundReport(report), null, 2)}\n`;
}

function compareGolden(name: string, actual: string): void {
  const file = `${goldenDir}${name}`;
  if (process.env['REGEN']) {
    mkdirSync(goldenDir, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  // a missing golden is a failure, never a file written by the test itself
  expect(existsSync(file), `${name} is missing; REGEN=1 writes it (then review it)`).toBe(true);
  const expected = readFileSync(file, 'utf8');
  if (actual !== expected) writeFileSync(file.replace(/\.json$/, '-changed.json'), actual);
  expect(actual, `${name} changed; REGEN=1 rewrites it`).toBe(expected);
}

const bundledRoute = here('../../geo/routes/pyongyang-beijing.geojson');

describe('check report goldens', () => {
  it('the report for the bundled journey on the bundled route matches check-report.json', async () => {
    expect(existsSync(bundledRoute)).toBe(true);
    compareGolden('check-report.json', await reportFor(bundledRoute));
  });

  it('the report for the bundled journey on the fixture route matches check-report.fixture.json', async () => {
    compareGolden(
      'check-report.fixture.json',
      await reportFor(here('../fixtures/route-mini.geojson')),
    );
  });
});
