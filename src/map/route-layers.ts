import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import type { RouteCollection } from '../domain/route/route';
import { DEFAULT_ROUTING, routingsOf } from '../domain/route/routing';
import { FONT_STACK, FONT_STACK_BOLD, THEMES, WIDTHS, widthExpression, type Theme } from './style';

export const ROUTE_LAYERS = {
  variants: 'route-variants',
  casing: 'route-casing',
  line: 'route-line',
  bridge: 'route-bridge',
  stations: 'route-stations',
  border: 'route-border',
  labels: 'route-labels',
} as const;

const IS_LEG: ExpressionSpecification = ['==', ['get', 'kind'], 'leg'];
const IS_STATION: ExpressionSpecification = ['==', ['get', 'kind'], 'station'];
const IS_LABELLED: ExpressionSpecification = [
  'in',
  ['get', 'kind'],
  ['literal', ['station', 'border']],
];
/** Features on the shown routing: their `routings` string holds "|A|". */
const onRouting = (v: string): ExpressionSpecification => ['in', `|${v}|`, ['get', 'routings']];
const PRINCIPAL: ExpressionSpecification = ['==', ['get', 'principal'], true];

/**
 * The route as the map draws it: every feature gets a `routings` string ("|A|B|") because
 * MapLibre's tiles cannot filter on array properties.
 */
export function mapData(route: RouteCollection): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: route.features.map((f): Feature => {
      const list = routingsOf(f.properties ?? {});
      const routings = list ? `|${list.join('|')}|` : '|*|';
      return { ...f, properties: { ...f.properties, routings } };
    }),
  };
}

/** A routing name every feature without a `variants` list belongs to. */
const withCommon = (v: string): ExpressionSpecification => [
  'any',
  onRouting(v),
  ['==', ['get', 'routings'], '|*|'],
];

/** Rail colour by the feature's country, as the theme gives it. */
const byCountry = (t: Theme): ExpressionSpecification => [
  'match',
  ['get', 'country'],
  'KP',
  t.KP,
  'CN',
  t.CN,
  'VN',
  t.VN,
  t.otherRail,
];

/**
 * Adds the route (the shown routing styled by country, the other routings faint and dashed,
 * stations, the border point) to a map whose style is loaded. Calling it again replaces the data.
 */
export function showRoute(
  map: MapLibreMap,
  route: RouteCollection,
  variant = DEFAULT_ROUTING,
  t: Theme = THEMES.light,
): void {
  const data = mapData(route);
  const existing = map.getSource('route') as GeoJSONSource | undefined;
  if (existing) {
    existing.setData(data);
    return;
  }
  map.addSource('route', { type: 'geojson', data });
  map.addLayer({
    id: ROUTE_LAYERS.variants,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, ['!', withCommon(variant)]],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': t.variant,
      'line-width': widthExpression(WIDTHS.variant),
      'line-opacity': 0.6,
      'line-dasharray': [2, 1.5],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.casing,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, withCommon(variant)],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': t.halo,
      'line-width': widthExpression(WIDTHS.casing),
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.line,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, withCommon(variant)],
    layout: { 'line-join': 'round', 'line-cap': 'round' },
    paint: {
      'line-color': byCountry(t),
      'line-width': widthExpression(WIDTHS.line),
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.bridge,
    type: 'line',
    source: 'route',
    filter: ['all', IS_LEG, ['in', 'Bridge', ['get', 'line']]],
    paint: {
      'line-color': t.bridge,
      'line-width': widthExpression(WIDTHS.bridge),
      'line-gap-width': widthExpression(WIDTHS.bridgeGap),
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.stations,
    type: 'circle',
    source: 'route',
    filter: ['all', IS_STATION, withCommon(variant)],
    paint: {
      'circle-radius': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', PRINCIPAL, 4.5, 1.5],
        9,
        ['case', PRINCIPAL, 6, 4],
      ],
      'circle-color': t.stationFill,
      'circle-stroke-color': byCountry(t),
      'circle-stroke-width': [
        'interpolate',
        ['linear'],
        ['zoom'],
        4,
        ['case', PRINCIPAL, 2, 1],
        9,
        2,
      ],
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.border,
    type: 'circle',
    source: 'route',
    filter: ['==', ['get', 'kind'], 'border'],
    paint: {
      'circle-radius': 6,
      'circle-color': t.borderPoint,
      'circle-stroke-color': t.halo,
      'circle-stroke-width': 2,
    },
  });
  map.addLayer({
    id: ROUTE_LAYERS.labels,
    type: 'symbol',
    source: 'route',
    filter: ['all', IS_LABELLED, withCommon(variant)],
    layout: {
      // principal stations from the start, the others once zoomed in
      'text-field': [
        'step',
        ['zoom'],
        [
          'case',
          ['==', ['get', 'kind'], 'border'],
          ['get', 'name'],
          PRINCIPAL,
          ['concat', ['get', 'name'], ' ', ['coalesce', ['get', 'name_local'], '']],
          '',
        ],
        7.5,
        [
          'case',
          ['==', ['get', 'kind'], 'border'],
          ['get', 'name'],
          ['concat', ['get', 'name'], ' ', ['coalesce', ['get', 'name_local'], '']],
        ],
      ],
      // principal stations in bold and larger, placed before the others (and before any town)
      'text-font': [
        'case',
        PRINCIPAL,
        ['literal', FONT_STACK_BOLD],
        ['literal', FONT_STACK],
      ] as unknown as string[],
      'text-size': ['case', PRINCIPAL, 14, ['==', ['get', 'kind'], 'border'], 12.5, 11.5],
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': 0.7,
      'symbol-sort-key': ['case', ['==', ['get', 'kind'], 'border'], 0, PRINCIPAL, 1, 2],
    },
    paint: {
      'text-color': t.stationText,
      'text-halo-color': t.stationHalo,
      'text-halo-width': 1.6,
    },
  });
}

/** Shows one routing as the main line; the others faint (or hidden when `showOthers` is off). */
export function setRouting(map: MapLibreMap, variant: string, showOthers: boolean): void {
  if (!map.getLayer(ROUTE_LAYERS.variants)) return;
  map.setFilter(ROUTE_LAYERS.variants, ['all', IS_LEG, ['!', withCommon(variant)]]);
  map.setLayoutProperty(ROUTE_LAYERS.variants, 'visibility', showOthers ? 'visible' : 'none');
  for (const id of [ROUTE_LAYERS.casing, ROUTE_LAYERS.line])
    map.setFilter(id, ['all', IS_LEG, withCommon(variant)]);
  map.setFilter(ROUTE_LAYERS.stations, ['all', IS_STATION, withCommon(variant)]);
  map.setFilter(ROUTE_LAYERS.labels, ['all', IS_LABELLED, withCommon(variant)]);
}

const HIGHLIGHT = 'route-highlight';

/** Draws (or clears, with null) a highlighted stretch of route below the route line. */
export function showHighlight(map: MapLibreMap, stretch: Feature | null): void {
  const data: FeatureCollection = { type: 'FeatureCollection', features: stretch ? [stretch] : [] };
  const source = map.getSource(HIGHLIGHT) as GeoJSONSource | undefined;
  if (source) {
    source.setData(data);
    return;
  }
  map.addSource(HIGHLIGHT, { type: 'geojson', data });
  map.addLayer(
    {
      id: HIGHLIGHT,
      type: 'line',
      source: HIGHLIGHT,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': '#f59e0b',
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 9, 10, 16],
        'line-opacity': 0.55,
      },
    },
    ROUTE_LAYERS.casing,
  );
}
