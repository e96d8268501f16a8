import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import type { AutomationResult } from '../../src/export/automation';
import type { ExportRequest } from '../../src/export/request';
import { useBuiltApp } from './app-fixture';

const app = useBuiltApp();
let page: Page;

beforeAll(async () => {
  ({ page } = await openPage(app.browser));
  await page.goto(app.url + '#t=2025-09-01T14:30:00Z');
  await waitForMapReady(page);
  await page.waitForFunction(() => typeof window.journeyMapExport === 'function');
});

const exportPng = (request: ExportRequest): Promise<AutomationResult> =>
  page.evaluate((r) => window.journeyMapExport!(r), request);

describe('exports beyond the GPU limit', () => {
  it('a map drawn in four tiles matches the single pass, seams and labels across them included', async () => {
    // 1620 × 1080 is laid out at 1080 × 720 CSS px like 12,000 × 8,000; a limit of 830 px splits
    // it where the 12,000 × 8,000 export splits (at 540 and 360 CSS px), across the trains' labels
    const request: ExportRequest = { format: 'png', preset: 'custom', width: 1620, height: 1080 };
    const single = await exportPng(request);
    const tiled = await exportPng({ ...request, tileLimitPx: 830 });
    expect(single.tiles).toBe(1);
    expect(tiled.tiles).toBe(4);
    const a = PNG.sync.read(Buffer.from(single.bytesBase64, 'base64'));
    const b = PNG.sync.read(Buffer.from(tiled.bytesBase64, 'base64'));
    expect([b.width, b.height]).toEqual([1620, 1080]);
    const diff = new PNG({ width: 1620, height: 1080 });
    // threshold 0.1: pixelmatch's default, a difference people can see
    const differing = pixelmatch(a.data, b.data, diff.data, 1620, 1080, { threshold: 0.1 });
    // the seams (x = 810, y = 540) and 4 px either side: not one visibly different pixel
    let seam = 0;
    for (let y = 0; y < 1080; y++) {
      for (let x = 0; x < 1620; x++) {
        if (Math.abs(x - 810) > 4 && Math.abs(y - 540) > 4) continue;
        const i = (y * 1620 + x) * 4;
        // pixelmatch paints differing pixels red (255, 0, 0)
        if (diff.data[i] === 255 && diff.data[i + 1] === 0 && diff.data[i + 2] === 0) seam++;
      }
    }
    console.log(
      `tiled vs single pass: ${differing} px differ (threshold 0.1), ${seam} at the seams`,
    );
    expect(seam).toBe(0);
    expect(differing / (1620 * 1080)).toBeLessThan(0.0001);
  });

  it('an export larger than the browser can hold is refused with the limit named', async () => {
    const error = await page.evaluate(
      (r) =>
        window.journeyMapExport!(r).then(
          () => 'exported',
          (e: Error) => e.message,
        ),
      { format: 'png', preset: 'custom', width: 16384, height: 16384 } as ExportRequest,
    );
    expect(error).toMatch(/at most 100 million pixels/);
  });
});
