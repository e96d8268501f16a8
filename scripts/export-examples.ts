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
];

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
    const bytes = Buffer.from(result.bytesBase64, 'base64');
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
