import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launch } from './lib/browser';

/**
 * Renders the app icon (public/icons/icon.svg) to the PNG sizes the web app manifest lists:
 * `npx tsx scripts/build-icons.ts`. The PNGs are committed; run this after changing the SVG.
 */
const dir = join(import.meta.dirname, '..', 'public', 'icons');
const svg = readFileSync(join(dir, 'icon.svg'), 'utf8');
const browser = await launch();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<body style="margin:0"><img style="width:${size}px;height:${size}px;display:block" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`,
    );
    await page.waitForFunction(() => document.images[0]?.complete);
    writeFileSync(join(dir, `icon-${size}.png`), await page.screenshot({ omitBackground: true }));
    await page.close();
  }
} finally {
  await browser.close();
}
