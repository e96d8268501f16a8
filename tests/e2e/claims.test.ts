import { describe, expect, it } from 'vitest';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';

const app = useBuiltApp();

async function open(width = 1280, height = 800) {
  const { page, log } = await openPage(app.browser, { width, height });
  await page.goto(app.url);
  await waitForMapReady(page);
  await page.getByTestId('finding').waitFor();
  return { page, log };
}

describe('claims panel in Chromium', () => {
  it('the finding is visible without scrolling at 1280×800 when the claims panel opens', async () => {
    const { page, log } = await open();
    const finding = page.getByTestId('finding');
    const box = await finding.boundingBox();
    const first = await finding.locator('p').first().boundingBox();
    expect(box).not.toBeNull();
    expect(first).not.toBeNull();
    // the heading and the whole first sentence lie inside the window, with nothing scrolled
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(first!.y + first!.height).toBeLessThanOrEqual(800);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    const panelScroll = await page.locator('#panel-body').evaluate((el) => el.scrollTop);
    expect(panelScroll).toBe(0);
    // at a glance first: the short lines of the export's verdict card, above the fold
    const gist = finding.getByTestId('finding-gist');
    const gistBox = await gist.boundingBox();
    expect(gistBox!.y + gistBox!.height).toBeLessThanOrEqual(800);
    await expect(gist.textContent()).resolves.toMatch(
      /“…nearly 20 hours long” needs [\d.]+–[\d.]+ km\/h: contradicted/,
    );
    // then the answer in sentences: what "nearly 20 hours" needs and why it cannot be
    await expect(finding.locator('p').first().textContent()).resolves.toMatch(
      /nearly 20 hours.*needs an average of [\d.]+–[\d.]+ km\/h.*misses the reported/,
    );
    await expect(finding.textContent()).resolves.toMatch(
      /door to door for the [\d,]+ km of routing A/,
    );
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('no element of the panel makes the page itself scroll', async () => {
    const { page } = await open();
    const docHeight = await page.evaluate(() => document.documentElement.scrollHeight);
    expect(docHeight).toBeLessThanOrEqual(800);
    await page.locator('.matrix-box > summary').click();
    await page.getByTestId('matrix').scrollIntoViewIfNeeded();
    await page.mouse.move(1100, 400);
    for (let i = 0; i < 30; i++) await page.mouse.wheel(0, 2000);
    await page.waitForFunction(() => {
      const p = document.querySelector('#panel-body')!;
      return p.scrollTop + p.clientHeight >= p.scrollHeight - 2;
    });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      800,
    );
    await page.context().close();
  });

  it('the matrix scrolls with the keyboard, names claims shortly and a cell shows its reason', async () => {
    const { page } = await open();
    await page.locator('.matrix-box > summary').click();
    const region = page.getByRole('region', { name: 'Consistency matrix (scrolls)' });
    await expect(region.getAttribute('tabindex')).resolves.toBe('0');
    const headers = await page.locator('.matrix thead th').allTextContents();
    expect(headers.some((h) => /004 · 50 km\/h/.test(h))).toBe(true);
    expect(headers.every((h) => !/a004-speed-50kmh/.test(h))).toBe(true);
    await region.focus();
    const before = await region.evaluate((el) => el.scrollLeft);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(
      (x) => document.querySelector('.matrix-wrap')!.scrollLeft > x,
      before,
    );
    await page.locator('td.inconsistent button').first().click();
    await expect(page.getByTestId('pair-reason').textContent()).resolves.toMatch(
      /cannot both be true/,
    );
    await page.context().close();
  });

  it('a speed card says in words what it conflicts with, apart from the timeline', async () => {
    const { page } = await open(1400, 900);
    const card = page.locator('[data-claim="a004-duration-nearly-20h"]');
    await expect(card.getAttribute('data-verdict')).resolves.toBe('contradicted');
    await expect(card.textContent()).resolves.toMatch(/Contradicted by the reported timeline/);
    const mph = page.locator('[data-claim="a000-speed-37mph"]');
    await expect(mph.textContent()).resolves.toMatch(/as a top speed: impossible/);
    await expect(mph.textContent()).resolves.toMatch(/disagrees with another report/);
    // the quote of a distance is complete enough to read alone
    await page.locator('details[data-group="distance"] > summary').click();
    await expect(
      page.locator('[data-claim="r-km-total-c"] q').first().textContent(),
    ).resolves.toMatch(/^C: Qinhuangdao–Shenyang passenger line/);
    await page.context().close();
  });
});
