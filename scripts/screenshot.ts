/**
 * Takes a screenshot of the built app in headless Chromium once the map is ready.
 *   npx tsx scripts/screenshot.ts [out.png] [width] [height] [hash]
 */
import { launch, openPage, serveDist, waitForMapReady } from './lib/browser';

const [out = 'docs/screenshot.png', width = '1280', height = '800', hash = ''] =
  process.argv.slice(2);
const { server, url } = await serveDist();
const browser = await launch();
try {
  const { page, log } = await openPage(browser, { width: Number(width), height: Number(height) });
  await page.goto(url + hash);
  await waitForMapReady(page);
  await page.screenshot({ path: out });
  if (log.errors.length) console.error(log.errors.join('\n'));
  console.log(`wrote ${out}`);
} finally {
  await browser.close();
  await server.close();
}
