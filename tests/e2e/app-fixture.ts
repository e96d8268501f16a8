import { afterAll, beforeAll } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launch, openPage, serveDist, waitForMapReady } from '../../scripts/lib/browser';

/** The built app served on 127.0.0.1 and a Chromium, shared by the tests of one file. */
export interface BuiltApp {
  url: string;
  browser: Browser;
}

/** Serves dist/ and launches Chromium before a test file's tests; closes both after them. */
export function useBuiltApp(): BuiltApp {
  const app = {} as BuiltApp;
  let server: PreviewServer | undefined;
  beforeAll(async () => {
    const served = await serveDist();
    server = served.server;
    app.url = served.url;
    app.browser = await launch();
  });
  afterAll(async () => {
    await app.browser?.close();
    await server?.close();
  });
  return app;
}

/** Opens the app at `hash` in a new page and waits until the map has drawn and the clock shows. */
export async function openApp(
  app: BuiltApp,
  hash = '',
  viewport = { width: 1280, height: 800 },
): Promise<Awaited<ReturnType<typeof openPage>>> {
  const opened = await openPage(app.browser, viewport);
  await opened.page.goto(app.url + hash);
  await waitForMapReady(opened.page);
  await opened.page.getByTestId('local-time').waitFor();
  return opened;
}

/**
 * Imports `tests/fixtures/import/<file>` through the app's file input and waits until the journey
 * title names `titleHas` and the map has drawn the new journey.
 */
export async function importFixture(page: Page, file: string, titleHas: string): Promise<void> {
  await page.setInputFiles(
    '[data-testid="import-input"]',
    join(import.meta.dirname, '..', 'fixtures', 'import', file),
  );
  await page.waitForFunction(
    (has) => document.querySelector('[data-testid="journey-title"]')?.textContent?.includes(has),
    titleHas,
    { timeout: 60_000 },
  );
  await waitForMapReady(page);
}
