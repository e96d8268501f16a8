import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { isLeg, isStation, type RouteCollection, type StationFeature } from '../domain/route/route';
import {
  DEFAULT_ROUTING,
  onRouting as liesOn,
  routingNames,
  routingsOf,
} from '../domain/route/routing';
import {
  FONT_STACK,
  FONT_STACK_BOLD,
  PLACE_LAYERS,
  THEMES,
  WIDTHS,
  placeFilter,
  stationNames,
  widthExpression,
  type Theme,
} from './style';

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
/** Station label sizes, CSS px: principal stations larger than border points and the others. */
export const STATION_LABEL_PX = { principal: 14, border: 12.5, other: 11.5 } as const;
/**
 * Below this zoom only the route's ends and border points are labelled. MapLibre evaluates a
 * layout's `['zoom']` once per tile, at the tile's whole zoom, so a whole number is what it means.
 */
export const PRINCIPAL_LABEL_ZOOM = 4;
/** How far a station label stands from its point, in ems (`text-radial-offset`). */
export const LABEL_RADIAL_EM = 0.7;

/**
 * The route's first and last stations on any of its routings: those nearest to where the
 * routing's first leg starts and its last leg ends (legs run in travel order).
 */
export function endStations(route: RouteCollection): Set<StationFeature> {
  const stations = route.features.filter(isStation);
  const legs = route.features.filter(isLeg);
  const ends = new Set<StationFeature>();
  for (const routing of routingNames(legs.map((l) => l.properties))) {
    const on = legs.filter((l) => liesOn(l.properties, routing));
    const first = on[0]?.geometry.coordinates[0];
    const last = on.at(-1)?.geometry.coordinates.at(-1);
    for (const p of [first, last]) {
      if (!p) continue;
      const k = Math.cos((p[1]! * Math.PI) / 180);
      let best: StationFeature | undefined;
      let bestD = Infinity;
      for (const s of stations) {
        if (!liesOn(s.properties, routing)) continue;
        const [x, y] = s.geometry.coordinates;
        const d = ((x! - p[0]!) * k) ** 2 + (y! - p[1]!) ** 2;
        if (d < bestD) [best, bestD] = [s, d];
      }
      if (best) ends.add(best);
    }
  }
  return ends;
}

/**
 * The route as the map draws it: every feature gets a `routings` string ("|A|B|") because
 * MapLibre's tiles cannot filter on array properties.
 */
export function mapData(route: RouteCollection): FeatureCollection {
  const ends = endStations(route);
  return {
    type: 'FeatureCollection',
    features: route.features.map((f): Feature => {
      const list = routingsOf(f.properties ?? {});
      const routings = list ? `|${list.join('|')}|` : '|*|';
      // the first and last station: labelled however far out the map is
      const terminus = isStation(f) && ends.has(f);
      return { ...f, properties: { ...f.properties, routings, terminus } };
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
      // far out (a whole long route, or any route on a phone) only the ends and the border;
      // principal stations from there, the others once zoomed in
      'text-field': [
        'step',
        ['zoom'],
        [
          'case',
          ['==', ['get', 'kind'], 'border'],
          ['get', 'name'],
          ['==', ['get', 'terminus'], true],
          ['concat', ['get', 'name'], ' ', ['coalesce', ['get', 'name_local'], '']],
          '',
        ],
        PRINCIPAL_LABEL_ZOOM,
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
      'text-size': [
        'case',
        PRINCIPAL,
        STATION_LABEL_PX.principal,
        ['==', ['get', 'kind'], 'border'],
        STATION_LABEL_PX.border,
        STATION_LABEL_PX.other,
      ],
      'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
      'text-radial-offset': LABEL_RADIAL_EM,
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

/**
 * Readies a map that shows one journey's route for another's: the basemap towns the new stations
 * name are left out (`showRoute` then puts its data, and the caller fits the camera). The map
 * itself, its tiles, shaders and glyphs are kept: making a new map per journey blocked the page
 * for a second.
 */
export function replaceRoute(map: MapLibreMap, route: RouteCollection): void {
  const filter = placeFilter(stationNames(route));
  for (const id of PLACE_LAYERS) if (map.getLayer(id)) map.setFilter(id, filter);
}
