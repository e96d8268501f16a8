import type { StyleSpecification } from 'maplibre-gl';

/** Colours shared by the map, the legend and the exports. */
export const COLORS = {
  sea: '#cfe0ea',
  land: '#f3efe6',
  landFocus: '#ebe4d3',
  border: '#8c7b6b',
  coastLabel: '#4d7491',
  countryLabel: '#6b5d50',
  KP: '#c8102e',
  CN: '#1f5fbf',
  VN: '#15803d',
  variant: '#8b5cf6',
  halo: '#ffffff',
} as const;

/** Font stack: Latin from Noto Sans, Hangul from Noto Sans KR, Chinese from Noto Sans SC. */
/** The route's sources, credited on the live map and on every export. */
export const ROUTE_ATTRIBUTION =
  'Route: traced 1942 lines and public station positions (Wikipedia, CC BY-SA; OpenStreetMap, ODbL); see geo/README.md';

export const FONT_STACK = ['Noto Sans', 'Noto Sans SC', 'Noto Sans KR'];

/** Seas, the Yalu and the countries named on the basemap (label placement only, no measured facts). */
export const PLACE_LABELS: GeoJSON.FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    ['sea', 'Bohai Sea', '渤海', 120.0, 38.9],
    ['sea', 'Korea Bay', '서조선만', 123.9, 39.2],
    ['sea', 'Yellow Sea', '黄海', 123.0, 36.5],
    ['sea', 'Liaodong Bay', '辽东湾', 121.2, 40.3],
    ['river', 'Yalu (Amnok) River', '鸭绿江 / 압록강', 124.95, 40.45],
    ['country', 'CHINA', '中国', 118.5, 42.6],
    ['country', 'NORTH KOREA', '조선', 126.9, 40.1],
    ['country', 'SOUTH KOREA', '대한민국', 127.9, 36.4],
  ].map(([kind, name, local, lon, lat]) => ({
    type: 'Feature' as const,
    properties: { kind, name, name_local: local },
    geometry: { type: 'Point' as const, coordinates: [lon as number, lat as number] },
  })),
};

/**
 * The offline basemap style: Natural Earth land and borders served from the app itself
 * (public/basemap), labels drawn with the page's own web fonts (no `glyphs` server).
 */
export function basemapStyle(baseUrl: string): StyleSpecification {
  const data = (name: string) => new URL(`basemap/${name}.geojson`, baseUrl).href;
  return {
    version: 8,
    sources: {
      'countries-50m': { type: 'geojson', data: data('countries-50m') },
      'borders-50m': { type: 'geojson', data: data('borders-50m') },
      'countries-10m': {
        type: 'geojson',
        data: data('countries-10m'),
        attribution: 'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
      },
      'borders-10m': { type: 'geojson', data: data('borders-10m') },
      places: { type: 'geojson', data: PLACE_LABELS },
    },
    layers: [
      { id: 'sea', type: 'background', paint: { 'background-color': COLORS.sea } },
      {
        id: 'land-50m',
        type: 'fill',
        source: 'countries-50m',
        paint: { 'fill-color': COLORS.land, 'fill-antialias': false },
      },
      {
        id: 'land-10m',
        type: 'fill',
        source: 'countries-10m',
        paint: {
          'fill-color': ['match', ['get', 'iso_n3'], ['408', '156'], COLORS.landFocus, COLORS.land],
        },
      },
      {
        id: 'borders-50m',
        type: 'line',
        source: 'borders-50m',
        paint: { 'line-color': COLORS.border, 'line-width': 0.8, 'line-dasharray': [3, 2] },
      },
      {
        id: 'borders-10m',
        type: 'line',
        source: 'borders-10m',
        paint: {
          'line-color': COLORS.border,
          'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.8, 10, 2],
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'place-labels',
        type: 'symbol',
        source: 'places',
        layout: {
          'text-field': [
            'case',
            ['==', ['get', 'kind'], 'country'],
            ['get', 'name'],
            [
              'format',
              ['get', 'name'],
              {},
              '\n',
              {},
              ['get', 'name_local'],
              { 'font-scale': 0.85 },
            ],
          ],
          'text-font': FONT_STACK,
          'text-size': ['match', ['get', 'kind'], 'country', 15, 'river', 12, 13],
          'text-letter-spacing': ['match', ['get', 'kind'], 'country', 0.25, 0.05],
          'text-max-width': 12,
        },
        paint: {
          'text-color': [
            'match',
            ['get', 'kind'],
            'country',
            COLORS.countryLabel,
            COLORS.coastLabel,
          ],
          'text-halo-color': 'rgba(255,255,255,0.7)',
          'text-halo-width': 1.2,
        },
      },
    ],
  };
}
