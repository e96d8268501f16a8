/**
 * Writes the example exports under docs/exports/ (each preset, the SVG, animation frames) from
 * the built app, through the same automation hook as `npm run export`.
 *   npx tsx scripts/export-examples.ts [name-filter]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { launch, openPage, serveDist, waitForMapReady } from './lib/browser';
import type { AutomationResult } from '../src/export/automation';
import { PRESETS } from '../src/export/presets';
import type { ExportRequest } from '../src/export/request';

const outDir = resolve(import.meta.dirname, '..', 'docs', 'exports');
const AT = '#t=2025-09-01T14:30:00Z';

const CASES: { name: string; hash: string; request: ExportRequest }[] = [
  ...Object.keys(PRESETS)
    .filter((id) => id !== '4k')
    .map((id) => ({
      name: `preset-${id.replace(':', 'x')}.png`,
      hash: AT,
      request: { format: 'png', preset: id, claims: true } as ExportRequest,
    })),
  { name: 'route.svg', hash: AT, request: { format: 'svg', preset: '16:9', claims: true } },
  {
    name: 'hanoi-16x9.png',
    hash: '#j=pyongyang-dongdang-2019',
    request: { format: 'png', preset: '16:9' },
  },
  {
    name: 'small-640x360.png',
    hash: AT,
    request: { format: 'png', preset: 'custom', width: 640, height: 360 },
  },
  { name: 'dark-16x9.png', hash: AT, request: { format: 'png', preset: '16:9', theme: 'dark' } },
  {
    name: 'transparent-1x1.png',
    hash: AT,
    request: { format: 'png', preset: '1:1', transparent: true },
  },
  ...(
    [
      ['16x9', 1280, 720],
      ['1x1', 720, 720],
      ['9x16', 720, 1280],
    ] as const
  ).map(([id, width, height]) => ({
    name: `video-${id}-frame.png`,
    hash: AT,
    request: {
      format: 'webm',
      preset: 'custom',
      width,
      height,
      fps: 4,
      durationS: 2,
      follow: true,
    } as ExportRequest,
  })),
];

/** A frame of a WebM, decoded by Chromium in a blank page (the app's CSP refuses blob: media). */
async function videoFrame(
  browser: Awaited<ReturnType<typeof launch>>,
  b64: string,
  atS: number,
): Promise<Buffer> {
  const { page } = await openPage(browser);
  const png = await page.evaluate(
    async ([data, at]) => {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bin], { type: 'video/webm' }));
      await new Promise((r) => (video.onloadeddata = r));
      video.currentTime = at;
      await new Promise((r) => (video.onseeked = r));
      const c = document.createElement('canvas');
      c.width = video.videoWidth;
      c.height = video.videoHeight;
      c.getContext('2d')!.drawImage(video, 0, 0);
      return c.toDataURL('image/png').split(',')[1]!;
    },
    [b64, atS] as const,
  );
  await page.context().close();
  return Buffer.from(png, 'base64');
}

const filter = process.argv[2];
mkdirSync(outDir, { recursive: true });
const { server, url } = await serveDist();
const browser = await launch();
try {
  const { page, log } = await openPage(browser);
  let hash = '';
  for (const c of CASES.filter((c) => !filter || c.name.includes(filter))) {
    if (c.hash !== hash) {
      await page.goto(url + c.hash);
      await page.reload();
      await waitForMapReady(page);
      await page.waitForFunction(() => typeof window.journeyMapExport === 'function');
      hash = c.hash;
    }
    const started = Date.now();
    const result: AutomationResult = await page.evaluate(
      (r) => window.journeyMapExport!(r),
      c.request,
    );
    const bytes =
      c.request.format === 'webm'
        ? await videoFrame(browser, result.bytesBase64, 1.0)
        : Buffer.from(result.bytesBase64, 'base64');
    writeFileSync(join(outDir, c.name), bytes);
    console.log(
      `${c.name}: ${result.width}×${result.height}, ${(bytes.length / 1e3).toFixed(0)} kB, ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  }
  if (log.errors.length) console.error(log.errors.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
