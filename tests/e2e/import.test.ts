import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, waitForMapReady } from '../../scripts/lib/browser';
import { useBuiltApp } from './app-fixture';

// Written against the App wiring of ImportDrop: data-testid="import-input" (the file input),
// [role=alert] for errors, data-testid="journey-title", "play" and "km-travelled".

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'import');

const app = useBuiltApp();

/** Records CSP violations (events and console reports) from before the app's first script. */
async function open(hash = '') {
  const { page, log } = await openPage(app.browser, { width: 1400, height: 900 });
  const csp: string[] = [];
  const dialogs: string[] = [];
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) csp.push(m.text());
  });
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(app.url + hash);
  await waitForMapReady(page);
  const violations = async () => [
    ...csp,
    ...(await page.evaluate(
      () => (window as unknown as { cspViolations: string[] }).cspViolations,
    )),
  ];
  return { page, log, dialogs, violations };
}

const title = (page: Page) => page.getByTestId('journey-title').textContent();
const kmShown = async (page: Page) =>
  Number((await page.getByTestId('km-travelled').textContent())?.replace(/[^\d.]/g, ''));

/** Drops a file on the page the way a browser does: dragenter, dragover, drop with a DataTransfer. */
async function dropFile(page: Page, name: string, text: string, type = 'application/gpx+xml') {
  await page.evaluate(
    ({ name, text, type }) => {
      const data = new DataTransfer();
      data.items.add(new File([text], name, { type }));
      for (const kind of ['dragenter', 'dragover', 'drop'])
        document.body.dispatchEvent(
          new DragEvent(kind, { dataTransfer: data, bubbles: true, cancelable: true }),
        );
    },
    { name, text, type },
  );
}

describe('importing a journey file in Chromium', () => {
  it('a dropped GPX track loads, and Play moves the train along it', async () => {
    const { page, log, violations } = await open('#rate=3600');
    await dropFile(page, 'track.gpx', readFileSync(join(fixtures, 'track.gpx'), 'utf8'));
    await expect.poll(() => title(page)).toBe('Dong Dang → Hanoi by road (test track)');
    await waitForMapReady(page);
    await expect
      .poll(() => page.getByTestId('local-time').textContent())
      .toContain('26 Feb 13:00 local time (UTC+7)');
    const km0 = await kmShown(page);
    await page.getByTestId('play').click();
    await expect.poll(() => kmShown(page), { timeout: 20_000 }).toBeGreaterThan(km0 + 1);
    expect(log.errors).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('a file chosen with the picker loads too', async () => {
    const { page } = await open();
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'route.kml'));
    await expect.poll(() => title(page)).toBe('Nanning to Pingxiang (test KML)');
    await page.context().close();
  });

  it('an invalid file: the alert names the file and the place, and the journey shown stays', async () => {
    const { page, log } = await open();
    const before = await title(page);
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'bad-longitude.geojson'));
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.textContent();
    expect(text).toContain('bad-longitude.geojson:');
    expect(text).toContain(
      'features[3].geometry.coordinates[2]: longitude 191.2 is outside −180…180',
    );
    expect(await title(page)).toBe(before);
    expect(await page.locator('html').getAttribute('data-map-ready')).toBe('true');
    expect(log.errors).toEqual([]);
    await page.context().close();
  });

  it('a GPX whose time goes back is refused with its line', async () => {
    const { page } = await open();
    const before = await title(page);
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'time-goes-back.gpx'));
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toMatch(/time-goes-back\.gpx:16:7: time goes back/);
    expect(await title(page)).toBe(before);
    await page.context().close();
  });

  it('an XSS payload in names stays text: no element is created and no dialog opens', async () => {
    const { page, dialogs, violations } = await open();
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'xss-station.geojson'));
    await expect.poll(() => title(page)).toBe('<img src=x onerror=alert(1)>');
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'xss.gpx'));
    await expect.poll(() => title(page)).toBe('<img src=x onerror=alert(1)>');
    await waitForMapReady(page);
    expect(await page.locator('img[src="x"], script:not([src])').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it('no Content-Security-Policy violation while the app loads, imports and plays', async () => {
    const { page, violations } = await open('#rate=3600');
    await page.getByTestId('import-input').setInputFiles(join(fixtures, 'route.geojson'));
    await expect.poll(() => title(page)).toBe('Dong Dang to Hanoi (test route)');
    const km = () => page.getByTestId('km-travelled').textContent();
    const km0 = await km();
    await page.getByTestId('play').click();
    await expect.poll(km, { timeout: 30_000 }).not.toBe(km0);
    await page.getByTestId('play').click();
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
