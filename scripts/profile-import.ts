/**
 * Profiles importing a journey file of N claims (with the built-in route) in headless Chromium: a
 * DevTools trace with CPU samples, then for each main-thread task over 50 ms from choosing the
 * files until the claims are shown, its length and the functions that took its time. The map is
 * folded away, as in `npm run bench -- --only import`.
 *   npx tsx scripts/profile-import.ts [claims=1280] [outDir=dist]   (after npm run build)
 * An unminified build names functions: `npx vite build --minify false --outDir /tmp/dist-prof`.
 * Writes the trace to /tmp/import.trace.json (open it in Chromium's DevTools, Performance).
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launch, openPage, openWithoutMap, serveDist, twoFrames } from './lib/browser';
import { writeFixture } from './lib/fixture';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: Record<string, unknown>;
}
interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  parent?: number;
}

const [claims = '1280', outDir] = process.argv.slice(2);
const journeyFile = writeFixture('many-claims', Number(claims), join(tmpdir(), 'many-claims.json'));
const routeFile = join(import.meta.dirname, '..', 'geo', 'routes', 'pyongyang-beijing.geojson');
const { server, url } = await serveDist(outDir ? { outDir } : {});
const browser = await launch();
try {
  const { page } = await openPage(browser, { width: 1280, height: 800 });
  await openWithoutMap(page, url);
  await browser.startTracing(page, {
    categories: [
      'devtools.timeline',
      'disabled-by-default-devtools.timeline',
      'v8.execute',
      'disabled-by-default-v8.cpu_profiler',
    ],
  });
  const t0 = Date.now();
  // paths, not buffers: Playwright hands paths to Chromium, where buffers are decoded by a
  // script in the page (a long task of its own, the harness's and not the app's)
  await page.setInputFiles('[data-testid="import-input"]', [journeyFile, routeFile]);
  await page.locator('[data-claim="a004-speed-50kmh.copy1"]').first().waitFor({ timeout: 300_000 });
  await page.locator('.import .status', { hasText: 'Loaded' }).waitFor();
  await twoFrames(page);
  console.log(`import of ${claims} claims shown after ${Date.now() - t0} ms`);
  const trace = JSON.parse((await browser.stopTracing()).toString()) as {
    traceEvents: TraceEvent[];
  };
  writeFileSync('/tmp/import.trace.json', JSON.stringify(trace));
  report(trace.traceEvents);
} finally {
  await browser.close();
  await server.close();
}

function report(events: TraceEvent[]): void {
  const main = events.find(
    (e) => e.name === 'thread_name' && e.args?.['name'] === 'CrRendererMain',
  );
  if (!main) throw new Error('no renderer main thread in the trace');
  const onMain = (e: TraceEvent) => e.pid === main.pid && e.tid === main.tid;
  // CPU samples: nodes and (time, node) pairs from the profile chunks of the main thread
  const nodes = new Map<number, ProfileNode>();
  const samples: { ts: number; node: number }[] = [];
  const profileIds = new Set(
    events.filter((e) => e.name === 'Profile' && onMain(e)).map((e) => e.id),
  );
  let ts = 0;
  for (const e of events) {
    if (e.name === 'Profile' && profileIds.has(e.id))
      ts = (e.args?.['data'] as { startTime: number }).startTime;
    if (e.name !== 'ProfileChunk' || !profileIds.has(e.id)) continue;
    const data = e.args?.['data'] as {
      cpuProfile: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
    for (const n of data.cpuProfile.nodes ?? []) nodes.set(n.id, n);
    (data.cpuProfile.samples ?? []).forEach((node, i) => {
      ts += data.timeDeltas?.[i] ?? 0;
      samples.push({ ts, node });
    });
  }
  const name = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anon)'} ${(n.callFrame.url ?? '').split('/').pop()}:${n.callFrame.lineNumber}`;
  const tasks = events
    .filter((e) => onMain(e) && e.name === 'RunTask' && (e.dur ?? 0) > 50_000)
    .sort((a, b) => a.ts - b.ts);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const kinds = new Map<string, number>();
    for (const e of events)
      if (onMain(e) && e.ph === 'X' && e.ts >= task.ts && e.ts < end && e !== task) {
        const depthOk = ![
          'RunTask',
          'ThreadControllerImpl::RunTask',
          'RunMicrotasks',
          'v8.callFunction',
        ].includes(e.name);
        if (depthOk) kinds.set(e.name, (kinds.get(e.name) ?? 0) + (e.dur ?? 0) / 1000);
      }
    const self = new Map<string, number>();
    const inclusive = new Map<string, number>();
    const inTask = samples.filter((s) => s.ts >= task.ts && s.ts < end);
    inTask.forEach((s, i) => {
      const dt = ((inTask[i + 1]?.ts ?? end) - s.ts) / 1000;
      let n = nodes.get(s.node);
      if (!n) return;
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (; n; n = n.parent === undefined ? undefined : nodes.get(n.parent)) {
        const k = name(n);
        if (seen.has(k)) continue;
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + dt);
      }
    });
    const top = (m: Map<string, number>, k: number) =>
      [...m]
        .sort((a, b) => b[1] - a[1])
        .slice(0, k)
        .map(([f, ms]) => `    ${ms.toFixed(0).padStart(5)} ${f}`)
        .join('\n');
    console.log(`\ntask of ${(task.dur! / 1000).toFixed(0)} ms`);
    console.log(`  trace events (ms, nested ones counted in each):\n${top(kinds, 8)}`);
    console.log(`  self time:\n${top(self, 12)}`);
    console.log(`  inclusive time:\n${top(inclusive, 25)}`);
  }
}
