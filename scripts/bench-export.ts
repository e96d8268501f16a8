/**
 * Export benchmarks (not tests): seconds per 1080p and 4K PNG, and frames per second of video and
 * GIF export, measured in headless Chromium against the built app.
 *   npx tsx scripts/bench-export.ts [--runs N]
 * Prints a table; `npm run bench` calls it. Requires dist/ (npm run build).
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, serveDist, waitForMapReady } from './lib/browser';
import type { AutomationOptions } from '../src/export/automation';

interface Case {
  name: string;
  options: AutomationOptions;
  /** Frames in the output, for a frames-per-second column. */
  frames?: number;
}

const CASES: Case[] = [
  { name: 'PNG 1920×1080', options: { format: 'png', width: 1920, height: 1080 } },
  { name: 'PNG 3840×2160', options: { format: 'png', width: 3840, height: 2160 } },
  { name: 'SVG 1920×1080', options: { format: 'svg', width: 1920, height: 1080 } },
  {
    name: 'WebM 1280×720, 10 fps × 3 s',
    options: { format: 'webm', width: 1280, height: 720, fps: 10, durationS: 3 },
    frames: 30,
  },
  {
    name: 'MP4 1280×720, 10 fps × 3 s',
    options: { format: 'mp4', width: 1280, height: 720, fps: 10, durationS: 3 },
    frames: 30,
  },
  {
    name: 'GIF 640×360, 10 fps × 3 s',
    options: { format: 'gif', width: 640, height: 360, fps: 10, durationS: 3 },
    frames: 30,
  },
];

/** A row of `bench/results.json` (see scripts/bench.ts). */
interface ResultRow {
  name: string;
  value: number;
  unit: string;
}

/**
 * Runs each case and prints median seconds (and frames per second for animations); with `json`,
 * prints the rows as one JSON array on the last line instead, for `npm run bench`.
 */
export async function benchExport(runs = 1, json = false): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  const { server, url } = await serveDist();
  const browser = await launch();
  try {
    const { page } = await openPage(browser);
    await page.goto(url);
    await waitForMapReady(page);
    await page.waitForFunction(() => typeof window.journeyMapExport === 'function', undefined, {
      timeout: 15_000,
    });
    const rows: string[][] = [];
    const results: ResultRow[] = [];
    for (const c of CASES) {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const r = await page.evaluate((o) => window.journeyMapExport!(o), c.options);
        times.push((performance.now() - started) / 1000);
        bytes = Math.round((r.bytesBase64.length * 3) / 4);
      }
      times.sort((a, b) => a - b);
      const s = times[Math.floor(times.length / 2)]!;
      results.push({ name: `export ${c.name}`, value: Math.round(s * 100) / 100, unit: 's' });
      if (c.frames)
        results.push({
          name: `export ${c.name}, frame rate`,
          value: Math.round((c.frames / s) * 100) / 100,
          unit: 'frames/s',
        });
      rows.push([
        c.name,
        s.toFixed(2),
        c.frames ? (c.frames / s).toFixed(2) : '',
        (bytes / 1e6).toFixed(2),
      ]);
    }
    if (json) {
      console.log(JSON.stringify(results));
      return;
    }
    const head = ['export', 'seconds', 'frames/s', 'MB'];
    const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
    const line = (r: string[]) =>
      r.map((v, i) => (i === 0 ? v.padEnd(widths[i]!) : v.padStart(widths[i]!))).join('  ');
    console.log(line(head));
    console.log(widths.map((w) => '-'.repeat(w)).join('  '));
    for (const r of rows) console.log(line(r));
    console.log(`(median of ${runs} run${runs > 1 ? 's' : ''}; headless Chromium, SwiftShader)`);
  } finally {
    await browser.close();
    await server.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: tsx scripts/bench-export.ts [--runs N]');
    process.exit(2);
  }
  await benchExport(runs, process.argv.includes('--json')).catch((e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
