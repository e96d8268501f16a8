import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

/** Builds the bare MapLibre baseline page into dist-bare/ (used by `npm run bench`). */
export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  publicDir: fileURLToPath(new URL('../public', import.meta.url)),
  build: {
    outDir: fileURLToPath(new URL('../dist-bare', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
  },
  logLevel: 'warn',
});
