import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { tilesForRouteFiles } from './scripts/lib/precache.ts';

const routesDir = join(import.meta.dirname, 'geo', 'routes');
const publicDir = join(import.meta.dirname, 'public');
/**
 * Precache entries for the basemap tiles the built-in journeys' routes need (which ones:
 * scripts/lib/precache.ts), each revised by its content's hash. Tiles with no data are not cut.
 */
const journeyTiles = () => {
  const files = readdirSync(routesDir).filter((f) => f.endsWith('.geojson'));
  const tiles = tilesForRouteFiles(files.map((f) => join(routesDir, f)));
  return [...tiles].flatMap((t) => {
    const url = `basemap/tiles/${t}.pbf`;
    try {
      const revision = createHash('md5')
        .update(readFileSync(join(publicDir, url)))
        .digest('hex');
      return [{ url, revision }];
    } catch {
      return [];
    }
  });
};

/**
 * The build's label, shown on `<html data-build>`: the package version, or JOURNEY_MAP_BUILD
 * (the offline test builds twice to see the second replace the first).
 */
const build = process.env.JOURNEY_MAP_BUILD ?? process.env.npm_package_version ?? 'dev';

export default defineConfig({
  base: './',
  define: { __JOURNEY_MAP_BUILD__: JSON.stringify(build) },
  plugins: [
    svelte(),
    // Offline after one visit: a service worker precaches the app, fonts, data and the tiles
    // around the built-in routes; its precache manifest (one revision per file) is made here, so
    // a new build's worker replaces changed files and drops the ones it no longer lists.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: false,
      manifest: {
        name: 'Journey Map',
        short_name: 'Journey Map',
        description: 'Plays a journey along its real rail route and fact-checks what was reported.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1f4e79',
        icons: [
          { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{html,js,mjs,css,json,geojson,woff2,pbf,png,svg,webmanifest}'],
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        globIgnores: ['basemap/tiles/**'],
        additionalManifestEntries: journeyTiles(),
        // tiles beyond the precached ones are kept once seen, and refreshed when online
        runtimeCaching: [
          {
            urlPattern: ({ url }) => url.pathname.includes('/basemap/tiles/'),
            handler: 'StaleWhileRevalidate',
            options: { cacheName: 'basemap-tiles', expiration: { maxEntries: 4000 } },
          },
        ],
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
  },
  preview: { host: '127.0.0.1' },
});
