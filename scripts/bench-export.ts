/**
 * Export benchmarks (not tests): seconds per 1080p and 4K PNG, a 12,000 × 8,000 PNG drawn in tiles
 * (beyond headless Chromium's 8192 px GPU limit), and frames per second of video and GIF export,
 * measured in headless Chromium against the built app.
 *   npx tsx scripts/bench-export.ts [--runs N] [--only TEXT]   (--only: the rows whose name has TEXT)
 * Prints a table; `npm run bench` calls it. Requires dist/ (npm run build).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { preview } from 'vite';
import {
  launch,
  longestTask,
  openPage,
  recordLongTasks,
  serveDist,
  waitForMapReady,
} from './lib/browser';
import type { AutomationOptions } from '../src/export/automation';

interface Case {
  name: string;
  options: AutomationOptions;
  /** Frames in the output, for a frames-per-second column. */
  frames?: number;
  /** Compare with the bare MapLibre page rendering the same view at the same size. */
  bare?: boolean;
}

const CASES: Case[] = [
  { name: 'PNG 1920×1080', options: { format: 'png', width: 1920, height: 1080 }, bare: true },
  { name: 'PNG 3840×2160', options: { format: 'png', width: 3840, height: 2160 }, bare: true },
  {
    name: 'PNG 12000×8000, drawn in tiles',
    options: { format: 'png', width: 12000, height: 8000 },
  },
  { name: 'SVG 1920×1080', options: { format: 'svg', width: 1920, height: 1080 } },
  {
    name: 'WebM 1280×720, 10 fps × 3 s',
    options: { format: 'webm', width: 1280, height: 720, fps: 10, durationS: 3 },
    frames: 30,
    bare: true,
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
  baseline?: number;
  ratio?: number;
  budget?: string;
}

/**
 * Runs each case and prints median seconds (and frames per second for animations) and the
 * longest main-thread task of each run (PerformanceObserver 'longtask': the export, the automation
 * hook's encoding and the app around them); with `json`, prints the rows (the median longest task)
 * as one JSON array on the last line instead, for `npm run bench`.
 */
export async function benchExport(runs = 1, json = false, only = ''): Promise<void> {
  const root = resolve(import.meta.dirname, '..');
  if (!existsSync(join(root, 'dist', 'index.html'))) {
    throw new Error('dist/ is missing: run `npm run build` first');
  }
  if (!existsSync(join(root, 'dist-bare', 'index.html'))) {
    execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.bare.config.ts'], {
      cwd: root,
      stdio: 'ignore',
    });
  }
  const { server, url } = await serveDist();
  const bareServer = await preview({
    root,
    configFile: false,
    logLevel: 'silent',
    build: { outDir: 'dist-bare' },
    preview: { host: '127.0.0.1', port: 0 },
  });
  const bareUrl = bareServer.resolvedUrls!.local[0]!;
  const browser = await launch();
  try {
    const { page: barePage } = await openPage(browser);
    await barePage.goto(bareUrl);
    await waitForMapReady(barePage);
    const { page } = await openPage(browser);
    await page.goto(url);
    await waitForMapReady(page);
    await page.waitForFunction(() => typeof window.journeyMapExport === 'function', undefined, {
      timeout: 15_000,
    });
    // every main-thread task over 50 ms from here on (the export page's longest is a column)
    await recordLongTasks(page);
    const rows: string[][] = [];
    const results: ResultRow[] = [];
    for (const c of CASES.filter((c) => c.name.includes(only))) {
      // the export and its bare baseline take turns, so a change in the machine's load between
      // runs weighs on both sides of the ratio alike
      const times: number[] = [];
      const bareTimes: number[] = [];
      const longestMs: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        await longestTask(page); // the tasks before this run
        const started = performance.now();
        const r = await page.evaluate((o) => window.journeyMapExport!(o), c.options);
        times.push((performance.now() - started) / 1000);
        longestMs.push(await longestTask(page));
        bytes = Math.round((r.bytesBase64.length * 3) / 4);
        if (!c.bare) continue;
        const o = { width: c.options.width!, height: c.options.height!, frames: c.frames ?? 1 };
        bareTimes.push(
          (await barePage.evaluate(
            (x) =>
              (window as unknown as { bareExport: (o: typeof x) => Promise<number> }).bareExport(x),
            o,
          )) / 1000,
        );
      }
      const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
      const s = median(times);
      const bareS = c.bare ? median(bareTimes) : undefined;
      const r2 = (x: number) => Math.round(x * 100) / 100;
      const longest = median(longestMs);
      results.push({
        name: `export ${c.name}${bareS !== undefined && !c.frames ? ' vs bare MapLibre render + PNG' : ''}`,
        value: r2(s),
        unit: 's',
        ...(bareS !== undefined && !c.frames
          ? { baseline: r2(bareS), ratio: r2(s / bareS), budget: '≤ 1.5' }
          : {}),
      });
      results.push({
        name: `export ${c.name}: longest main-thread task`,
        value: Math.round(longest),
        unit: 'ms',
        budget: '≤ 200 ms',
      });
      if (c.frames)
        results.push({
          name: `export ${c.name}, frame rate${bareS !== undefined ? ' vs bare MapLibre render loop' : ''}`,
          value: r2(c.frames / s),
          unit: 'frames/s',
          ...(bareS !== undefined ? { baseline: r2(c.frames / bareS), ratio: r2(bareS / s) } : {}),
        });
      rows.push([
        c.name,
        s.toFixed(2),
        bareS === undefined ? '' : bareS.toFixed(2),
        c.frames ? (c.frames / s).toFixed(2) : '',
        longestMs.map(Math.round).join(', '),
        (bytes / 1e6).toFixed(2),
      ]);
    }
    if (json) {
      console.log(JSON.stringify(results));
      return;
    }
    const head = ['export', 'seconds', 'bare MapLibre s', 'frames/s', 'longest task ms', 'MB'];
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
    await bareServer.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const at = process.argv.indexOf('--runs');
  const runs = at > 0 ? Number(process.argv[at + 1]) : 1;
  if (!Number.isInteger(runs) || runs < 1) {
    console.error('usage: tsx scripts/bench-export.ts [--runs N] [--only TEXT]');
    process.exit(2);
  }
  const only = process.argv.indexOf('--only');
  await benchExport(
    runs,
    process.argv.includes('--json'),
    only > 0 ? (process.argv[only + 1] ?? '') : '',
  ).catch((e: unknown) => {
    console.error(`bench failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  });
}
