/**
 * Benchmarks, side by side in one run; prints a table and writes bench/results.json.
 *   npm run bench            all figures (needs Chromium and a build: it runs `npm run build`)
 *   npm run bench -- --quick  the Node-only figures with few iterations (CI keeps it working)
 *   npm run bench -- --only import   only the groups of rows whose name has "import" (see GROUPS);
 *                            printed with the load average, not written to bench/results.json
 * Timed figures are printed, never asserted. See bench/README.md.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { along, lineString } from '@turf/turf';
import type { Position } from 'geojson';
import { measureRoute, type RouteCollection } from '../src/domain/route/route';
import { positionAt } from '../src/domain/route/position';
import { measureVariants } from '../src/domain/claims/claims';
import { parseJourney, parseVagueWords } from '../src/domain/data/journey';
import { buildScenarios } from '../src/domain/schedule/schedule';
import { chartData } from '../src/present/chart/chart-data';
import { chartCursor, timeDistanceChart, type ChartData } from '../src/present/chart/time-distance';
import { writeFixture } from './lib/fixture';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export interface Row {
  name: string;
  value: number;
  unit: string;
  baseline?: number;
  ratio?: number;
  budget?: string;
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length - 1) * p))]!;

/** A wiggly line of n vertices about 0.5 km apart, as a one-leg route. */
function syntheticRoute(n: number): RouteCollection {
  const coords: Position[] = [];
  for (let i = 0; i < n; i++) coords.push([100 + i * 0.005, 30 + 0.01 * Math.sin(i / 7)]);
  return {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: {
          kind: 'leg',
          id: 'x',
          line: 'x',
          from: 'a',
          to: 'b',
          country: 'CN',
          source: 'synthetic',
        },
        geometry: { type: 'LineString', coordinates: coords },
      },
    ],
  };
}

/** Nanoseconds per call of positionAt and of turf.along at the same random km. */
export function benchLookup(n: number, calls: number): Row {
  const route = syntheticRoute(n);
  const measured = measureRoute(route);
  const line = lineString(route.features[0]!.geometry.coordinates as Position[]);
  const kms = Array.from(
    { length: calls },
    (_, i) => (((i * 7919) % 1000) / 1000) * measured.totalKm,
  );
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (const km of kms) sink += positionAt(measured, km).lon;
  const t1 = process.hrtime.bigint();
  const alongCalls = Math.max(5, Math.floor(calls / Math.max(1, n / 1000)));
  for (const km of kms.slice(0, alongCalls))
    sink += along(line, km, { units: 'kilometers' }).geometry.coordinates[0]!;
  const t2 = process.hrtime.bigint();
  if (sink === 42) console.log('');
  const ours = Number(t1 - t0) / calls;
  const turf = Number(t2 - t1) / alongCalls;
  const label = n >= 1000 ? `${n / 1000}k` : String(n);
  return {
    name: `positionAt vs turf.along, ${label} vertices`,
    value: round(ours, 1),
    unit: 'ns/call',
    baseline: round(turf, 1),
    ratio: round(turf / ours, 1),
    budget: n === 10_000 ? '≥ 100× faster' : undefined,
  };
}

function gz(file: string): number {
  return gzipSync(readFileSync(file)).length;
}
function filesIn(dir: string, test: (f: string) => boolean): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile() && test(f));
}

/** gzip sizes of the build against MapLibre's own files; lazily loaded chunks reported apart. */
export function benchSizes(): Row[] {
  const dist = join(root, 'dist');
  if (!existsSync(dist)) return [];
  const assets = join(dist, 'assets');
  // what the page loads at start: the files index.html names, and MapLibre's worker
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const named = new Set([...html.matchAll(/assets\/([\w.-]+)/g)].map((m) => m[1]!));
  const isCode = (f: string) => /\.(m?js|css)$/.test(f);
  const initial = filesIn(
    assets,
    (f) => isCode(f) && (named.has(basename(f)) || f.includes('maplibre-gl-worker')),
  );
  const lazy = filesIn(assets, (f) => isCode(f) && !initial.includes(f));
  const ml = join(root, 'node_modules', 'maplibre-gl', 'dist');
  const mlKb =
    (gz(join(ml, 'maplibre-gl.mjs')) +
      gz(join(ml, 'maplibre-gl-worker.mjs')) +
      gz(join(ml, 'maplibre-gl.css'))) /
    1024;
  const initialKb = initial.reduce((s, f) => s + gz(f), 0) / 1024;
  const lazyKb = lazy.reduce((s, f) => s + gz(f), 0) / 1024;
  const fontKb =
    filesIn(join(dist, 'fonts'), () => true).reduce((s, f) => s + statSync(f).size, 0) / 1024;
  const basemapKb =
    filesIn(join(dist, 'basemap'), () => true).reduce((s, f) => s + gz(f), 0) / 1024;
  const geoKb =
    filesIn(assets, (f) => /\.(geo)?json$/.test(f)).reduce((s, f) => s + gz(f), 0) / 1024;
  return [
    {
      name: 'JS + CSS loaded at start (gzip)',
      value: round(initialKb, 1),
      unit: 'KB',
      baseline: round(mlKb, 1),
      ratio: round(initialKb / mlKb, 2),
    },
    {
      name: 'our code beyond MapLibre at start (gzip)',
      value: round(initialKb - mlKb, 1),
      unit: 'KB',
      budget: '≤ 80 KB',
    },
    { name: 'export code, loaded on first export (gzip)', value: round(lazyKb, 1), unit: 'KB' },
    { name: 'fonts (woff2, all subsets shipped)', value: round(fontKb, 1), unit: 'KB' },
    // every tile of every zoom; a page loads only the tiles it draws (the first view's bytes are
    // measured by tests/e2e/basemap-render.test.ts against the 1.5 MB budget)
    { name: 'basemap tiles, all zooms (gzip)', value: round(basemapKb, 1), unit: 'KB' },
    { name: 'route and journey data (gzip)', value: round(geoKb, 1), unit: 'KB' },
  ];
}

/** Whole-process time of `npm run check` (tsx scripts/check.ts), median of 3. */
export function benchCheck(): Row {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'scripts', 'check.ts')],
      {
        cwd: root,
        stdio: 'ignore',
      },
    );
    if (r.status !== 0) throw new Error('npm run check failed');
    times.push(performance.now() - t);
  }
  return { name: 'npm run check, whole process', value: round(median(times) / 1000, 2), unit: 's' };
}

/**
 * Reading an N-point timed GPX track (`importGpx`: saxes, coordinates, times, route building;
 * median of 3). The file comes from tests/fixtures/big-gpx.ts, run as its own process, in the
 * system's temporary folder. On 2026-11-29 (2 cores under heavy load) 1,000,000 points took
 * 109 s with the former hand-written XML scanner and 136 s with saxes, medians of 5 interleaved.
 */
export async function benchGpxImport(points: number): Promise<Row> {
  const { importGpx } = await import('../src/import/gpx');
  const file = writeFixture('big-gpx', points, join(tmpdir(), `journey-map-bench-${points}.gpx`));
  const text = readFileSync(file, 'utf8');
  rmSync(file);
  const times: number[] = [];
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    const r = importGpx(text, 'big.gpx');
    times.push(performance.now() - t);
    if (!r.ok) throw new Error(r.errors[0]!.message);
  }
  return {
    name: `importGpx, ${points.toLocaleString('en')}-point track`,
    value: round(median(times) / 1000, 2),
    unit: 's',
  };
}

/**
 * The longest main-thread task (PerformanceObserver 'longtask', tasks over 50 ms) from choosing a
 * journey file of 1,280 claims (the built-in journey's claims copied, with its route) until its
 * claims are shown, against the same for a small GPX track; median over 3 fresh pages each,
 * alternating. The map is folded away first, as in tests/e2e/large-journey.test.ts: under
 * SwiftShader each of its frames takes 100–500 ms of the main thread whatever the journey.
 */
export async function benchImportLongTask(): Promise<Row[]> {
  const { launch, longestTask, openPage, openWithoutMap, recordLongTasks, serveDist } =
    await import('./lib/browser');
  const journeyFile = writeFixture(
    'many-claims',
    1280,
    join(tmpdir(), 'journey-map-bench-1280-claims.json'),
  );
  // paths, not buffers: Playwright hands paths to Chromium, where buffers are decoded by its
  // script in the page, a long task of its own (170–230 ms for these 750 KB) that is not the app's
  const many = [journeyFile, join(root, 'geo', 'routes', 'pyongyang-beijing.geojson')];
  const small = [join(root, 'tests', 'fixtures', 'import', 'track.gpx')];
  const { server, url } = await serveDist();
  const browser = await launch();
  /** The longest task, ms, from choosing `files` until `shown` is on the page. */
  const longest = async (files: string[], shown: string): Promise<number> => {
    const { page } = await openPage(browser, { width: 1280, height: 800 });
    await openWithoutMap(page, url);
    await recordLongTasks(page);
    await page.setInputFiles('[data-testid="import-input"]', files);
    await page.locator(shown).first().waitFor({ timeout: 300_000 });
    await page.locator('.import .status', { hasText: 'Loaded' }).waitFor();
    // two frames more: the tasks that draw the result are over
    const ms = await longestTask(page);
    await page.context().close();
    return ms;
  };
  const manyMs: number[] = [];
  const smallMs: number[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      manyMs.push(await longest(many, '[data-claim="a004-speed-50kmh.copy1"]'));
      smallMs.push(await longest(small, '[data-testid="journey-title"]:has-text("test track")'));
    }
  } finally {
    await browser.close();
    await server.close();
    rmSync(journeyFile);
  }
  console.log(
    `longest tasks, ms: 1,280 claims ${manyMs.map(Math.round).join(', ')}; small GPX ${smallMs.map(Math.round).join(', ')}`,
  );
  const a = median(manyMs);
  const b = median(smallMs);
  return [
    {
      name: 'import 1,280-claim journey: longest main-thread task, vs a small GPX',
      value: round(a, 0),
      unit: 'ms',
      baseline: round(b, 0),
      ratio: b > 0 ? round(a / b, 2) : undefined,
      budget: '≤ 200 ms',
    },
  ];
}

async function benchBrowser(): Promise<Row[]> {
  const { preview } = await import('vite');
  const { launch, openPage, waitForMapReady } = await import('./lib/browser');
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.bare.config.ts'], {
    cwd: root,
    stdio: 'ignore',
  });
  const serve = async (outDir: string) => {
    const server = await preview({
      root,
      configFile: false,
      logLevel: 'silent',
      build: { outDir },
      preview: { host: '127.0.0.1', port: 0 },
    });
    return { server, url: server.resolvedUrls!.local[0]! };
  };
  const app = await serve('dist');
  const bare = await serve('dist-bare');
  const browser = await launch();
  const rows: Row[] = [];
  try {
    const startup = async (url: string) => {
      const { page } = await openPage(browser);
      const t = performance.now();
      await page.goto(url);
      await waitForMapReady(page);
      const ms = performance.now() - t;
      await page.context().close();
      return ms;
    };
    const appMs: number[] = [];
    const bareMs: number[] = [];
    await startup(app.url); // warm the server and the disk cache
    for (let i = 0; i < 5; i++) {
      appMs.push(await startup(app.url));
      bareMs.push(await startup(bare.url));
    }
    const a = median(appMs);
    const b = median(bareMs);
    rows.push({
      name: 'start-up to data-map-ready, app vs bare MapLibre',
      value: round(a, 0),
      unit: 'ms',
      baseline: round(b, 0),
      ratio: round(a / b, 2),
      budget: '≤ 1.2×',
    });

    const { page } = await openPage(browser, { width: 1280, height: 800 });
    await page.goto(`${app.url}#rate=600`);
    await waitForMapReady(page);
    await page.getByTestId('local-time').waitFor();
    /** Plays for `ms` and returns each frame's times. */
    const recordPlayback = async (ms: number) => {
      await page.evaluate(() => {
        (window as unknown as { __times: unknown }).__times = window.journeyMap!.recordFrameTimes();
      });
      await page.getByTestId('play').click();
      await page.waitForTimeout(ms);
      await page.getByTestId('play').click();
      return page.evaluate(
        () => (window as unknown as { __times: { totalMs: number[]; mapMs: number[] } }).__times,
      );
    };
    const oursOf = (t: { totalMs: number[]; mapMs: number[] }) =>
      t.totalMs.map((x, i) => x - t.mapMs[i]!);
    const t = await recordPlayback(10_000);
    const ours = oursOf(t);
    // the chart's share: the same playback with the chart folded and shown, in alternate blocks
    const toggle = page.getByTestId('chart-toggle');
    const shown: number[] = [...ours];
    const folded: number[] = [];
    for (let i = 0; i < 2; i++) {
      await toggle.click();
      await home(page);
      folded.push(...oursOf(await recordPlayback(5_000)));
      await toggle.click();
      await page.getByTestId('chart-cursor').waitFor();
      await home(page);
      shown.push(...oursOf(await recordPlayback(5_000)));
    }
    rows.push(
      {
        name: 'playback: our JS per frame, p50 (all trains)',
        value: round(percentile(ours, 0.5), 3),
        unit: 'ms',
      },
      {
        name: 'playback: our JS per frame, p95 (all trains)',
        value: round(percentile(ours, 0.95), 3),
        unit: 'ms',
        budget: '≤ 1 ms',
      },
      {
        name: 'playback: MapLibre calls per frame (setData, gradient), p95',
        value: round(percentile(t.mapMs, 0.95), 3),
        unit: 'ms',
      },
      {
        name: 'playback: whole frame callback, p95',
        value: round(percentile(t.totalMs, 0.95), 3),
        unit: 'ms',
      },
      {
        name: 'playback: frame rate over 10 s (SwiftShader)',
        value: round(t.totalMs.length / 10, 1),
        unit: 'fps',
      },
      {
        name: 'playback: our JS per frame, p95, chart shown vs folded',
        value: round(percentile(shown, 0.95), 3),
        unit: 'ms',
        baseline: round(percentile(folded, 0.95), 3),
        ratio: round(percentile(shown, 0.95) / percentile(folded, 0.95), 2),
        budget: '≤ 1 ms',
      },
      {
        name: 'playback: chart cursor per frame (p50 shown − p50 folded)',
        value: round(percentile(shown, 0.5) - percentile(folded, 0.5), 3),
        unit: 'ms',
      },
    );
    await page.context().close();
  } finally {
    await browser.close();
    await app.server.close();
    await bare.server.close();
  }
  return rows;
}

/** The export rows, from `scripts/bench-export.ts` (its own browser and servers). */
function benchExports(): Row[] {
  const rows: Row[] = [];
  const exportBench = join(root, 'scripts', 'bench-export.ts');
  if (existsSync(exportBench)) {
    const out = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), exportBench, '--json'],
      { cwd: root, encoding: 'utf8' },
    );
    if (out.status === 0) {
      try {
        rows.push(...(JSON.parse(out.stdout.trim().split('\n').pop()!) as Row[]));
      } catch {
        console.error('bench-export printed no JSON rows');
      }
    }
  }
  return rows;
}

/** Back to the departure, so every block of playback covers the same stretch. */
async function home(page: import('playwright-core').Page): Promise<void> {
  await page.locator('body').press('Home');
  await page
    .getByTestId('km-travelled')
    .filter({ hasText: /^0\.0 km/ })
    .waitFor();
}

/** The built-in journey's chart data on routing A, from the committed files. */
function chartFixture(): ChartData {
  const read = (f: string) => readFileSync(join(root, f), 'utf8');
  const vague = parseVagueWords(read('geo/journeys/vague-words.json'), 'vague-words.json');
  if (!vague.ok) throw new Error('vague-words.json does not parse');
  const journey = parseJourney(
    read('geo/journeys/pyongyang-beijing-2025.json'),
    'pyongyang-beijing-2025.json',
    vague.value,
  );
  if (!journey.ok) throw new Error('the journey file does not parse');
  const route = JSON.parse(read('geo/routes/pyongyang-beijing.geojson')) as RouteCollection;
  const measured = measureVariants(route).find((m) => m.summary.variant === 'A')!;
  const scenarios = buildScenarios(journey.value, vague.value, measured);
  const trains = scenarios.map((s, i) => ({
    id: s.id,
    label: s.id,
    color: `#00000${i}`,
    main: s.id === 'reconstructed',
    scenario: s,
  }));
  const from = Math.min(...scenarios.map((s) => s.departUtcMs));
  const to = Math.max(...scenarios.map((s) => s.departUtcMs + s.durationSec * 1000));
  return chartData({
    trains,
    measured,
    events: journey.value.events,
    zones: journey.value.zones,
    timeRange: [from, to],
  });
}

/**
 * The chart's cost in Node: the cursor (what each frame computes: one position per train) per
 * call, against laying the whole chart out (done only when the data or the size change).
 */
export function benchChart(calls: number): Row[] {
  const data = chartFixture();
  const layouts: number[] = [];
  let chart = timeDistanceChart(data, { width: 880, height: 210 });
  for (let i = 0; i < Math.max(5, calls / 1000); i++) {
    const t0 = performance.now();
    chart = timeDistanceChart(data, { width: 880, height: 210 });
    layouts.push(performance.now() - t0);
  }
  const [from, to] = data.timeRange;
  let sink = 0;
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < calls; i++)
    sink += chartCursor(chart, data.zones, from + ((i * 7919) % 1000) * ((to - from) / 1000)).x;
  const cursorNs = Number(process.hrtime.bigint() - t0) / calls;
  if (sink === 42) console.log('');
  const layoutNs = median(layouts) * 1e6;
  return [
    {
      name: `chart cursor per frame (${data.trains.length} trains), vs a whole chart layout`,
      value: round(cursorNs / 1000, 2),
      unit: 'µs/call',
      baseline: round(layoutNs / 1000, 0),
      ratio: round(layoutNs / cursorNs, 0),
    },
  ];
}

export function quickRows(): Row[] {
  return [benchLookup(1000, 2000), benchLookup(10_000, 2000), ...benchChart(2000), ...benchSizes()];
}

function printTable(rows: Row[]) {
  const cols = ['name', 'value', 'unit', 'baseline', 'ratio', 'budget'] as const;
  const cells = rows.map((r) => cols.map((c) => (r[c] === undefined ? '' : String(r[c]))));
  const widths = cols.map((c, i) => Math.max(c.length, ...cells.map((row) => row[i]!.length)));
  const line = (xs: readonly string[]) => xs.map((x, i) => x.padEnd(widths[i]!)).join('  ');
  console.log(line(cols));
  for (const row of cells) console.log(line(row));
}

/** The full run's rows in groups, by the name `--only` picks them with. */
const GROUPS: [string, () => Row[] | Promise<Row[]>][] = [
  [
    'lookup',
    () => [benchLookup(1000, 200_000), benchLookup(10_000, 200_000), benchLookup(100_000, 200_000)],
  ],
  ['chart', () => benchChart(200_000)],
  ['sizes', benchSizes],
  ['check', () => [benchCheck()]],
  ['gpx', async () => [await benchGpxImport(1_000_000)]],
  ['import-long-task', benchImportLongTask],
  ['browser', benchBrowser],
  ['export', benchExports],
];

async function main() {
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--only');
  const only = at === -1 ? null : (process.argv[at + 1] ?? '');
  const groups = GROUPS.filter(([name]) => only === null || name.includes(only));
  if (groups.length === 0)
    throw new Error(
      `--only ${only}: no group of rows is named so (${GROUPS.map(([n]) => n).join(', ')})`,
    );
  const loadAtStart = loadavg()[0]!;
  let rows: Row[];
  if (quick) rows = quickRows();
  else {
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });
    rows = [];
    for (const [, run] of groups) rows.push(...(await run()));
  }
  printTable(rows);
  const loadAverage1m = { start: round(loadAtStart, 1), end: round(loadavg()[0]!, 1) };
  if (only !== null) {
    // a part of the run: printed, never written over the whole run's results
    console.log(
      `load average (1 min): ${loadAverage1m.start} at start, ${loadAverage1m.end} at end`,
    );
    return;
  }
  if (!quick) {
    mkdirSync(join(root, 'bench'), { recursive: true });
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memGiB: round(totalmem() / 2 ** 30, 1),
      node: process.version,
      loadAverage1m,
      date: new Date().toISOString(),
    };
    writeFileSync(
      join(root, 'bench', 'results.json'),
      `${JSON.stringify({ machine, rows }, null, 2)}\n`,
    );
    console.log('wrote bench/results.json');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
