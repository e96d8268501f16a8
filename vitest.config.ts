import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * Projects by what they need: `unit` (src/, Node only — no dist/, no Chromium), `tools` (scripts/),
 * `data` (the committed route and journey files), and `cli` and `e2e` (the built dist/ and
 * Chromium). `npm test` runs them all; `vitest run --project unit` runs in seconds.
 */
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [svelte()],
        test: {
          name: 'unit',
          environment: 'node',
          include: ['src/**/*.test.ts'],
          // pure modules: one module graph per worker, so Turf and Svelte are loaded once, not per file
          isolate: false,
        },
      },
      {
        test: { name: 'tools', environment: 'node', include: ['scripts/**/*.test.ts'] },
      },
      {
        test: { name: 'data', environment: 'node', include: ['tests/data/**/*.test.ts'] },
      },
      {
        test: {
          name: 'cli',
          environment: 'node',
          include: ['tests/cli/**/*.test.ts'],
          testTimeout: 300_000,
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          // software WebGL on a busy 2-core machine: a 4K export alone has taken 144 s
          testTimeout: 300_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
