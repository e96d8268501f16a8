import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { RouteCollection } from '../journey/route';
import { COLORS, FONT_STACK } from './style';

const MAIN: ExpressionSpecification = ['!', ['has', 'variant']];
const VARIANT: ExpressionSpecification = ['has', 'variant'];
const IS_LEG: ExpressionSpecification = ['==', ['get', 'kind'], 'leg'];
const IS_STATION: ExpressionSpecification = ['==', ['get', 'kind'], 'station'];
const IS_LABELLED: ExpressionSpecification = [
  'in',
  ['get', 'kind'],
  ['literal', ['station', 'border']],
];

export const ROUTE_LAYERS = {
  variants: 'route-variants',
  casing: 'route-casing',
  line: 'route-line',
  bridge: 'route-bridge',
  stations: 'route-stations',
  border: 'route-border',
  labels: 'route-labels',
} as const;

/**
 * Adds the route (legs styled by country, alternative routings faint and dashed, stations, the
 * border point) to a map whose style is loaded. Calling it again replaces the data.
 */
export function showRoute(map: MapLibreMap, route: RouteCollection): void {
  const existing = map.getSource('route') as GeoJSONSource | undefined;
  if (existing) {
    existing.setData(route);
    return;
  }
  map.addSource('route', { type: 'geojson', data: route });
  map.addLayer({
    id: ROUTE_LAYERS.variants,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, VARIANT],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.variant,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 10, 4],
      'line-opacity': 0.55,
      'line-dasharray': [2, 1.5],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.casing,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, MAIN],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': COLORS.halo,
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 10, 9],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.line,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, MAIN],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': ['match', ['get', 'country'], 'KP', COLORS.KP, 'CN', COLORS.CN, '#444444'],
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 3, 10, 5],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.bridge,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, ['in', 'Bridge', ['get', 'line']]],
    paint: {
      'line-color': '#111111',
      'line-width': ['interpolate', ['linear'], ['zoom'], 4, 5, 12, 10],
      'line-gap-width': ['interpolate', ['linear'], ['zoom'], 4, 2, 12, 4],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.stations,
    type: 'circle',
    source: 'route',
    filter: IS_STATION,
    paint: {
      'circle-radius': ['case', ['==', ['get', 'principal'], true], 5, 3.5],
      'circle-color': '#ffffff',
      'circle-stroke-color': [
        'case',
        ['has', 'variant'],
        COLORS.variant,
        ['match', ['get', 'country'], 'KP', COLORS.KP, COLORS.CN],
      ],
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.border,
    type: 'circle',
    source: 'route',
    filter: ['==', ['get', 'kind'], 'border'],
    paint: {
      'circle-radius': 6,
      'circle-color': '#111111',
      'circle-stroke-color': '#ffffff',
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.labels,
    type: 'symbol',
    source: 'route',
    filter: IS_LABELLED,
    layout: {
      'text-field': [
        'case',
        ['==', ['get', 'kind'], 'border'],
        'Border · Friendship Bridge',
        ['concat', ['get', 'name'], ' ', ['coalesce', ['get', 'name_local'], '']],
      ],
      'text-font': FONT_STACK,
      'text-size': ['case', ['==', ['get', 'principal'], true], 13, 11],
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.7,
      'symbol-sort-key': [
        'case',
        ['==', ['get', 'kind'], 'border'],
        0,
        ['==', ['get', 'principal'], true],
        1,
        2,
      ],
    },
    paint: {
      'text-color': '#1f2933',
      'text-halo-color': 'rgba(255,255,255,0.9)',
      'text-halo-width': 1.5,
    },
  });
}

/** Shows or hides the alternative routings (legs and stations marked with a `variant`). */
export function setVariantsVisible(map: MapLibreMap, visible: boolean): void {
  if (!map.getLayer(ROUTE_LAYERS.variants)) return;
  map.setLayoutProperty(ROUTE_LAYERS.variants, 'visibility', visible ? 'visible' : 'none');
  const base = { [ROUTE_LAYERS.stations]: IS_STATION, [ROUTE_LAYERS.labels]: IS_LABELLED };
  for (const [id, filter] of Object.entries(base)) {
    map.setFilter(id, visible ? filter : ['all', filter, MAIN]);
  }
}
