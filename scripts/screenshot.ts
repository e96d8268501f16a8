/**
 * Takes a screenshot of the built app in headless Chromium once the map (and the time–distance
 * chart) are ready; with a test id, only that element (e.g. `chart`).
 *   npx tsx scripts/screenshot.ts [out.png] [width] [height] [hash] [test-id]
 */
import { launch, openPage, serveDist, waitForMapReady } from './lib/browser';

const [out = 'docs/screenshot.png', width = '1280', height = '800', hash = '', testId = ''] =
  process.argv.slice(2);
const { server, url } = await serveDist();
const browser = await launch();
try {
  const { page, log } = await openPage(browser, { width: Number(width), height: Number(height) });
  await page.goto(url + hash);
  await waitForMapReady(page);
  // the chart loads after the map; on a phone it starts folded and shows only its toggle
  await page.getByTestId(Number(width) > 640 ? 'chart-cursor' : 'chart-toggle').waitFor();
  if (testId) await page.getByTestId(testId).screenshot({ path: out });
  else await page.screenshot({ path: out });
  if (log.errors.length) console.error(log.errors.join('\n'));
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
