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

/**
 * What goes into the repository from an export too large to commit: a crop at full resolution
 * and a downscaled overview, both drawn from the exported PNG by Chromium.
 */
interface Excerpt {
  crop: [x: number, y: number, w: number, h: number];
  overviewWidth: number;
}

const CASES: { name: string; hash: string; request: ExportRequest; excerpt?: Excerpt }[] = [
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
  {
    name: 'locator-16x9.png',
    hash: AT,
    request: { format: 'png', preset: '16:9', claims: true, locator: true },
  },
  { name: 'dark-16x9.png', hash: AT, request: { format: 'png', preset: '16:9', theme: 'dark' } },
  {
    name: 'transparent-1x1.png',
    hash: AT,
    request: { format: 'png', preset: '1:1', transparent: true },
  },
  {
    // 12,000 × 8,000 is beyond headless Chromium's 8192 px GPU limit: drawn in four tiles
    name: 'tiled-12000x8000.png',
    hash: AT,
    request: { format: 'png', preset: 'custom', width: 12000, height: 8000, claims: true },
    // the middle, where the four tiles meet (seams at x = 6000 and y = 4000)
    excerpt: { crop: [5000, 3250, 2000, 1500], overviewWidth: 1500 },
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

/** A part of a PNG at full resolution, or the whole of it `width` px wide, redrawn by Chromium. */
async function excerptOf(
  browser: Awaited<ReturnType<typeof launch>>,
  b64: string,
  part: { crop: Excerpt['crop'] } | { width: number },
): Promise<Buffer> {
  const { page } = await openPage(browser);
  const png = await page.evaluate(
    async ([data, p]) => {
      const bin = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const img = await createImageBitmap(new Blob([bin], { type: 'image/png' }));
      const [sx, sy, sw, sh] = 'crop' in p ? p.crop : [0, 0, img.width, img.height];
      const w = 'crop' in p ? sw : p.width;
      const h = Math.round((sh * w) / sw);
      const c = document.createElement('canvas');
      c.width = w;
      c.height = h;
      const ctx = c.getContext('2d')!;
      ctx.imageSmoothingQuality = 'high';
      ctx.drawImage(img, sx, sy, sw, sh, 0, 0, w, h);
      return c.toDataURL('image/png').split(',')[1]!;
    },
    [b64, part] as const,
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
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const tiles = result.tiles && result.tiles > 1 ? `, ${result.tiles} tiles` : '';
    const files: [string, Buffer][] = c.excerpt
      ? [
          [
            c.name.replace('.png', '-crop.png'),
            await excerptOf(browser, result.bytesBase64, { crop: c.excerpt.crop }),
          ],
          [
            c.name.replace('.png', '-overview.png'),
            await excerptOf(browser, result.bytesBase64, { width: c.excerpt.overviewWidth }),
          ],
        ]
      : [
          [
            c.name,
            c.request.format === 'webm'
              ? await videoFrame(browser, result.bytesBase64, 1.0)
              : Buffer.from(result.bytesBase64, 'base64'),
          ],
        ];
    for (const [name, bytes] of files) {
      writeFileSync(join(outDir, name), bytes);
      console.log(
        `${name}: from ${result.width}×${result.height}${tiles}, ${(bytes.length / 1e3).toFixed(0)} kB, ${seconds} s`,
      );
    }
  }
  if (log.errors.length) console.error(log.errors.join('\n'));
} finally {
  await browser.close();
  await server.close();
}
