import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { hex, openPage, waitForMapReady } from '../../scripts/lib/browser';
import { COLORS } from '../../src/map/style';
import { CHART_STYLE } from '../../src/present/chart/time-distance';
import { pngSize } from '../../src/export/png-text';
import type { AutomationOptions } from '../../src/export/automation';
import type { Page } from 'playwright-core';
import { useBuiltApp } from './app-fixture';

const app = useBuiltApp();

async function open(): Promise<Page> {
  const { page } = await openPage(app.browser);
  await page.goto(`${app.url}#t=2025-09-01T17:00:00Z`);
  await waitForMapReady(page);
  await page.waitForFunction(() => typeof window.journeyMapExport === 'function');
  return page;
}

async function exportFile(page: Page, options: AutomationOptions): Promise<Buffer> {
  const result = await page.evaluate((o) => window.journeyMapExport!(o), options);
  return Buffer.from(result.bytesBase64, 'base64');
}

/** Pixels near a colour inside a rectangle of a decoded PNG. */
function countIn(
  img: PNG,
  rect: { x0: number; y0: number; x1: number; y1: number },
  rgb: [number, number, number],
  tolerance = 30,
): number {
  let n = 0;
  for (let y = rect.y0; y < rect.y1; y++)
    for (let x = rect.x0; x < rect.x1; x++) {
      const i = (y * img.width + x) * 4;
      if (
        Math.abs(img.data[i]! - rgb[0]) <= tolerance &&
        Math.abs(img.data[i + 1]! - rgb[1]) <= tolerance &&
        Math.abs(img.data[i + 2]! - rgb[2]) <= tolerance
      )
        n++;
    }
  return n;
}

describe('exports with the time–distance chart panel', () => {
  it('a PNG with the chart under the map is the asked size, the route above, the chart below', async () => {
    const page = await open();
    const png = await exportFile(page, {
      format: 'png',
      width: 1280,
      height: 720,
      chart: 'bottom',
    });
    expect(pngSize(new Uint8Array(png))).toEqual({ width: 1280, height: 720 });
    const img = PNG.sync.read(png);
    const split = Math.round(720 * 0.66);
    const map = { x0: 0, y0: 0, x1: 1280, y1: split - 4 };
    const panel = { x0: 0, y0: split + 4, x1: 1280, y1: 720 };
    expect(countIn(img, map, hex(COLORS.KP))).toBeGreaterThan(50);
    // the window boxes' outline and the reconstructed train's line are drawn in the panel
    expect(countIn(img, panel, hex(CHART_STYLE.box))).toBeGreaterThan(50);
    expect(countIn(img, panel, hex('#111827'), 20)).toBeGreaterThan(200);
    await page.context().close();
  });

  it('the cursor of the panel is at the moment exported', async () => {
    const page = await open();
    const opts: AutomationOptions = { format: 'png', width: 960, height: 540, chart: 'right' };
    const before = PNG.sync.read(await exportFile(page, opts));
    // the layout floats the panel wherever the route leaves room: its box, read from the SVG of
    // the same request (one layout for both), is where the cursor must move
    const svg = (await exportFile(page, { ...opts, format: 'svg' })).toString('utf8');
    const m = svg.match(
      /<g id="chart-panel" transform="translate\(([\d.]+) ([\d.]+)\) scale\(([\d.]+)\)"[^>]*><rect[^>]*width="([\d.]+)" height="([\d.]+)"/,
    );
    expect(m).not.toBeNull();
    const [x, y, k, w, h] = m!.slice(1).map(Number) as [number, number, number, number, number];
    const box = {
      x0: Math.ceil(x),
      y0: Math.ceil(y),
      x1: Math.floor(x + k * w),
      y1: Math.floor(y + k * h),
    };
    expect(box.x1 - box.x0).toBeGreaterThan(200);
    await page.locator('body').press('End');
    const after = PNG.sync.read(await exportFile(page, opts));
    // columns of the panel where the two exports differ: where the cursor was and where it is now
    const changed: number[] = [];
    for (let x = box.x0; x < box.x1; x++) {
      let n = 0;
      for (let y = box.y0; y < box.y1; y++) {
        const i = (y * 960 + x) * 4;
        if (Math.abs(before.data[i]! - after.data[i]!) > 40) n++;
      }
      if (n > 100) changed.push(x);
    }
    expect(changed.length).toBeGreaterThan(1);
    expect(Math.max(...changed) - Math.min(...changed)).toBeGreaterThan(100);
    await page.context().close();
  });

  it('an SVG with the chart draws the panel as vector marks in the same document as the map', async () => {
    const page = await open();
    const svg = (
      await exportFile(page, { format: 'svg', width: 1200, height: 800, chart: 'bottom' })
    ).toString('utf8');
    expect(svg).toMatch(/^<\?xml[^>]*>\s*<svg [^>]*width="1200" height="800"/);
    expect(svg).toContain('<g id="chart-panel"');
    expect(svg.match(/<path[^>]*data-train="/g)).toHaveLength(4);
    expect(svg.match(/<rect[^>]*data-window="/g)).toHaveLength(4);
    // one SVG document: the map and the chart panel are groups of the same drawing
    expect(svg.match(/<svg /g)).toHaveLength(1);
    const rendered = await page.evaluate(async (text) => {
      const img = new Image();
      img.src = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      await img.decode();
      return [img.naturalWidth, img.naturalHeight];
    }, svg);
    expect(rendered).toEqual([1200, 800]);
    await page.context().close();
  });

  it('a GIF with the chart beside the map has every frame at the asked size', async () => {
    const page = await open();
    const gif = await exportFile(page, {
      format: 'gif',
      width: 320,
      height: 180,
      fps: 2,
      durationS: 1,
      chart: 'right',
    });
    expect(gif.subarray(0, 6).toString('latin1')).toBe('GIF89a');
    expect(gif.readUInt16LE(6)).toBe(320);
    expect(gif.readUInt16LE(8)).toBe(180);
    await page.context().close();
  });
});
