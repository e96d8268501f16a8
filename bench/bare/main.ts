/**
 * The start-up baseline: MapLibre with the same basemap, fonts and route as the app, and nothing
 * else (no Svelte, no fact-check, no player). Sets data-map-ready like the app does.
 */
import {
  Map as MapLibreMap,
  setWorkerUrl,
  type GeoJSONSource,
  type LngLatBoundsLike,
} from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import routeUrl from '../../geo/routes/pyongyang-beijing.geojson?url';
import { basemapStyle } from '../../src/map/style';
import { loadLabelFonts } from '../../src/map/fonts';
import { showRoute } from '../../src/map/route-layers';
import { routeBounds } from '../../src/map/bounds';
import type { RouteCollection } from '../../src/domain/route/route';
import { cssLayoutFor } from '../../src/export/presets';

setWorkerUrl(workerUrl);
const route = (await (await fetch(routeUrl)).json()) as RouteCollection;
const labels = route.features
  .map(
    (f) =>
      `${f.properties?.name ?? ''} ${(f.properties as { name_local?: string }).name_local ?? ''}`,
  )
  .join(' ');
await loadLabelFonts(labels);
const map = new MapLibreMap({
  container: 'map',
  style: basemapStyle(document.baseURI),
  bounds: routeBounds(route) as LngLatBoundsLike,
  fitBoundsOptions: { padding: 60 },
});
map.on('load', () => {
  showRoute(map, route);
  map.once('idle', () => {
    document.documentElement.dataset.mapReady = 'true';
  });
});

declare global {
  interface Window {
    /** The export baseline: the same view rendered offscreen at `width` × `height` and encoded as PNG. */
    bareExport?: (o: { width: number; height: number; frames?: number }) => Promise<number>;
  }
}

/**
 * Renders the route's view in a hidden map of the export's CSS size and pixel ratio, waits until
 * it has drawn, and encodes a PNG (`frames` > 1: moves a point and redraws that many times, copying
 * each frame, the bare render loop of a video). Resolves with the milliseconds taken.
 */
window.bareExport = async ({ width, height, frames = 1 }) => {
  const t = performance.now();
  const layout = cssLayoutFor(width, height);
  const container = document.createElement('div');
  Object.assign(container.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${layout.cssWidth}px`,
    height: `${layout.cssHeight}px`,
    visibility: 'hidden',
  });
  document.body.append(container);
  const m = new MapLibreMap({
    container,
    style: basemapStyle(document.baseURI),
    bounds: routeBounds(route) as LngLatBoundsLike,
    fitBoundsOptions: { padding: 60 },
    pixelRatio: layout.pixelRatio,
    canvasContextAttributes: { preserveDrawingBuffer: true },
    interactive: false,
    fadeDuration: 0,
  });
  await new Promise((r) => m.once('load', r));
  showRoute(m, route);
  m.addSource('dot', { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  m.addLayer({ id: 'dot', type: 'circle', source: 'dot', paint: { 'circle-radius': 6 } });
  const out = document.createElement('canvas');
  out.width = width;
  out.height = height;
  const ctx = out.getContext('2d')!;
  const line = route.features.find((f) => f.geometry.type === 'LineString')!.geometry
    .coordinates as number[][];
  for (let i = 0; i < frames; i++) {
    const p = line[Math.floor((i / Math.max(frames, 1)) * line.length)]!;
    (m.getSource('dot') as GeoJSONSource).setData({ type: 'Point', coordinates: p });
    await new Promise((r) => {
      m.once('idle', r);
      m.triggerRepaint();
    });
    ctx.drawImage(m.getCanvas(), 0, 0);
  }
  if (frames === 1) await new Promise((r) => out.toBlob(r, 'image/png'));
  m.remove();
  container.remove();
  return performance.now() - t;
};
