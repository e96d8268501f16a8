import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import pixelmatch from 'pixelmatch';
import { hex, openPage, waitForMapReady } from '../../scripts/lib/browser';
import { importFixture, useBuiltApp } from './app-fixture';
import { COLORS } from '../../src/map/style';
import { pngSize, readPngText } from '../../src/export/png-text';
import { PRESETS } from '../../src/export/presets';
import type { AutomationResult } from '../../src/export/automation';
import type { ExportRequest } from '../../src/export/request';

const app = useBuiltApp();
let page: Page;

const AT = '#t=2025-09-01T14:30:00Z';

async function openApp(hash = AT): Promise<void> {
  await page.goto(app.url + hash);
  await page.reload();
  await waitForMapReady(page);
  await page.waitForFunction(() => typeof window.journeyMapExport === 'function', undefined, {
    timeout: 30_000,
  });
}

beforeAll(async () => {
  ({ page } = await openPage(app.browser));
  await openApp();
});

async function exportFile(request: ExportRequest): Promise<Buffer> {
  const result: AutomationResult = await page.evaluate((r) => window.journeyMapExport!(r), request);
  return Buffer.from(result.bytesBase64, 'base64');
}

const near = (data: Buffer, i: number, rgb: [number, number, number], tol: number) =>
  Math.abs(data[i]! - rgb[0]) <= tol &&
  Math.abs(data[i + 1]! - rgb[1]) <= tol &&
  Math.abs(data[i + 2]! - rgb[2]) <= tol;

/**
 * Pixels drawn in a route colour in the map-only render, and how many of them the composed image
 * changed (by more than a few levels per channel).
 */
function routePixelsChanged(mapOnly: Buffer, composed: Buffer): { route: number; changed: number } {
  const a = PNG.sync.read(mapOnly);
  const b = PNG.sync.read(composed);
  const colours = [hex(COLORS.KP), hex(COLORS.CN)];
  let route = 0;
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    if (!colours.some((c) => near(a.data, i, c, 24))) continue;
    route++;
    const same = [0, 1, 2].every((k) => Math.abs(a.data[i + k]! - b.data[i + k]!) <= 6);
    if (!same) changed++;
  }
  return { route, changed };
}

describe('exports laid out for publication', () => {
  for (const [id, preset] of Object.entries(PRESETS)) {
    it(`the ${id} preset exports exactly ${preset.width}×${preset.height} px and covers no route pixel`, async () => {
      const composed = await exportFile({ format: 'png', preset: id as never, claims: true });
      expect(pngSize(composed)).toEqual({ width: preset.width, height: preset.height });
      const mapOnly = await exportFile({
        format: 'png',
        preset: id as never,
        claims: true,
        decorations: false,
      });
      const { route, changed } = routePixelsChanged(mapOnly, composed);
      expect(route).toBeGreaterThan(500);
      expect(changed).toBe(0);
    });
  }

  it('the SVG rendered by Chromium from its embedded fonts agrees with the PNG of the same view', async () => {
    const request: ExportRequest = { format: 'png', preset: 'custom', width: 960, height: 540 };
    const png = PNG.sync.read(await exportFile(request));
    const svg = (await exportFile({ ...request, format: 'svg' })).toString('utf8');
    expect(svg).toContain('@font-face');
    expect(svg).toMatch(/font\/woff2;base64,/);
    // opened in a page of its own, as a file: only the fonts the SVG embeds are available
    const { page: blank } = await openPage(app.browser, { width: 960, height: 540 });
    await blank.route('http://127.0.0.1/export.svg', (r) =>
      r.fulfill({ body: svg, contentType: 'image/svg+xml' }),
    );
    await blank.goto('http://127.0.0.1/export.svg');
    // Chromium draws the text once its embedded fonts have loaded, some frames after the SVG:
    // measured right after it, the figure misses most of the text (3.1 % instead of 2.5 %)
    const faces = await blank.evaluate(async () => {
      await Promise.all([...document.fonts].map((f) => f.load()));
      await document.fonts.ready;
      return document.fonts.size;
    });
    expect(faces).toBeGreaterThan(0);
    // the labels are those MapLibre placed, at the anchors it chose: no two of them overlap (a
    // train's label it dropped for a station's, or a town's name on the other side of its dot,
    // would)
    const overlapping = await blank.evaluate(() => {
      const boxes = [
        ...document.querySelectorAll('#place-labels > text, #labels > text, #trains > text'),
      ].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
      const pairs: string[] = [];
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          const dx = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const dy = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (dx > 1 && dy > 1) pairs.push(`${a.text} / ${b.text}`);
        }
      return { pairs, count: boxes.length };
    });
    expect(overlapping.count).toBeGreaterThan(20);
    expect(overlapping.pairs).toEqual([]);
    // then read until two consecutive frames are the same
    const shots = [await blank.screenshot()];
    for (let i = 0; i < 20 && !shots.at(-1)!.equals(shots.at(-2) ?? Buffer.alloc(0)); i++)
      shots.push(await blank.screenshot());
    expect(shots.at(-1)!.equals(shots.at(-2)!)).toBe(true);
    await blank.context().close();
    const rendered = PNG.sync.read(shots.at(-1)!);
    const diff = pixelmatch(png.data, rendered.data, undefined, 960, 540, { threshold: 0.2 });
    const share = diff / (960 * 540);
    console.log(`SVG vs PNG: ${(share * 100).toFixed(2)} % of pixels differ (threshold 0.2)`);
    // the map is drawn by two engines from the same rendered features and placed labels: WebGL
    // tiles and signed-distance-field glyphs against vector paths and font outlines, so every
    // label's and line's edges differ by some pixels (2.44–2.68 % measured with all text drawn; a
    // label on one line where the PNG broke it, or a missing label, adds about 0.1 % each)
    expect(share).toBeLessThan(0.035);
  });

  it('a locator inset shows the route’s region on land and sea, in the PNG and the SVG', async () => {
    const request: ExportRequest = {
      format: 'png',
      preset: 'custom',
      width: 960,
      height: 540,
      locator: true,
    };
    const png = PNG.sync.read(await exportFile(request));
    const svg = (await exportFile({ ...request, format: 'svg' })).toString('utf8');
    // the inset's card, where the layout put it (one layout for the PNG and the SVG)
    const card = svg.match(
      /<g id="locator">\s*<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"/,
    );
    expect(card).not.toBeNull();
    // the SVG is in the layout's CSS px (its viewBox); the PNG in device px
    const k = 960 / Number(svg.match(/viewBox="0 0 ([\d.]+) /)![1]);
    const [x, y, w, h] = card!.slice(1).map((v) => Number(v) * k) as [
      number,
      number,
      number,
      number,
    ];
    expect(w).toBeGreaterThan(80);
    const inCard = (rgb: [number, number, number], tol: number) => {
      let n = 0;
      for (let j = Math.ceil(y); j < y + h; j++)
        for (let i = Math.ceil(x); i < x + w; i++)
          if (near(png.data, (j * 960 + i) * 4, rgb, tol)) n++;
      return n;
    };
    const share = (n: number) => n / (w * h);
    const land = share(inCard(hex(COLORS.land), 3));
    const sea = share(inCard(hex(COLORS.sea), 3));
    const box = inCard(hex(COLORS.KP), 24);
    console.log(
      `locator ${w}×${h} px at ${x},${y}: land ${(land * 100).toFixed(0)} %, sea ${(sea * 100).toFixed(0)} %, ${box} px of its box`,
    );
    expect(land).toBeGreaterThan(0.15);
    expect(sea).toBeGreaterThan(0.15);
    // a thin box at this size (16 px measured), and no red anywhere else on the inset
    expect(box).toBeGreaterThan(8);
    // the SVG draws the inset's map as vectors, its groups named apart from the main map's
    expect(svg).toMatch(
      /<g id="locator-map" clip-path="url\(#locator-clip\)">[\s\S]*<g id="locator-land">/,
    );
    expect(svg.match(/<g id="land">/g)).toHaveLength(1);
  });

  it('an imported GPX in France exports with its own title, legend, attribution and CEST clock', async () => {
    await importFixture(page, 'europe-summer.gpx', 'Strasbourg');
    await page.getByTestId('keep-note').waitFor();
    const png = await exportFile({ format: 'png', preset: 'custom', width: 960, height: 540 });
    const text = Object.fromEntries(readPngText(png).map((t) => [t.keyword, t.text]));
    expect(text.Title).toBe('Paris → Strasbourg by TGV, 14 July 2025');
    // its link reopens the import only where the file is kept, and the description says so
    expect(text['Source URL']).toContain('j=imported');
    expect(text.Description).toContain(
      'The link reopens this imported journey only in the browser that imported europe-summer.gpx, while that browser keeps it.',
    );
    expect(text.Moment).toMatch(/\d CEST \(UTC\+2\)/);
    const svg = (
      await exportFile({ format: 'svg', preset: 'custom', width: 960, height: 540 })
    ).toString('utf8');
    const composition = svg.slice(svg.indexOf('<g id="composition">'));
    // a file of unknown kind: its line is a "Route" (the country is not known), never "Rail"
    expect(composition).toMatch(/<g id="legend">[\s\S]*>Route<\/text>/);
    expect(composition).not.toContain('Rail in');
    expect(composition).toContain('europe-summer.gpx');
    expect(composition).not.toContain('North Korea');
    expect(composition).not.toContain('1942');
    expect(composition).toMatch(/\d CEST \(UTC\+2\)/);
    // the named waypoints are labelled on the map
    expect(svg.slice(0, svg.indexOf('<g id="composition">'))).toContain('Nancy');
    await openApp();
  });

  it('the dialog and the command line hook make the same PNG for the same options', async () => {
    const hook = PNG.sync.read(
      await exportFile({ format: 'png', preset: 'custom', width: 640, height: 360, claims: true }),
    );
    await page.click('[data-testid="open-export"]');
    await page.selectOption('#export-size', 'custom');
    await page.fill('#export-width', '640');
    await page.fill('#export-height', '360');
    await page.check('text=Include the claim-verdict card');
    await page.click('dialog button[type="submit"]');
    const link = page.locator('dialog a[download]');
    await link.waitFor({ timeout: 300_000 });
    expect(await link.getAttribute('download')).toMatch(
      /^journey-map-2025-09-01T2330-640x360\.png$/,
    );
    const b64 = await page.evaluate(
      async (href) => {
        const bytes = new Uint8Array(await (await fetch(href)).arrayBuffer());
        let s = '';
        for (const b of bytes) s += String.fromCharCode(b);
        return btoa(s);
      },
      (await link.getAttribute('href'))!,
    );
    const dialog = PNG.sync.read(Buffer.from(b64, 'base64'));
    expect(pixelmatch(hook.data, dialog.data, undefined, 640, 360, { threshold: 0 })).toBe(0);
    await page.keyboard.press('Escape');
  });
});
