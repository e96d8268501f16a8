import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection, Position } from 'geojson';
import type { MeasuredRoute } from '../domain/route/route';
import { trailProgress } from '../domain/route/trail-progress';
import { FONT_STACK, railColor, THEMES, WIDTHS, widthExpression, type Theme } from './style';
import { ROUTE_LAYERS } from './route-layers';
import { arrowSdf } from './train-arrow';

const SOURCE = 'moving';
const ICON = 'train-arrow';

export const TRAIN_LAYERS = {
  trail: 'trail',
  trailLines: 'trail-lines',
  trains: 'trains',
  labels: 'train-labels',
} as const;

const TRAIL = 'trail';
const CLEAR = 'rgba(0,0,0,0)';

/** Adds the trail and train layers above the route (once per map style). */
export function addTrainLayers(map: MapLibreMap, t: Theme = THEMES.light): void {
  if (map.getSource(SOURCE)) return;
  if (!map.hasImage(ICON)) map.addImage(ICON, arrowSdf(), { sdf: true, pixelRatio: 2 });
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addSource(TRAIL, {
    type: 'geojson',
    lineMetrics: true,
    data: { type: 'FeatureCollection', features: [] },
  });
  map.addLayer(
    {
      id: TRAIN_LAYERS.trail,
      type: 'line',
      source: TRAIL,
      layout: { 'line-join': 'round', 'line-cap': 'round', visibility: 'none' },
      paint: {
        'line-width': widthExpression(WIDTHS.trail),
        'line-gradient': ['step', ['line-progress'], CLEAR, 0.5, CLEAR],
      },
    },
    ROUTE_LAYERS.stations,
  );
  // exports pass the trail as lines with the trains (one source per frame, no gradient to set)
  map.addLayer(
    {
      id: TRAIN_LAYERS.trailLines,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': [
          'match',
          ['get', 'country'],
          'KP',
          t.KP,
          'VN',
          t.VN,
          'CN',
          t.CN,
          t.otherRail,
        ],
        'line-width': widthExpression(WIDTHS.trail),
      },
    },
    ROUTE_LAYERS.stations,
  );
  map.addLayer({
    id: TRAIN_LAYERS.trains,
    type: 'symbol',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'icon-image': ICON,
      // larger when zoomed in, so the train stands out on the bridge it crosses; larger still
      // when the pointer is over the train on the chart or in the list
      'icon-size': [
        'interpolate',
        ['linear'],
        ['zoom'],
        8,
        ['case', ['get', 'highlight'], 1.5, ['get', 'main'], 1, 0.75],
        11,
        ['case', ['get', 'highlight'], 2, ['get', 'main'], 1.5, 1.1],
      ],
      'icon-rotate': ['get', 'bearing'],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['case', ['get', 'highlight'], 2, ['get', 'main'], 1, 0],
    },
    paint: {
      'icon-color': ['get', 'color'],
      // a light outline in every theme, so a dark train reads on the dark bridge it crosses
      'icon-halo-color': t.trainHalo,
      // halo px / icon-size / 2 (the image's pixel ratio): about 2.5 CSS px. MapLibre reads the
      // halo at width / icon-size px out in the image, which keeps 6 px of room: beyond it the
      // whole square lights up, so the small ghost arrows (icon-size 0.75) get a thinner halo
      'icon-halo-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        8,
        ['case', ['get', 'highlight'], 5, ['get', 'main'], 4.5, 3.4],
        11,
        5,
      ],
      'icon-opacity': ['case', ['any', ['get', 'main'], ['get', 'highlight']], 1, 0.85],
    },
  });
  map.addLayer(
    {
      id: TRAIN_LAYERS.labels,
      type: 'symbol',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'Point'],
      layout: {
        'text-field': ['get', 'label'],
        'text-font': FONT_STACK,
        'text-size': ['case', ['get', 'highlight'], 13, 11],
        'text-offset': [0, 1.6],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: {
        'text-color': ['get', 'color'],
        // the trains' own colours (dark for the main one) on the trains' light outline
        'text-halo-color': t.trainHalo,
        'text-halo-width': 1.5,
      },
    },
    // below the station labels, which MapLibre therefore places first: a station's name wins
    // over the label of a train standing at it (Pyongyang at the first moment)
    map.getLayer(ROUTE_LAYERS.labels) ? ROUTE_LAYERS.labels : undefined,
  );
}

/**
 * The trail is the main routing drawn once as one line; each frame only moves the end of its
 * colour gradient (MapLibre's `line-progress` runs over the line's Web Mercator length).
 */
export function setTrailRoute(map: MapLibreMap, route: MeasuredRoute): void {
  const coordinates: Position[] = Array.from(route.lon, (lon, i) => [lon, route.lat[i]!]);
  (map.getSource(TRAIL) as GeoJSONSource | undefined)?.setData({
    type: 'Feature',
    properties: {},
    geometry: { type: 'LineString', coordinates },
  });
}

/** Colours the trail up to `km` along the route, by country; O(log n + country changes). */
export function setTrailProgress(
  map: MapLibreMap,
  route: MeasuredRoute,
  km: number,
  t: Theme = THEMES.light,
): void {
  if (!map.getLayer(TRAIN_LAYERS.trail)) return;
  const p = trailProgress(route, km);
  const visible = p.fraction > 0;
  if ((map.getLayoutProperty(TRAIN_LAYERS.trail, 'visibility') === 'visible') !== visible)
    map.setLayoutProperty(TRAIN_LAYERS.trail, 'visibility', visible ? 'visible' : 'none');
  if (!visible) return;
  const stops: (string | number)[] = [];
  for (const c of p.changes) stops.push(c.fraction, railColor(t, c.country));
  // the expression is built here from known colours: skip the style validator on every frame
  map.setPaintProperty(
    TRAIN_LAYERS.trail,
    'line-gradient',
    [
      'step',
      ['line-progress'],
      railColor(t, p.firstCountry),
      ...stops,
      Math.min(p.fraction, 1),
      CLEAR,
    ] as unknown as ExpressionSpecification,
    { validate: false },
  );
}

/** One `setData` per frame for everything that moves. */
export function updateTrains(map: MapLibreMap, data: FeatureCollection): void {
  (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

/** Dims the untravelled route while a journey is being played. */
export function setRouteFaded(map: MapLibreMap, faded: boolean): void {
  if (map.getLayer(ROUTE_LAYERS.line)) {
    map.setPaintProperty(ROUTE_LAYERS.line, 'line-opacity', faded ? 0.35 : 1);
  }
}
