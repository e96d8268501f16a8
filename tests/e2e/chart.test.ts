import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';

const app = useBuiltApp();

async function open(hash = '', viewport = { width: 1280, height: 800 }) {
  const { page, log } = await openPage(app.browser, viewport);
  await page.goto(app.url + hash);
  await waitForMapReady(page);
  await page.getByTestId(viewport.width > 640 ? 'chart-cursor' : 'chart-toggle').waitFor();
  return { page, log };
}

const chart = (page: Page) => page.getByRole('region', { name: 'Time–distance chart' });
const lineIds = (page: Page) =>
  chart(page)
    .locator('.drawing path[data-train]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-train')));
const clock = (page: Page) => page.getByTestId('local-time').textContent();

/** Whether the document itself can scroll (the panel and the chart scroll inside themselves). */
const pageScrolls = (page: Page) =>
  page.evaluate(() => {
    const s = document.scrollingElement!;
    return s.scrollHeight > innerHeight || s.scrollWidth > innerWidth;
  });

describe('the time–distance chart in Chromium', () => {
  it('draws one line per train on the player and one box per reported window', async () => {
    const { page, log } = await open();
    const trains = await page.locator('[data-scenario]').count();
    expect(trains).toBe(4);
    await expect.poll(() => lineIds(page)).toHaveLength(trains);
    // Leaves Pyongyang, crosses the bridge, seen in Shenyang, arrives in Beijing
    await expect
      .poll(() =>
        chart(page)
          .locator('.drawing rect[data-window]')
          .evaluateAll((els) => els.map((e) => e.getAttribute('data-window'))),
      )
      .toEqual(['depart', 'border', 'shenyang', 'arrive']);
    // every ghost misses the border box; the reconstructed timeline misses none
    const misses = await chart(page)
      .locator('[data-miss]')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-miss')));
    expect(misses).toContain('a004-speed-50kmh border');
    expect(misses.some((m) => m!.startsWith('reconstructed'))).toBe(false);
    await page.locator('[data-scenario="a004-speed-50kmh"]').uncheck();
    await expect.poll(() => lineIds(page)).toHaveLength(trains - 1);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('dragging the cursor moves the clock, and the arrow keys step it', async () => {
    const { page } = await open();
    const before = await clock(page);
    const box = (await chart(page).locator('svg').boundingBox())!;
    const y = box.y + box.height / 2;
    await page.mouse.move(box.x + box.width * 0.3, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, y, { steps: 4 });
    await page.mouse.move(box.x + box.width * 0.7, y, { steps: 4 });
    await page.mouse.up();
    await expect.poll(() => clock(page)).not.toBe(before);
    expect(await clock(page)).toMatch(/Tue 2 Sep \d\d:\d\d Beijing/);
    const cursor = page.getByTestId('chart-cursor');
    const t0 = Number(await cursor.getAttribute('aria-valuenow'));
    await cursor.focus();
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(async () => Number(await cursor.getAttribute('aria-valuenow')))
      .toBe(t0 + 10 * 60_000);
    await page.keyboard.press('Home');
    await expect.poll(() => clock(page)).toMatch(/Mon 1 Sep 18:00 Pyongyang/);
    await page.context().close();
  });

  it('pointing at a line highlights that train in the list of trains', async () => {
    const { page } = await open();
    const svg = chart(page).locator('svg');
    const box = (await svg.boundingBox())!;
    // a point on the 50 km/h ghost's line, read from its path
    const p = await svg.evaluate((el) => {
      const path = el.querySelector<SVGPathElement>(
        '.drawing path[data-train="a004-speed-50kmh"]',
      )!;
      const q = path.getPointAtLength(path.getTotalLength() * 0.6);
      return [q.x, q.y];
    });
    await page.mouse.move(box.x + p[0]!, box.y + p[1]!);
    await expect
      .poll(() => page.locator('[data-train-card="a004-speed-50kmh"]').getAttribute('class'))
      .toContain('hovered');
    await expect(chart(page).getByRole('status').textContent()).resolves.toMatch(/50 km\/h here/);
    await page.context().close();
  });

  it('redraws for another routing', async () => {
    const { page } = await open();
    const mainD = () =>
      chart(page).locator('.drawing path[data-train="reconstructed"]').getAttribute('d');
    const before = await mainD();
    const labels = () => chart(page).locator('.drawing text').allTextContents();
    expect(await labels()).toContain('Jinzhou');
    await page.getByRole('radio', { name: 'B' }).check();
    await expect.poll(mainD).not.toBe(before);
    await expect.poll(labels).not.toContain('Jinzhou'); // routing B skips the Shenshan line
    await page.context().close();
  });

  it('moves only the cursor while playing: the drawing is never rebuilt per frame', async () => {
    const { page } = await open('#rate=3600');
    await page.evaluate(() => {
      const w = window as unknown as { __mutations: number };
      w.__mutations = 0;
      new MutationObserver((records) => (w.__mutations += records.length)).observe(
        document.querySelector('.drawing')!,
        { subtree: true, childList: true, attributes: true, characterData: true },
      );
    });
    const cursor = page.getByTestId('chart-cursor');
    const x0 = await cursor.getAttribute('transform');
    await page.getByTestId('play').click();
    await expect.poll(() => cursor.getAttribute('transform')).not.toBe(x0);
    const x1 = await cursor.getAttribute('transform');
    await expect.poll(() => cursor.getAttribute('transform')).not.toBe(x1);
    await page.getByTestId('play').click();
    expect(
      await page.evaluate(() => (window as unknown as { __mutations: number }).__mutations),
    ).toBe(0);
    await page.context().close();
  });

  it('never makes the page scroll, on a laptop or a phone', async () => {
    for (const viewport of [
      { width: 1280, height: 800 },
      { width: 390, height: 844 },
    ]) {
      const { page } = await open('', viewport);
      expect(await pageScrolls(page)).toBe(false);
      // on a phone the chart starts folded, so the map keeps half the screen
      const toggle = page.getByTestId('chart-toggle');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await page.getByTestId('chart-cursor').waitFor();
      expect(await pageScrolls(page)).toBe(false);
      const box = (await chart(page).boundingBox())!;
      expect(box.height).toBeGreaterThan(100);
      expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
      expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
      await page.context().close();
    }
  });

  it('shows an imported track with its recorded times as the line', async () => {
    const { page } = await open();
    await page
      .getByTestId('import-input')
      .setInputFiles(join(import.meta.dirname, '..', 'fixtures', 'import', 'track.gpx'));
    await expect.poll(() => lineIds(page)).toEqual(['recorded']);
    await expect.poll(() => chart(page).locator('.drawing rect[data-window]').count()).toBe(0);
    await page.context().close();
  });
});
