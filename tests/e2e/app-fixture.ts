import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launch, serveDist } from '../../scripts/lib/browser';

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
