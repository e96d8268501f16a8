import type {
  DataDrivenPropertyValueSpecification,
  ExpressionSpecification,
  FilterSpecification,
  LayerSpecification,
  StyleSpecification,
} from 'maplibre-gl';

/** The themes a map can be drawn in: light (the default), dark, and a muted theme for print. */
export const THEME_NAMES = ['light', 'dark', 'print'] as const;
export type ThemeName = (typeof THEME_NAMES)[number];

/** What a person reads in the theme picker. */
export const THEME_LABELS: Record<ThemeName, string> = {
  light: 'Light',
  dark: 'Dark',
  print: 'Print (muted)',
};

export const isThemeName = (v: unknown): v is ThemeName =>
  typeof v === 'string' && (THEME_NAMES as readonly string[]).includes(v);

/** Every colour the map, the legend and the exports draw with, for one theme. */
export interface Theme {
  name: ThemeName;
  sea: string;
  land: string;
  urban: string;
  border: string;
  river: string;
  waterLabel: string;
  countryLabel: string;
  placeLabel: string;
  placeDot: string;
  peakLabel: string;
  /** Halo behind basemap labels. */
  labelHalo: string;
  /** Rail by country (ISO 3166 alpha-2), and any other country. */
  KP: string;
  CN: string;
  VN: string;
  otherRail: string;
  variant: string;
  /** The white (or dark) line under the route and around the train markers and stations. */
  halo: string;
  /** The outline of the train markers: light in every theme, so a dark train reads on anything. */
  trainHalo: string;
  bridge: string;
  stationFill: string;
  stationText: string;
  stationHalo: string;
  borderPoint: string;
  /** Cards of the export composition (title, legend, scale bar). */
  card: string;
  cardText: string;
  cardMuted: string;
}

const LIGHT: Theme = {
  name: 'light',
  sea: '#c9dde9',
  land: '#f4f1ea',
  urban: '#e7ded0',
  border: '#8c7b6b',
  river: '#79a7c8',
  waterLabel: '#3f6f93',
  countryLabel: '#6b5d50',
  placeLabel: '#3b3f44',
  placeDot: '#5b6169',
  peakLabel: '#7a6a58',
  labelHalo: 'rgba(255,255,255,0.85)',
  KP: '#c8102e',
  CN: '#1f5fbf',
  VN: '#15803d',
  otherRail: '#444444',
  variant: '#8b5cf6',
  halo: '#ffffff',
  trainHalo: '#ffffff',
  bridge: '#111111',
  stationFill: '#ffffff',
  stationText: '#1f2933',
  stationHalo: 'rgba(255,255,255,0.92)',
  borderPoint: '#111111',
  card: '#ffffff',
  cardText: '#1f2933',
  cardMuted: '#52606d',
};

const DARK: Theme = {
  name: 'dark',
  sea: '#17222e',
  land: '#2a2e33',
  urban: '#383a3d',
  border: '#8d8478',
  river: '#35597a',
  waterLabel: '#8fb4d4',
  countryLabel: '#b5aa9c',
  placeLabel: '#d6d3ce',
  placeDot: '#b8b4ad',
  peakLabel: '#a69a8b',
  labelHalo: 'rgba(20,24,28,0.85)',
  KP: '#ff5a6e',
  CN: '#5c9bff',
  VN: '#3ec27a',
  otherRail: '#c4c4c4',
  variant: '#b39dfa',
  halo: '#14181c',
  trainHalo: '#f1efe9',
  bridge: '#e8e4dc',
  stationFill: '#14181c',
  stationText: '#f1efe9',
  stationHalo: 'rgba(20,24,28,0.92)',
  borderPoint: '#f1efe9',
  card: '#1d2329',
  cardText: '#f1efe9',
  cardMuted: '#aab4bd',
};

const PRINT: Theme = {
  name: 'print',
  sea: '#e3e9ec',
  land: '#fbfaf7',
  urban: '#efebe4',
  border: '#9a928a',
  river: '#b3c6d2',
  waterLabel: '#5d7a8e',
  countryLabel: '#85796d',
  placeLabel: '#4a4d51',
  placeDot: '#6f7378',
  peakLabel: '#8c8073',
  labelHalo: 'rgba(251,250,247,0.9)',
  KP: '#b0283c',
  CN: '#2f5f9e',
  VN: '#2f7a4a',
  otherRail: '#555555',
  variant: '#8a77c0',
  halo: '#ffffff',
  trainHalo: '#ffffff',
  bridge: '#222222',
  stationFill: '#ffffff',
  stationText: '#222222',
  stationHalo: 'rgba(255,255,255,0.92)',
  borderPoint: '#222222',
  card: '#ffffff',
  cardText: '#222222',
  cardMuted: '#5b5f64',
};

export const THEMES: Record<ThemeName, Theme> = { light: LIGHT, dark: DARK, print: PRINT };

/**
 * What the app's panels take from a map theme: the colour scheme of the panels (`app.css` holds
 * the light and dark palettes) and the route colours their legend swatches draw with, so a
 * swatch is always the colour of the line it names.
 */
export function uiTheme(t: Theme): { scheme: 'light' | 'dark'; vars: Record<string, string> } {
  return {
    scheme: t.name === 'dark' ? 'dark' : 'light',
    vars: {
      '--kp': t.KP,
      '--cn': t.CN,
      '--vn': t.VN,
      '--variant': t.variant,
      '--bridge': t.bridge,
    },
  };
}

/** The theme of that name; anything else is the light theme. */
export const themeOf = (name: string | undefined | null): Theme =>
  isThemeName(name) ? THEMES[name] : LIGHT;

/** Colours of the light theme, for callers that draw one theme only. */
export const COLORS = LIGHT;

/** A route colour by country (ISO alpha-2), as every renderer picks it. */
export const railColor = (t: Theme, country: string | undefined): string =>
  country === 'KP' ? t.KP : country === 'CN' ? t.CN : country === 'VN' ? t.VN : t.otherRail;

/**
 * A width that grows linearly with zoom between stops `[zoom, px]` (clamped outside), written once
 * for MapLibre (`widthExpression`) and for the SVG export (`widthAt`).
 */
export type WidthStops = readonly (readonly [number, number])[];

/** Line widths of the route, in CSS px, by zoom. */
export const WIDTHS = {
  variant: [
    [4, 2],
    [10, 4],
  ],
  casing: [
    [4, 5],
    [10, 9],
  ],
  line: [
    [4, 3],
    [10, 5],
  ],
  bridge: [
    [4, 5],
    [12, 10],
  ],
  bridgeGap: [
    [4, 2],
    [12, 4],
  ],
  trail: [
    [4, 4.5],
    [10, 8],
  ],
  border: [
    [4, 0.8],
    [10, 2],
  ],
} satisfies Record<string, WidthStops>;

export function widthExpression(stops: WidthStops): ExpressionSpecification {
  return ['interpolate', ['linear'], ['zoom'], ...stops.flat()] as ExpressionSpecification;
}

export function widthAt(stops: WidthStops, zoom: number): number {
  const first = stops[0]!;
  const last = stops[stops.length - 1]!;
  if (zoom <= first[0]) return first[1];
  if (zoom >= last[0]) return last[1];
  for (let i = 1; i < stops.length; i++) {
    const [z1, v1] = stops[i]!;
    const [z0, v0] = stops[i - 1]!;
    if (zoom <= z1) return v0 + ((zoom - z0) / (z1 - z0)) * (v1 - v0);
  }
  return last[1];
}

/** The route's sources, credited on the live map and on every export. */
export const ROUTE_ATTRIBUTION =
  'Route: traced 1942 lines and public station positions (Wikipedia, CC BY-SA; OpenStreetMap, ODbL); see geo/README.md';

/** The basemap's source, credited on the live map and on every export. */
export const BASEMAP_ATTRIBUTION = 'Basemap: Natural Earth (public domain)';

/** Font stack: Latin from Noto Sans, Hangul from Noto Sans KR, Chinese from Noto Sans SC. */
export const FONT_STACK = ['Noto Sans', 'Noto Sans SC', 'Noto Sans KR'];
/** Principal stations and capitals. */
export const FONT_STACK_BOLD = ['Noto Sans Bold', 'Noto Sans SC', 'Noto Sans KR'];
/** Water: seas, bays, rivers, lakes. */
export const FONT_STACK_ITALIC = ['Noto Sans Italic', 'Noto Sans SC', 'Noto Sans KR'];

/** The label font families the map uses, with the CSS weight and style each is drawn in. */
export const FONT_FACES = [
  { family: 'Noto Sans', css: '16px "Noto Sans"' },
  { family: 'Noto Sans Bold', css: '700 16px "Noto Sans Bold"' },
  { family: 'Noto Sans Italic', css: 'italic 16px "Noto Sans Italic"' },
  { family: 'Noto Sans SC', css: '16px "Noto Sans SC"' },
  { family: 'Noto Sans KR', css: '16px "Noto Sans KR"' },
] as const;

/** Zoom levels of the shipped basemap tiles (MapLibre over-zooms past the last). */
export const BASEMAP_MAX_TILE_ZOOM = 7;

/**
 * Whether a feature is drawn from its `minzoom` (or `labelzoom`). MapLibre evaluates `['zoom']` in
 * filters once per tile, at the tile's whole zoom, so a fractional zoom takes effect at the nearest
 * whole zoom: a town of minzoom 5.4 is drawn from zoom 5, one of 5.5 from zoom 6 (compared with
 * `>=` alone, every fraction would wait for the next whole zoom).
 */
const fromZoom = (key: string): ExpressionSpecification => [
  '>=',
  ['+', ['zoom'], 0.5],
  ['get', key],
];
const SHOWN = fromZoom('minzoom');
const NAMED_FROM = fromZoom('labelzoom');

/** English name, and the local name on a second, smaller line where there is one. */
const nameWithLocal = (scale = 0.85): ExpressionSpecification => [
  'case',
  ['has', 'name_local'],
  ['format', ['get', 'name'], {}, '\n', {}, ['get', 'name_local'], { 'font-scale': scale }],
  ['get', 'name'],
];

/**
 * Names a route's stations already show, so that towns of the same name are not labelled twice:
 * each station's name, and its first word ("Sinuiju Chongnyon" names Sinuiju).
 */
export function stationNames(route: { features: { properties: unknown }[] }): string[] {
  const names = new Set<string>();
  for (const f of route.features) {
    const p = f.properties as { kind?: string; name?: string } | null;
    if (p?.kind !== 'station' || !p.name) continue;
    names.add(p.name);
    names.add(p.name.split(' ')[0]!);
  }
  return [...names];
}

/** Options of the basemap style. */
export interface BasemapOptions {
  theme?: ThemeName;
  /** Place names not drawn because a station of the route already names them. */
  hideNames?: string[];
}

/** The basemap's town layers, whose filter leaves out the names a route's stations already give. */
export const PLACE_LAYERS = ['place-dots', 'place-labels'] as const;

/** The filter of the PLACE_LAYERS: shown at their zoom, and not named in `hideNames`. */
export function placeFilter(hideNames: readonly string[]): FilterSpecification {
  const hidden: ExpressionSpecification | true = hideNames.length
    ? ['!', ['in', ['get', 'name'], ['literal', [...hideNames]]]]
    : true;
  return ['all', SHOWN, hidden] as FilterSpecification;
}

/**
 * The offline basemap: vector tiles made at build time from Natural Earth, served by the app itself
 * (public/basemap/tiles), labels drawn with the page's own web fonts (no `glyphs` server).
 * Water names are blue italic; cities are drawn by rank with their local names.
 */
export function basemapStyle(baseUrl: string, opts: BasemapOptions = {}): StyleSpecification {
  const t = themeOf(opts.theme);
  const tiles = new URL('basemap/tiles/{z}/{x}/{y}.pbf', baseUrl).href
    .replace(/%7B/g, '{')
    .replace(/%7D/g, '}');
  const hidden = placeFilter(opts.hideNames ?? []);
  const src = { source: 'basemap' } as const;
  const layers: LayerSpecification[] = [
    { id: 'sea', type: 'background', paint: { 'background-color': t.sea } },
    {
      id: 'land',
      type: 'fill',
      ...src,
      'source-layer': 'land',
      paint: { 'fill-color': t.land, 'fill-antialias': false },
    },
    {
      id: 'urban',
      type: 'fill',
      ...src,
      'source-layer': 'urban',
      minzoom: 5,
      filter: SHOWN,
      paint: {
        'fill-color': t.urban,
        // 1:50m shapes: a tint at regional zooms, gone before they look coarse
        'fill-opacity': ['interpolate', ['linear'], ['zoom'], 5, 0, 6, 0.8, 9, 0.8, 10.5, 0],
        'fill-antialias': false,
      },
    },
    {
      id: 'rivers',
      type: 'line',
      ...src,
      'source-layer': 'rivers',
      filter: SHOWN,
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': t.river,
        // big rivers (small rank) a little wider; about 1 km wide at zoom 12
        'line-width': [
          'interpolate',
          ['exponential', 1.6],
          ['zoom'],
          3,
          ['case', ['<=', ['get', 'rank'], 5], 1.2, 0.6],
          7,
          ['case', ['<=', ['get', 'rank'], 5], 2.6, ['<=', ['get', 'rank'], 7], 1.5, 1],
          12,
          ['case', ['<=', ['get', 'rank'], 5], 18, ['<=', ['get', 'rank'], 8], 8, 4],
        ],
      },
    },
    {
      id: 'lakes',
      type: 'fill',
      ...src,
      'source-layer': 'water',
      filter: SHOWN,
      paint: { 'fill-color': t.sea },
    },
    {
      id: 'borders',
      type: 'line',
      ...src,
      'source-layer': 'borders',
      paint: {
        'line-color': t.border,
        'line-width': widthExpression(WIDTHS.border),
        'line-dasharray': [3, 2],
      },
    },
    {
      id: 'country-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'countries',
      filter: SHOWN,
      layout: {
        'text-field': [
          'case',
          ['has', 'name_local'],
          [
            'format',
            ['upcase', ['get', 'name']],
            {},
            '\n',
            {},
            ['get', 'name_local'],
            { 'font-scale': 0.8 },
          ],
          ['upcase', ['get', 'name']],
        ],
        'text-font': FONT_STACK,
        'text-size': ['interpolate', ['linear'], ['zoom'], 2, 11, 6, 15],
        'text-letter-spacing': 0.2,
        'text-max-width': 8,
        'text-padding': 6,
      },
      paint: {
        'text-color': t.countryLabel,
        'text-halo-color': t.labelHalo,
        'text-halo-width': 1.2,
      },
    },
    {
      id: 'marine-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'marine',
      filter: ['all', SHOWN, ['<', ['zoom'], ['get', 'maxzoom']]],
      layout: {
        'text-field': nameWithLocal(0.85),
        'text-font': FONT_STACK_ITALIC,
        'text-size': ['match', ['get', 'kind'], ['ocean', 'sea'], 14, 12.5],
        'text-letter-spacing': 0.12,
        'text-max-width': 8,
      },
      paint: { 'text-color': t.waterLabel, 'text-halo-color': t.labelHalo, 'text-halo-width': 1 },
    },
    {
      id: 'lake-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'water',
      filter: ['all', NAMED_FROM, ['has', 'name']],
      layout: {
        'text-field': ['get', 'name'],
        'text-font': FONT_STACK_ITALIC,
        'text-size': 11.5,
        'text-max-width': 7,
      },
      paint: { 'text-color': t.waterLabel, 'text-halo-color': t.labelHalo, 'text-halo-width': 1.2 },
    },
    {
      id: 'peaks',
      type: 'symbol',
      ...src,
      'source-layer': 'peaks',
      filter: SHOWN,
      layout: {
        'text-field': [
          'format',
          '▲ ',
          { 'font-scale': 0.7 },
          ['get', 'name'],
          {},
          [
            'case',
            ['has', 'elevation'],
            ['concat', '\n', ['to-string', ['get', 'elevation']], ' m'],
            '',
          ],
          { 'font-scale': 0.85 },
        ],
        'text-font': FONT_STACK,
        'text-size': 10.5,
        'text-max-width': 8,
      },
      paint: { 'text-color': t.peakLabel, 'text-halo-color': t.labelHalo, 'text-halo-width': 1 },
    },
    {
      id: 'place-dots',
      type: 'circle',
      ...src,
      'source-layer': 'places',
      filter: hidden,
      paint: {
        'circle-radius': ['case', ['>=', ['get', 'capital'], 1], 3, 2.2],
        'circle-color': t.placeDot,
        'circle-stroke-color': t.labelHalo,
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'place-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'places',
      filter: hidden,
      layout: {
        'text-field': nameWithLocal(0.82),
        'text-font': [
          'case',
          ['==', ['get', 'capital'], 2],
          ['literal', FONT_STACK_BOLD],
          ['literal', FONT_STACK],
        ] as DataDrivenPropertyValueSpecification<string[]>,
        // by rank: capitals and big cities larger
        'text-size': ['interpolate', ['linear'], ['get', 'rank'], 0, 14, 4, 12.5, 8, 11],
        'text-variable-anchor': ['left', 'right', 'top', 'bottom'],
        'text-radial-offset': 0.5,
        'text-justify': 'auto',
        'text-max-width': 9,
        'symbol-sort-key': ['get', 'rank'],
      },
      paint: { 'text-color': t.placeLabel, 'text-halo-color': t.labelHalo, 'text-halo-width': 1.3 },
    },
    // after the towns: placed before them (MapLibre places the top layer first)
    {
      id: 'river-labels',
      type: 'symbol',
      ...src,
      'source-layer': 'rivers',
      filter: ['all', NAMED_FROM, ['has', 'name']],
      layout: {
        'symbol-placement': 'line',
        'symbol-spacing': 150,
        // the English name when zoomed out, with the local names ("Yalu / Amnok 鸭绿江 / 압록강")
        // from zoom 9, where the lines are long enough to carry them
        'text-field': [
          'step',
          ['zoom'],
          ['get', 'name'],
          9,
          ['coalesce', ['get', 'label'], ['get', 'name']],
        ],
        'text-font': FONT_STACK_ITALIC,
        // fixed size, tight spacing, default angle: with a zoom-interpolated size or letter spacing
        // MapLibre 6.17 placed no label along these coarse 1:10m lines
        'text-size': 12.5,
      },
      paint: { 'text-color': t.waterLabel, 'text-halo-color': t.labelHalo, 'text-halo-width': 1.2 },
    },
  ];
  return {
    version: 8,
    sources: {
      basemap: {
        type: 'vector',
        tiles: [tiles],
        minzoom: 0,
        maxzoom: BASEMAP_MAX_TILE_ZOOM,
        attribution: 'Basemap: <a href="https://www.naturalearthdata.com/">Natural Earth</a>',
      },
    },
    layers,
  };
}
