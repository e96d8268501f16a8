import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { importFixture, useBuiltApp } from './app-fixture';

const app = useBuiltApp();
const EXPECTED = join(import.meta.dirname, '__render__');
const CHANGED = join(import.meta.dirname, '..', '..', 'test-results', 'render');
/** SwiftShader draws anti-aliased edges and text a little differently from run to run. */
const MAX_MISMATCH = 0.015;

/**
 * Compares a PNG with the committed expected image `name.png`; `REGEN=1` rewrites it. A missing
 * expected image fails. On a mismatch the actual and diff images go to test-results/render/.
 */
function matchesExpected(name: string, png: Buffer): void {
  const path = join(EXPECTED, `${name}.png`);
  if (process.env.REGEN) {
    writeFileSync(path, png);
    return;
  }
  if (!existsSync(path)) throw new Error(`${path} is missing: run with REGEN=1 and commit it`);
  const expected = PNG.sync.read(readFileSync(path));
  const actual = PNG.sync.read(png);
  expect([actual.width, actual.height]).toEqual([expected.width, expected.height]);
  const diff = new PNG({ width: actual.width, height: actual.height });
  const differing = pixelmatch(expected.data, actual.data, diff.data, actual.width, actual.height, {
    threshold: 0.1,
  });
  const share = differing / (actual.width * actual.height);
  if (share > MAX_MISMATCH) {
    mkdirSync(CHANGED, { recursive: true });
    writeFileSync(join(CHANGED, `${name}-actual.png`), png);
    writeFileSync(join(CHANGED, `${name}-diff.png`), PNG.sync.write(diff));
  }
  expect(share, `${name}: ${(share * 100).toFixed(2)} % of pixels differ`).toBeLessThanOrEqual(
    MAX_MISMATCH,
  );
}

/**
 * Opens the app at `hash`, waits for the map, does `act` (which waits for its own result), and
 * returns the map canvas as a PNG.
 */
async function renderMap(
  hash: string,
  opts: { onTileBytes?: (raw: Buffer) => void; act?: (page: Page) => Promise<void> } = {},
): Promise<Buffer> {
  const { page, log } = await openPage(app.browser, { width: 1024, height: 700 });
  const { onTileBytes } = opts;
  if (onTileBytes)
    page.on('response', async (r) => {
      if (r.url().includes('/basemap/tiles/') && r.ok()) onTileBytes(await r.body());
    });
  await page.goto(app.url + hash);
  await waitForMapReady(page);
  await opts.act?.(page);
  const png = await page.locator('.maplibregl-canvas').screenshot();
  expect(log.offsiteRequests).toEqual([]);
  expect(log.errors).toEqual([]);
  await page.context().close();
  return png;
}

describe('basemap render tests (Chromium, SwiftShader)', () => {
  it('draws the whole route with seas, rivers and towns, within 1.5 MB gzip of basemap tiles', async () => {
    let gzipBytes = 0;
    const png = await renderMap('', { onTileBytes: (raw) => (gzipBytes += gzipSync(raw).length) });
    console.log(`first view: ${(gzipBytes / 1024).toFixed(0)} KB of basemap tiles, gzipped`);
    expect(gzipBytes).toBeGreaterThan(0);
    expect(gzipBytes).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    matchesExpected('route-light', png);
  });

  it('draws the Friendship Bridge at zoom 11: the Yalu, the bridge, the border point, the train on it', async () => {
    const png = await renderMap('#t=2025-09-01T18:00:00Z&cam=free&map=11/40.113/124.392');
    matchesExpected('bridge-z11', png);
  });

  it('draws Beijing at zoom 9 with its urban area, river and stations', async () => {
    const png = await renderMap('#cam=free&map=9/39.9/116.4');
    matchesExpected('beijing-z9', png);
  });

  it('draws the whole route in the dark theme', async () => {
    const png = await renderMap('#theme=dark');
    matchesExpected('route-dark', png);
  });

  it('draws an imported journey in Europe (Paris → Strasbourg) with its rivers and towns', async () => {
    const png = await renderMap('', {
      act: (page) => importFixture(page, 'europe-summer.gpx', 'Strasbourg'),
    });
    matchesExpected('import-europe', png);
  });
});
