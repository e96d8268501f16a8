import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';
import { BUILTIN_ROUTE_FILE, manyClaimsJourney } from '../fixtures/many-claims';
import { MAX_CLAIMS } from '../../src/domain/data/parse-journey';

const app = useBuiltApp();
const route = { name: 'pyongyang-beijing.geojson', mimeType: 'application/geo+json' };
const routeBuffer = readFileSync(BUILTIN_ROUTE_FILE);

/** Chooses a journey file made in memory, with the built-in route, in the app's file input. */
async function choose(page: Page, name: string, journeyText: string): Promise<void> {
  await page.setInputFiles('[data-testid="import-input"]', [
    { name, mimeType: 'application/json', buffer: Buffer.from(journeyText) },
    { ...route, buffer: routeBuffer },
  ]);
}

/** Records every text the import status shows, from now on. */
async function watch(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { statuses: string[] };
    w.statuses = [];
    new MutationObserver(() => {
      const s = document.querySelector('[data-testid="import-progress"]')?.textContent;
      if (s) w.statuses.push(s.replace(/\s+/g, ' '));
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

const statuses = (page: Page) =>
  page.evaluate(() => (window as unknown as { statuses: string[] }).statuses);

describe('a journey of 1,280 claims (issue 16, F1)', () => {
  // the longest main-thread task of this import is a figure of `npm run bench -- --only import`
  // (budget 200 ms), not an assertion here
  it('imports and is checked in the worker ("Checking 1,280 claims…"), and the claims panel shows the result', async () => {
    const { page, log } = await openPage(app.browser, { width: 1280, height: 800 });
    await page.goto(app.url);
    await waitForMapReady(page);
    await watch(page);
    const text = manyClaimsJourney(1280);
    expect(Buffer.byteLength(text)).toBeGreaterThan(390_000);
    await choose(page, 'many-claims.json', text);
    // the copies of the 50 km/h claim are checked like the original
    const copy = page.locator('[data-claim="a004-speed-50kmh.copy1"]');
    await copy.waitFor({ timeout: 120_000 });
    await expect(copy.getAttribute('data-verdict')).resolves.toBe(
      await page.locator('[data-claim="a004-speed-50kmh"]').getAttribute('data-verdict'),
    );
    await expect
      .poll(() => page.locator('.matrix-box > summary').textContent())
      .toContain('Every pair of claims');
    await expect(page.locator('.import .status').textContent()).resolves.toContain('Loaded');
    expect(
      (await statuses(page)).some((s) => s.includes('Checking 1,280 claims of many-claims.json')),
    ).toBe(true);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it(`a file of more than ${MAX_CLAIMS} claims is refused at its /claims, and the journey shown stays`, async () => {
    const { page, log } = await openPage(app.browser, { width: 1280, height: 800 });
    await page.goto(app.url);
    await waitForMapReady(page);
    await choose(page, 'small.json', manyClaimsJourney(84));
    await page.locator('[data-claim="a004-speed-50kmh.copy1"]').waitFor({ timeout: 60_000 });
    await choose(page, 'too-many.json', manyClaimsJourney(MAX_CLAIMS + 1));
    const alert = page.getByTestId('import-error');
    await alert.waitFor({ timeout: 60_000 });
    expect((await alert.textContent())?.replace(/\s+/g, ' ')).toMatch(
      /too-many\.json:1:\d+: claims: 2,001 claims: a journey can have at most 2,000/,
    );
    // the journey of 84 claims is still the one shown
    expect(await page.locator('[data-claim="a004-speed-50kmh.copy1"]').count()).toBe(1);
    expect(await page.locator('[data-claim="a004-speed-50kmh.copy2"]').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});

/** A route of a common leg and `count` alternative legs after it, each its own routing R0001…. */
function manyRoutings(count: number): string {
  const name = (i: number) => `R${String(i + 1).padStart(4, '0')}`;
  const props = (id: string, variants?: string[]) => ({
    kind: 'leg',
    id,
    line: `Line ${id}`,
    from: 'Start',
    to: 'End',
    country: 'CN',
    source: 'test',
    ...(variants ? { variants } : {}),
  });
  const features = [
    {
      type: 'Feature',
      properties: props('common'),
      geometry: {
        type: 'LineString',
        coordinates: [
          [116, 39],
          [117, 39],
        ],
      },
    },
    ...Array.from({ length: count }, (_, i) => ({
      type: 'Feature',
      properties: props(`alt-${i}`, [name(i)]),
      geometry: {
        type: 'LineString',
        coordinates: [
          [117, 39],
          [117.5, 39 + (i + 1) * 0.0005],
          [118, 39],
        ],
      },
    })),
  ];
  return JSON.stringify({ type: 'FeatureCollection', features });
}

describe('a route of 3,000 routings (issue 16)', () => {
  it('offers them in one menu, not 3,000 radio buttons, and choosing one shows it', async () => {
    const { page, log } = await openPage(app.browser, { width: 1280, height: 800 });
    await page.goto(app.url);
    await waitForMapReady(page);
    await page.setInputFiles('[data-testid="import-input"]', {
      name: 'routings.geojson',
      mimeType: 'application/geo+json',
      buffer: Buffer.from(manyRoutings(3000)),
    });
    const menu = page.getByTestId('routing-select');
    await menu.waitFor({ timeout: 120_000 });
    expect(await page.locator('input[type="radio"][name="variant"]').count()).toBe(0);
    expect(await menu.locator('option').count()).toBe(3000);
    await menu.selectOption('R2999');
    await expect
      .poll(() => page.locator('#distances-title').textContent())
      .toBe('Distances (route R2999)');
    // the routing's own leg is the one measured
    expect(await page.locator('[data-leg="alt-2998"]').count()).toBe(1);
    expect(await page.locator('[data-leg="alt-0"]').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});
