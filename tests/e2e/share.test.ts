import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage } from '../../scripts/lib/browser';
import { openApp, useBuiltApp } from './app-fixture';

const app = useBuiltApp();
const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

const open = (hash = '', viewport = { width: 1280, height: 800 }) => openApp(app, hash, viewport);

const title = (page: Page) => page.getByTestId('journey-title').textContent();

describe('share and embed in Chromium', () => {
  it('Share gives a link that reopens the same moment, routing and trains', async () => {
    const hash = '#t=2025-09-01T20:00:00Z&s=timeline,50kmh&v=B';
    const { page, log } = await open(hash);
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByText('Share or embed this view').click();
    const url = await page.getByTestId('share-url').inputValue();
    await page.getByTestId('copy-url').click();
    await expect.poll(() => page.getByTestId('share-status').textContent()).toBe('Link copied.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(url);
    const time = await page.getByTestId('local-time').textContent();

    const again = await open(new URL(url).hash);
    expect(await again.page.getByTestId('local-time').textContent()).toBe(time);
    expect(await again.page.locator('input[name=variant]:checked').inputValue()).toBe('B');
    expect(new URL(url).hash).toContain('s=timeline,50kmh');
    expect(log.errors).toEqual([]);
    await page.context().close();
    await again.page.context().close();
  });

  it('the embed snippet opens the map, the player and the finding without the side panel', async () => {
    const { page } = await open('#t=2025-09-01T20:00:00Z');
    await page.getByText('Share or embed this view').click();
    const snippet = await page.getByTestId('share-iframe').inputValue();
    const src = /src="([^"]+)"/.exec(snippet)![1]!.replaceAll('&amp;', '&');
    expect(new URL(src).hash).toContain('embed=1');
    await page.context().close();

    // the snippet in a page of its own, as an article would hold it
    const { page: article, log } = await openPage(app.browser, { width: 1000, height: 800 });
    await article.route('**/article.html', (route) =>
      route.fulfill({ contentType: 'text/html', body: `<h1>An article</h1>${snippet}` }),
    );
    await article.goto(new URL('article.html', app.url).href);
    const frame = article.frameLocator('iframe');
    await frame.locator('[data-testid=play]').waitFor({ timeout: 90_000 });
    await expect.poll(() => frame.locator('[data-testid=finding]').count()).toBe(1);
    expect(await frame.locator('[data-testid=journey-title]').count()).toBe(0);
    expect(await frame.locator('[data-testid=share]').count()).toBe(0);
    const box = await frame.locator('.maplibregl-canvas').boundingBox();
    // no side panel: the map spans the iframe's width (800 px)
    expect(box!.width).toBeGreaterThan(780);
    expect(await frame.locator('[data-testid=open-full]').getAttribute('href')).not.toContain(
      'embed',
    );
    expect(log.errors).toEqual([]);
    await article.context().close();
  });

  it('after an import the Journey menu names it and goes back to a built-in journey', async () => {
    const { page, log } = await open();
    const builtin = await title(page);
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'route.kml'));
    await expect.poll(() => title(page)).toBe('Nanning to Pingxiang (test KML)');
    const select = page.getByTestId('journey-select');
    expect(await select.locator('option:checked').textContent()).toBe(
      'Imported: Nanning to Pingxiang (test KML)',
    );
    // the URL (and the link exports carry) names the import, not the built-in journey
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('j=imported');

    await select.selectOption('pyongyang-beijing-2025');
    await expect.poll(() => title(page)).toBe(builtin);
    // the import stays in the menu while this browser keeps it (kept-import.test.ts reopens it)
    expect(await select.locator('option').allTextContents()).toEqual([
      'Pyongyang → Beijing, September 2025',
      'Pyongyang → Dong Dang (Hanoi summit), February 2019',
      'Imported: Nanning to Pingxiang (test KML)',
    ]);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a link to an imported journey this browser does not keep says so, and shows the built-in one', async () => {
    const { page, log } = await open('#j=imported&t=2025-09-01T20:00:00Z');
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(
        'The imported journey could not be reopened: no imported journey is kept in this browser.',
      );
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});
