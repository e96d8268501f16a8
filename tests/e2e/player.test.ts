import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';
import { loadJourney } from '../../scripts/lib/load-journey';
import { checkJourney } from '../../src/domain/claims/check';
import type { RouteCollection } from '../../src/domain/route/route';

const app = useBuiltApp();

const kmShown = async (page: Page) =>
  Number((await page.getByTestId('km-travelled').textContent())?.replace(/[^\d.]/g, ''));

const trainPoint = (page: Page) =>
  page.evaluate(() => window.journeyMap?.trainScreenPoint() ?? null);

async function open(hash = '') {
  const { page, log } = await openPage(app.browser, { width: 1400, height: 900 });
  await page.goto(app.url + hash);
  await waitForMapReady(page);
  await page.getByTestId('local-time').waitFor();
  return { page, log };
}

describe('playback in Chromium', () => {
  it('Play moves the train: the km readout grows and the marker moves on screen', async () => {
    const { page, log } = await open('#rate=3600');
    const km0 = await kmShown(page);
    const p0 = await trainPoint(page);
    await page.getByTestId('play').click();
    // played until the train has covered at least 20 km (about 1.5 s of frames at this rate)
    await expect.poll(() => kmShown(page), { timeout: 30_000 }).toBeGreaterThan(km0 + 20);
    await page.getByTestId('play').click();
    const km1 = await kmShown(page);
    const p1 = await trainPoint(page);
    expect(km1).toBeGreaterThan(km0 + 5);
    expect(p0).not.toBeNull();
    expect(p1).not.toBeNull();
    expect(Math.hypot(p1![0] - p0![0], p1![1] - p0![1])).toBeGreaterThan(3);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('the End key scrubs to the arrival, shown in Beijing time and kept in the URL', async () => {
    const { page } = await open();
    await page.locator('body').press('End');
    await expect
      .poll(() => page.getByTestId('local-time').textContent())
      .toMatch(/Tue 2 Sep 16:00 Beijing \(UTC\+8\)/);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('t=2025-09-02T08:00:00Z');
    await page.context().close();
  });

  it('the keyboard plays, pauses, changes speed and steps between stations', async () => {
    const { page } = await open('#rate=60');
    const body = page.locator('body');
    await body.press(' ');
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-pressed')).toBe('true');
    await body.press(' ');
    await expect.poll(() => page.getByTestId('play').getAttribute('aria-pressed')).toBe('false');
    await body.press('+');
    await expect.poll(() => page.getByTestId('rate').inputValue()).toBe('300');
    await body.press('-');
    await body.press('-');
    await expect.poll(() => page.getByTestId('rate').inputValue()).toBe('10');
    const before = await kmShown(page);
    await body.press('ArrowRight');
    await expect.poll(() => kmShown(page)).toBeGreaterThan(before);
    await body.press('Home');
    await expect.poll(() => kmShown(page)).toBe(0);
    await page.context().close();
  });

  it('a URL with a time and a scenario reopens at that time with only that ghost', async () => {
    const { page } = await open('#t=2025-09-01T18:00:00Z&s=a004-speed-50kmh&cam=free');
    await expect
      .poll(() => page.getByTestId('local-time').textContent())
      .toMatch(/Tue 2 Sep 0[23]:00/);
    await expect(page.locator('[data-scenario="a004-speed-50kmh"]').isChecked()).resolves.toBe(
      true,
    );
    await expect(page.locator('[data-scenario="a000-speed-37mph"]').isChecked()).resolves.toBe(
      false,
    );
    expect(await page.evaluate(() => location.hash)).toContain('t=2025-09-01T18:00:00Z');
    await page.context().close();
  });
});

describe('map view in the URL, in Chromium', () => {
  it('a URL with a map view reopens there, and zooming writes the new view back', async () => {
    const { page, log } = await open('#cam=free&map=8/39.84/118.28');
    const cam = await page.evaluate(() => window.journeyMap?.camera() ?? null);
    expect(cam).not.toBeNull();
    expect(cam!.zoom).toBeCloseTo(8, 5);
    expect(cam!.lat).toBeCloseTo(39.84, 4);
    expect(cam!.lon).toBeCloseTo(118.28, 4);
    await page.locator('.maplibregl-ctrl-zoom-in').click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000 })
      .toContain('map=9/39.84/118.28');
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a URL without a map view fits the whole route and writes no view', async () => {
    const { page } = await open('#cam=free');
    const cam = await page.evaluate(() => window.journeyMap?.camera() ?? null);
    expect(cam!.zoom).toBeLessThan(7);
    expect(await page.evaluate(() => location.hash)).not.toContain('map=');
    await page.context().close();
  });
});

describe('claims panel in Chromium', () => {
  it('shows each article claim with the verdict the fact-check computes for it', async () => {
    const loaded = await loadJourney(
      join(import.meta.dirname, '../../geo/journeys/pyongyang-beijing-2025.json'),
    );
    if (!loaded.ok) throw new Error('the built-in journey does not load');
    const { journey, vague, routePath } = loaded.value;
    const route = JSON.parse(readFileSync(routePath, 'utf8')) as RouteCollection;
    const standing = new Map(
      checkJourney(journey, vague, route).verdicts.map((v) => [v.claim, v.standing]),
    );
    const articleIds = journey.claims.filter((c) => c.basis === 'article').map((c) => c.id);
    const { page } = await open();
    const shown = new Map<string, string | null>();
    // folded groups draw their cards when opened
    for (const summary of await page.locator('details.group > summary').all())
      await summary.click();
    for (const id of articleIds) {
      const card = page.locator(`[data-claim="${id}"]`);
      await expect(card.count()).resolves.toBe(1);
      shown.set(id, await card.getAttribute('data-verdict'));
    }
    expect(shown).toEqual(new Map(articleIds.map((id) => [id, standing.get(id)])));
    // the journey's claims do not all get the same verdict
    expect(new Set(shown.values()).size).toBeGreaterThan(2);
    // fits the reported timeline, but cannot be true with "nearly 20 hours" in the same sentence
    await expect(
      page.locator('[data-claim="a004-speed-50kmh"]').getAttribute('data-verdict'),
    ).resolves.toBe('disagrees');
    await page.locator('[data-claim="a004-speed-50kmh"]').click();
    await expect(
      page.locator('[data-claim="a004-speed-50kmh"]').getAttribute('aria-pressed'),
    ).resolves.toBe('true');
    await page.context().close();
  });
});
