import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launch, pixelStats, serveDist, waitForMapReady } from '../../scripts/lib/browser';

const root = join(import.meta.dirname, '..', '..');
let browser: Browser;
let server: PreviewServer | undefined;
let url: string;
const builds: string[] = [];

beforeAll(async () => {
  const served = await serveDist();
  server = served.server;
  url = served.url;
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of builds) rmSync(dir, { recursive: true, force: true });
});

/** A context that lets the app's service worker run (the shared harness blocks it). */
async function openWithWorker(): Promise<{
  context: BrowserContext;
  page: Page;
  errors: string[];
}> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    deviceScaleFactor: 1,
    serviceWorkers: 'allow',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, errors };
}

/** The first visit: the page loads and the worker has cached everything and controls the page. */
async function visitOnce(page: Page) {
  await page.goto(url + '#rate=3600');
  await waitForMapReady(page);
  await page.waitForSelector('html[data-offline="ready"]', { state: 'attached', timeout: 120_000 });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

const kmShown = async (page: Page) =>
  Number((await page.getByTestId('km-travelled').textContent())?.replace(/[^\d.]/g, ''));

describe('offline after one visit', () => {
  it('opens with the server stopped and the network off: the map draws and the train moves', async () => {
    const { context, page, errors } = await openWithWorker();
    await visitOnce(page);
    const port = new URL(url).port;
    await server?.close();
    server = undefined;
    await context.setOffline(true);
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));

    await page.reload();
    await waitForMapReady(page);
    await page.getByTestId('local-time').waitFor();
    const map = await page.locator('.maplibregl-canvas').screenshot();
    // the basemap and route are drawn from the cache: many colours, not a blank canvas
    expect(pixelStats(map, [0, 0, 0]).distinctColours).toBeGreaterThan(50);
    const km0 = await kmShown(page);
    await page.getByTestId('play').click();
    await expect.poll(() => kmShown(page), { timeout: 30_000 }).toBeGreaterThan(km0 + 20);
    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
    // serve again for the next test, on the same origin (a worker belongs to its origin)
    server = (await serveDist({ port: Number(port) })).server;
  });

  it('a new build replaces the cached one: the page reloads into it and the old files leave the cache', async () => {
    const { context, page, errors } = await openWithWorker();
    await visitOnce(page);
    const firstBuild = await page.evaluate(() => document.documentElement.dataset.build);
    const oldScript = await page.evaluate(
      () => document.querySelector<HTMLScriptElement>('script[type=module]')!.src,
    );

    const outDir = mkdtempSync(join(tmpdir(), 'journey-map-build-'));
    builds.push(outDir);
    await promisify(execFile)('npx', ['vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
      cwd: root,
      env: { ...process.env, JOURNEY_MAP_BUILD: 'offline-test-second-build' },
    });
    const port = Number(new URL(url).port);
    await server?.close();
    server = (await serveDist({ outDir, port })).server;

    // the old build opens from the cache, its worker finds the new one, which takes over and reloads
    await page.reload();
    await page.waitForFunction(
      () => document.documentElement.dataset.build === 'offline-test-second-build',
      undefined,
      { timeout: 120_000 },
    );
    expect(firstBuild).not.toBe('offline-test-second-build');
    await waitForMapReady(page);
    const cached = await page.evaluate(async () => {
      const urls: string[] = [];
      for (const name of await caches.keys()) {
        if (!name.includes('precache')) continue;
        const cache = await caches.open(name);
        urls.push(...(await cache.keys()).map((r) => r.url));
      }
      return urls;
    });
    const newScript = await page.evaluate(
      () => document.querySelector<HTMLScriptElement>('script[type=module]')!.src,
    );
    expect(newScript).not.toBe(oldScript);
    expect(cached.some((u) => u.startsWith(newScript))).toBe(true);
    expect(cached.some((u) => u.startsWith(oldScript))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });
});
