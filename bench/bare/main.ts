/**
 * The start-up baseline: MapLibre with the same basemap, fonts and route as the app, and nothing
 * else (no Svelte, no fact-check, no player). Sets data-map-ready like the app does.
 */
import { Map as MapLibreMap, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import routeUrl from '../../geo/routes/pyongyang-beijing.geojson?url';
import { basemapStyle, PLACE_LABELS } from '../../src/map/style';
import { loadLabelFonts } from '../../src/map/fonts';
import { showRoute } from '../../src/map/route-layers';
import { routeBounds } from '../../src/map/bounds';
import type { RouteCollection } from '../../src/domain/route/route';

setWorkerUrl(workerUrl);
const route = (await (await fetch(routeUrl)).json()) as RouteCollection;
const labels = route.features
  .map(
    (f) =>
      `${f.properties?.name ?? ''} ${(f.properties as { name_local?: string }).name_local ?? ''}`,
  )
  .concat(PLACE_LABELS.features.map((f) => `${f.properties?.name} ${f.properties?.name_local}`))
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
