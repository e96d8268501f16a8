/**
 * Profiles one PNG export in headless Chromium (CPU sampling through the DevTools protocol) and
 * prints the functions that took the most time, to find where an export's seconds go.
 *   npx tsx scripts/profile-export.ts [width] [height]   (after npm run build)
 * Writes the whole profile to /tmp/export.cpuprofile (open it in Chromium's DevTools).
 */
import { writeFileSync } from 'node:fs';
import { launch, openPage, serveDist, waitForMapReady } from './lib/browser';
const [w = '3840', h = '2160'] = process.argv.slice(2);
const { server, url } = await serveDist();
const browser = await launch();
try {
  const { page } = await openPage(browser, { width: 1280, height: 800 });
  await page.goto(url);
  await waitForMapReady(page);
  await page.waitForFunction(() => typeof window.journeyMapExport === 'function');
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const t = Date.now();
  await page.evaluate((o) => window.journeyMapExport!(o), {
    format: 'png' as const,
    width: Number(w),
    height: Number(h),
  });
  const ms = Date.now() - t;
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map<string, number>();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const n = byId.get(id)!;
    const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`;
    self.set(k, (self.get(k) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  console.log(`export ${w}x${h}: ${ms} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25))
    console.log(v.toFixed(0).padStart(7), k);
  writeFileSync('/tmp/export.cpuprofile', JSON.stringify(profile));
} finally {
  await browser.close();
  await server.close();
}
