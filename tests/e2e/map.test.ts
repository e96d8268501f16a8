import { describe, expect, it } from 'vitest';
import { hex, openPage, pixelStats, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';
import { COLORS } from '../../src/map/style';

const app = useBuiltApp();

describe('the built app in Chromium', () => {
  it('draws the route on the offline map with no request leaving 127.0.0.1 and no console error', async () => {
    const { page, log } = await openPage(app.browser);
    const started = Date.now();
    await page.goto(app.url);
    await waitForMapReady(page);
    const readyMs = Date.now() - started;
    console.log(`data-map-ready after ${readyMs} ms`);

    const png = await page.locator('.maplibregl-canvas').screenshot();
    const kp = pixelStats(png, hex(COLORS.KP));
    const cn = pixelStats(png, hex(COLORS.CN));
    expect(kp.distinctColours).toBeGreaterThan(50);
    expect(kp.matching).toBeGreaterThan(200);
    expect(cn.matching).toBeGreaterThan(200);

    expect(log.offsiteRequests).toEqual([]);
    expect(log.requests.length).toBeGreaterThan(3);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('shows the distance panel with the measured total and the great-circle distance', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(app.url);
    await waitForMapReady(page);
    const total = await page.getByTestId('total-km').textContent();
    const gc = await page.getByTestId('great-circle-km').textContent();
    expect(Number(total?.replace(/[^\d.]/g, ''))).toBeGreaterThan(1000);
    expect(Number(gc?.replace(/[^\d.]/g, ''))).toBeCloseTo(805.6, -1);
    await page.context().close();
  });

  it('names Natural Earth in the map attribution', async () => {
    const { page } = await openPage(app.browser);
    await page.goto(app.url);
    await waitForMapReady(page);
    await expect(page.locator('.maplibregl-ctrl-attrib').textContent()).resolves.toContain(
      'Natural Earth',
    );
    await page.context().close();
  });
});
