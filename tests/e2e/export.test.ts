import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hex, openPage, pixelStats, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';
import { COLORS } from '../../src/map/style';
import { pngSize, readPngText } from '../../src/export/png-text';
import type { AutomationOptions, AutomationResult } from '../../src/export/automation';

const app = useBuiltApp();
let page: Page;

beforeAll(async () => {
  ({ page } = await openPage(app.browser));
  await page.goto(app.url);
  await waitForMapReady(page);
  await page.waitForFunction(() => typeof window.journeyMapExport === 'function', undefined, {
    timeout: 10_000,
  });
});

/** Runs `window.journeyMapExport` in the app and returns the file's bytes. */
async function exportFile(
  options: AutomationOptions,
): Promise<{ bytes: Buffer; result: AutomationResult }> {
  const result = await page.evaluate((o) => window.journeyMapExport!(o), options);
  return { bytes: Buffer.from(result.bytesBase64, 'base64'), result };
}

/** Counts the frames of a GIF by walking its blocks (image descriptors, skipping sub-blocks). */
function gifFrameCount(gif: Buffer): number {
  expect(gif.subarray(0, 6).toString('latin1')).toMatch(/^GIF8[79]a$/);
  let i = 13;
  const flags = gif[10]!;
  if (flags & 0x80) i += 3 * 2 ** ((flags & 7) + 1);
  let frames = 0;
  const skipSubBlocks = () => {
    while (gif[i]! !== 0) i += gif[i]! + 1;
    i += 1;
  };
  while (i < gif.length) {
    const block = gif[i]!;
    if (block === 0x3b) return frames;
    if (block === 0x21) {
      i += 2;
      skipSubBlocks();
    } else if (block === 0x2c) {
      frames++;
      const local = gif[i + 9]!;
      i += 10;
      if (local & 0x80) i += 3 * 2 ** ((local & 7) + 1);
      i += 1; // LZW minimum code size
      skipSubBlocks();
    } else {
      throw new Error(`unexpected GIF block 0x${block.toString(16)} at ${i}`);
    }
  }
  throw new Error('GIF has no trailer');
}

describe('window.journeyMapExport in the built app', () => {
  for (const [width, height] of [
    [1920, 1080],
    [3840, 2160],
  ] as const) {
    it(
      `exports a ${width}×${height} PNG of exactly that size with the route drawn and provenance`,
      { timeout: 300_000 },
      async () => {
        const started = Date.now();
        const { bytes, result } = await exportFile({ format: 'png', width, height });
        console.log(`${width}×${height} PNG in ${((Date.now() - started) / 1000).toFixed(1)} s`);
        expect(result.mime).toBe('image/png');
        expect(pngSize(bytes)).toEqual({ width, height });
        const kp = pixelStats(bytes, hex(COLORS.KP), 24);
        const cn = pixelStats(bytes, hex(COLORS.CN), 24);
        expect(kp.distinctColours).toBeGreaterThan(100);
        expect(kp.matching).toBeGreaterThan(200);
        expect(cn.matching).toBeGreaterThan(200);
        const text = Object.fromEntries(readPngText(bytes).map((t) => [t.keyword, t.text]));
        for (const key of [
          'Title',
          'Description',
          'Source URL',
          'Journey',
          'Moment',
          'Scenario',
          'Software',
        ]) {
          expect(text[key], key).toBeTruthy();
        }
        expect(text['Source URL']).toMatch(/^#/);
      },
    );
  }

  it('exports a JPEG of the asked size', async () => {
    const { bytes, result } = await exportFile({
      format: 'jpeg',
      width: 640,
      height: 360,
      quality: 0.8,
    });
    expect(result.mime).toBe('image/jpeg');
    expect([bytes[0], bytes[1]]).toEqual([0xff, 0xd8]);
    expect([result.width, result.height]).toEqual([640, 360]);
  });

  it('exports an SVG that parses and holds the route paths in the route colours, and provenance', async () => {
    const { bytes, result } = await exportFile({ format: 'svg', width: 1280, height: 720 });
    expect(result.mime).toBe('image/svg+xml');
    const summary = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const error = doc.querySelector('parsererror')?.textContent ?? null;
      const legs = [...doc.querySelectorAll('#route-line path')];
      return {
        error,
        root: doc.documentElement.localName,
        width: doc.documentElement.getAttribute('width'),
        strokes: legs.map((p) => p.getAttribute('stroke')),
        longest: Math.max(...legs.map((p) => (p.getAttribute('d') ?? '').length)),
        stations: doc.querySelectorAll('#stations circle').length,
        labels: [...doc.querySelectorAll('#labels text')].map((t) => t.textContent),
        // the basemap layers MapLibre rendered, each in its own group, colours as computed CSS
        basemap: ['land', 'borders'].map((id) => {
          const paths = [...doc.querySelectorAll(`#basemap > g#${id} path`)];
          const probe = document.createElement('div');
          document.body.append(probe);
          const colours = paths.map((p) => {
            probe.style.color = p.getAttribute(id === 'land' ? 'fill' : 'stroke') ?? '';
            return getComputedStyle(probe).color;
          });
          probe.remove();
          return {
            id,
            pathLength: paths.reduce((n, p) => n + (p.getAttribute('d') ?? '').length, 0),
            colours,
          };
        }),
        metadata: doc.querySelector('metadata')?.textContent ?? '',
        attribution: doc.querySelector('#attribution')?.textContent ?? '',
      };
    }, bytes.toString('utf8'));
    expect(summary.error).toBeNull();
    expect(summary.root).toBe('svg');
    expect(summary.width).toBe('1280');
    expect(summary.strokes).toContain(COLORS.KP);
    expect(summary.strokes).toContain(COLORS.CN);
    expect(summary.longest).toBeGreaterThan(200);
    expect(summary.stations).toBeGreaterThan(10);
    expect(summary.labels.join(' ')).toContain('평양');
    const rgb = (c: string) => `rgb(${hex(c).join(', ')})`;
    const [land, borders] = summary.basemap;
    // land and borders are drawn as paths in the style's colours, not left to the sea background
    expect(land!.pathLength).toBeGreaterThan(2000);
    expect(land!.colours).toContain(rgb(COLORS.land));
    expect(borders!.pathLength).toBeGreaterThan(200);
    expect(borders!.colours).toContain(rgb(COLORS.border));
    expect(summary.metadata).toContain('#t=');
    expect(summary.attribution).toContain('Natural Earth');
  });

  it('exports a 2 s WebM at 10 fps that Chromium decodes at 640×360', async () => {
    const started = Date.now();
    const { result } = await exportFile({
      format: 'webm',
      width: 640,
      height: 360,
      fps: 10,
      durationS: 2,
    });
    const seconds = (Date.now() - started) / 1000;
    console.log(
      `20-frame 640×360 WebM in ${seconds.toFixed(1)} s (${(20 / seconds).toFixed(1)} frames/s)`,
    );
    expect(result.mime).toBe('video/webm');
    // decoded in a blank page: the app's Content-Security-Policy does not allow blob: media
    const { page: blank } = await openPage(app.browser);
    const meta = await blank.evaluate(async (b64) => {
      const bin = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const video = document.createElement('video');
      video.muted = true;
      video.src = URL.createObjectURL(new Blob([bin], { type: 'video/webm' }));
      await new Promise((resolve, reject) => {
        video.onloadedmetadata = resolve;
        video.onerror = () => reject(new Error(`video error ${video.error?.code}`));
      });
      if (!Number.isFinite(video.duration)) {
        video.currentTime = 1e9;
        await new Promise((r) => (video.ondurationchange = r));
      }
      return { width: video.videoWidth, height: video.videoHeight, duration: video.duration };
    }, result.bytesBase64);
    await blank.context().close();
    expect([meta.width, meta.height]).toEqual([640, 360]);
    expect(meta.duration).toBeCloseTo(2, 0);
    expect(Math.abs(meta.duration - 2)).toBeLessThan(0.15);
  });

  it('exports a GIF with the asked frame count', async () => {
    const { bytes, result } = await exportFile({
      format: 'gif',
      width: 320,
      height: 180,
      fps: 5,
      durationS: 1.2,
    });
    expect(result.mime).toBe('image/gif');
    expect(bytes.readUInt16LE(6)).toBe(320);
    expect(bytes.readUInt16LE(8)).toBe(180);
    expect(gifFrameCount(bytes)).toBe(6);
    expect(bytes.toString('latin1')).toContain('Reopen: #t=');
  });

  it('rejects a size beyond 16384 px a side or 100 million pixels with a clear error', async () => {
    await expect(exportFile({ format: 'png', width: 20000, height: 1000 })).rejects.toThrow(
      /16384/,
    );
    await expect(exportFile({ format: 'png', width: 12000, height: 9000 })).rejects.toThrow(
      /million pixels/,
    );
  });
});
