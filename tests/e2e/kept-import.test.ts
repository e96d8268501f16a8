import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { waitForMapReady } from '../../scripts/lib/browser';
import { importFixture, openApp, useBuiltApp } from './app-fixture';
import { BUILTIN_ROUTE_FILE, manyClaimsJourney } from '../fixtures/many-claims';

const app = useBuiltApp();

const title = (page: Page) => page.getByTestId('journey-title').textContent();
const distances = (page: Page) => page.getByTestId('distance-table').textContent();
const BUILTIN_TITLE = /Pyongyang.*Beijing/;

/** Reloads the page and waits until the map has drawn a journey and the clock shows. */
async function reload(page: Page): Promise<void> {
  await page.reload();
  await waitForMapReady(page);
  await page.getByTestId('local-time').waitFor();
}

/** Overwrites the kept files in the page's IndexedDB: `text` is stored as bytes, `raw` as it is. */
async function overwriteKeptFiles(
  page: Page,
  file: { name: string; text?: string; raw?: string },
): Promise<void> {
  await page.evaluate(
    (file) =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('journey-map');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('kept-import', 'readwrite');
          const bytes =
            file.text === undefined ? file.raw : new TextEncoder().encode(file.text).buffer;
          tx.objectStore('kept-import').put([{ name: file.name, type: '', bytes }], 'files');
          tx.oncomplete = () => resolve();
        };
      }),
    file,
  );
}

/** Imports track.gpx, waits until it is kept, overwrites the kept copy with `file` and reloads. */
async function keptThenOverwritten(
  file: Parameters<typeof overwriteKeptFiles>[1],
): Promise<Awaited<ReturnType<typeof openApp>>> {
  const opened = await openApp(app);
  await importFixture(opened.page, 'track.gpx', 'Dong Dang → Hanoi by road');
  await opened.page.getByTestId('keep-note').waitFor();
  await overwriteKeptFiles(opened.page, file);
  await reload(opened.page);
  return opened;
}

describe('an imported journey kept in the browser (IndexedDB)', () => {
  it('reopens after a reload with the same title, route and moment, until it is forgotten', async () => {
    const { page, log } = await openApp(app);
    await importFixture(page, 'track.gpx', 'Dong Dang → Hanoi by road');
    await expect
      .poll(() => page.getByTestId('keep-note').textContent())
      .toContain('Kept in this browser');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('j=imported');
    const before = {
      title: await title(page),
      distances: await distances(page),
      time: await page.getByTestId('local-time').textContent(),
    };

    await reload(page);
    expect(await title(page)).toBe(before.title);
    expect(await distances(page)).toBe(before.distances);
    expect(await page.getByTestId('local-time').textContent()).toBe(before.time);
    expect(await page.getByTestId('notice').count()).toBe(0);
    expect(await page.getByTestId('keep-note').textContent()).toContain(
      'Reopened from the copy kept in this browser',
    );
    expect(await page.getByTestId('journey-select').locator('option:checked').textContent()).toBe(
      `Imported: ${before.title}`,
    );

    await page.getByTestId('forget-import').click();
    await expect.poll(() => title(page), { timeout: 30_000 }).toMatch(BUILTIN_TITLE);
    expect(await page.getByTestId('keep-note').textContent()).toContain('no longer kept');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('j=imported');
    await reload(page);
    expect(await title(page)).toMatch(BUILTIN_TITLE);
    expect(await page.getByTestId('forget-import').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('the Journey menu goes back to the built-in journey and reopens the kept import', async () => {
    const { page, log } = await openApp(app);
    await importFixture(page, 'route.kml', 'Nanning to Pingxiang');
    await page.getByTestId('keep-note').waitFor();
    const select = page.getByTestId('journey-select');
    await select.selectOption('pyongyang-beijing-2025');
    await expect.poll(() => title(page), { timeout: 30_000 }).toMatch(BUILTIN_TITLE);
    await select.selectOption('imported');
    await expect
      .poll(() => title(page), { timeout: 30_000 })
      .toBe('Nanning to Pingxiang (test KML)');
    await waitForMapReady(page);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a damaged kept copy ends in a notice naming where it is damaged, and the built-in journey', async () => {
    // damaged the way a broken profile or an old format would
    const { page, log } = await keptThenOverwritten({ name: 'track.gpx', raw: 'text' });
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toContain(
        'The imported journey could not be reopened: the copy kept in this browser is damaged (files[0].bytes is not binary data) and was removed.',
      );
    expect(await title(page)).toMatch(BUILTIN_TITLE);
    expect(await page.getByTestId('forget-import').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a kept file that no longer imports is named with its place, and removed', async () => {
    const { page, log } = await keptThenOverwritten({
      name: 'track.gpx',
      text: '<gpx>\n<trk><trkseg>\n<trkpt lat="95" lon="0"/>',
    });
    await expect
      .poll(() => page.getByTestId('notice').textContent())
      .toMatch(/the copy of track\.gpx kept in this browser no longer opens \(track\.gpx:\d+/);
    expect(await page.getByTestId('import-error').textContent()).toContain(
      'Could not reopen the imported journey.',
    );
    expect(await title(page)).toMatch(BUILTIN_TITLE);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
  it('a journey file imported with its route file reopens after a reload, claims and route', async () => {
    const { page, log } = await openApp(app);
    // the built-in journey's claims copied twice, under a title of its own, with its route
    const journey = { ...JSON.parse(manyClaimsJourney(64)), title: 'Two copies of the claims' };
    await page.setInputFiles('[data-testid="import-input"]', [
      {
        name: 'copies.json',
        mimeType: 'application/json',
        buffer: Buffer.from(JSON.stringify(journey)),
      },
      {
        name: 'pyongyang-beijing.geojson',
        mimeType: 'application/geo+json',
        buffer: readFileSync(BUILTIN_ROUTE_FILE),
      },
    ]);
    await expect
      .poll(() => page.getByTestId('keep-note').textContent(), { timeout: 60_000 })
      .toContain('Kept in this browser');
    const copy = page.locator('[data-claim="a004-speed-50kmh.copy1"]');
    const before = {
      verdict: await copy.getAttribute('data-verdict'),
      distances: await distances(page),
    };

    await reload(page);
    await copy.waitFor({ timeout: 60_000 });
    expect(await title(page)).toBe('Two copies of the claims');
    expect(await copy.getAttribute('data-verdict')).toBe(before.verdict);
    expect(await distances(page)).toBe(before.distances);
    expect(await page.getByTestId('keep-note').textContent()).toContain(
      'Reopened from the copy kept in this browser',
    );
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('with the storage quota full the import still works, and a note says it was not kept', async () => {
    const { page, log } = await openApp(app);
    // a real quota of 1 byte for this origin: IndexedDB refuses the write (QuotaExceededError)
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Storage.overrideQuotaForOrigin', {
      origin: new URL(app.url).origin,
      quotaSize: 1,
    });
    await importFixture(page, 'track.gpx', 'Dong Dang → Hanoi by road');
    await expect
      .poll(() => page.getByTestId('keep-note').textContent(), { timeout: 30_000 })
      .toContain(
        "Not kept in this browser: the browser's storage for this page is full (its quota is exceeded). After a reload, import the file again.",
      );
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.getByTestId('forget-import').count()).toBe(0);
    expect(log.errors).toEqual([]);
    await page.context().close();
  });
});
