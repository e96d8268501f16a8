import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { PNG } from 'pngjs';

const root = join(import.meta.dirname, '..', '..');

/** Debian's Chromium, or the path in CHROMIUM_PATH. */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((p): p is string => !!p && existsSync(p));
  if (!found) throw new Error('No Chromium found: install Debian chromium or set CHROMIUM_PATH');
  return found;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Serves the built dist/ (or another build's `outDir`) on 127.0.0.1 at a free port, or at `port`.
 * Run `npm run build` first.
 */
export async function serveDist(
  options: { outDir?: string; port?: number } = {},
): Promise<{ server: PreviewServer; url: string }> {
  const outDir = options.outDir ?? join(root, 'dist');
  if (!existsSync(join(outDir, 'index.html'))) {
    throw new Error(`${outDir} is missing: run \`npm run build\` before the browser tests`);
  }
  const server = await preview({
    root,
    logLevel: 'silent',
    build: { outDir },
    preview: {
      host: '127.0.0.1',
      port: options.port ?? 0,
      strictPort: options.port !== undefined,
      open: false,
    },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a URL');
  return { server, url };
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
}

export interface PageLog {
  errors: string[];
  offsiteRequests: string[];
  requests: string[];
}

/**
 * Opens a page that records console errors, page errors and every request's URL. Service workers
 * are blocked: requests they answered would pass the request log by (tests/e2e/offline.test.ts
 * opens its own context to test the worker).
 */
export async function openPage(
  browser: Browser,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; log: PageLog }> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 1,
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const log: PageLog = { errors: [], offsiteRequests: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    log.requests.push(url.href);
    const local = url.hostname === '127.0.0.1' || ['data:', 'blob:'].includes(url.protocol);
    if (!local) {
      log.offsiteRequests.push(url.href);
      return route.abort();
    }
    return route.continue();
  });
  return { page, log };
}

export async function waitForMapReady(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForSelector('html[data-map-ready="true"]', { timeout, state: 'attached' });
}

/** Decodes a PNG and counts pixels near a colour (per-channel tolerance). */
export function pixelStats(png: Buffer, rgb: [number, number, number], tolerance = 40) {
  const img = PNG.sync.read(png);
  let matching = 0;
  const colours = new Set<number>();
  for (let i = 0; i < img.data.length; i += 4) {
    const r = img.data[i]!;
    const g = img.data[i + 1]!;
    const b = img.data[i + 2]!;
    colours.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
    if (
      Math.abs(r - rgb[0]) <= tolerance &&
      Math.abs(g - rgb[1]) <= tolerance &&
      Math.abs(b - rgb[2]) <= tolerance
    )
      matching++;
  }
  return { width: img.width, height: img.height, matching, distinctColours: colours.size };
}

export const hex = (c: string): [number, number, number] => [
  parseInt(c.slice(1, 3), 16),
  parseInt(c.slice(3, 5), 16),
  parseInt(c.slice(5, 7), 16),
];

/** Resolves once two more frames have been drawn: what changed before is on screen. */
export async function twoFrames(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
}

/**
 * Opens the built app at `url` with its map folded away (display: none), for measures of the
 * rest of the page: under SwiftShader each map frame takes 100–500 ms of the main thread.
 */
export async function openWithoutMap(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForMapReady(page);
  await page.addStyleTag({ content: '.map-box { display: none !important; }' });
  await twoFrames(page);
}

/** Starts recording the page's main-thread tasks over 50 ms (PerformanceObserver 'longtask'). */
export async function recordLongTasks(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasksMs: number[] };
    w.longTasksMs = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.longTasksMs.push(e.duration);
    }).observe({ type: 'longtask' });
  });
}

/**
 * The longest task recorded since {@link recordLongTasks} or the last call, ms (0 without one),
 * read two frames from now so that the tasks running now are in; clears the record.
 */
export async function longestTask(page: Page): Promise<number> {
  await twoFrames(page);
  return page.evaluate(() => {
    const w = window as unknown as { longTasksMs: number[] };
    return Math.max(0, ...w.longTasksMs.splice(0));
  });
}
