/** Where the map looks: MapLibre's own hash order, `zoom/lat/lon[/bearing]`. */
export interface MapCamera {
  zoom: number;
  lat: number;
  lon: number;
  /** Degrees clockwise from north; left out when 0. */
  bearing?: number;
}

/** What the URL hash holds so that reloading or sharing reopens the same view. */
export interface ViewState {
  /** The instant shown, UTC ms. */
  tMs?: number;
  /** Scenario ids shown as trains. */
  scenarios?: string[];
  rate?: number;
  camera?: 'follow' | 'free';
  variant?: string;
  journey?: string;
  /** A fraction 0…1 of the time axis, used instead of `tMs` by the export command line. */
  progress?: number;
  /** The map view; absent, the map fits the whole route. */
  map?: MapCamera;
  /** The map theme's name (the map layer knows which exist); absent, the default theme. */
  theme?: string;
  /** Embedded in another page (`#embed`): the map, the player and the finding, no side panel. */
  embed?: boolean;
}

const round = (x: number, digits: number): number => Number(x.toFixed(digits));

/** A plain decimal number as people write it: `12`, `-3.5`, `.5`, `1e3`; not `0x10`, `0b1`, `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The decimal number `raw` spells, or NaN for anything else (`Number()` also takes hex, binary, ''). */
export const decimal = (raw: string | null): number =>
  raw !== null && DECIMAL.test(raw.trim()) ? Number(raw) : NaN;

/** `zoom/lat/lon[/bearing]`, rounded to what a screen can show (about 10 m at zoom 18). */
export function encodeCamera(c: MapCamera): string {
  const parts = [round(c.zoom, 2), round(c.lat, 5), round(c.lon, 5)];
  const bearing = round(c.bearing ?? 0, 1);
  if (bearing !== 0) parts.push(bearing);
  return parts.join('/');
}

/** Parses `zoom/lat/lon[/bearing]`; anything out of range or malformed gives undefined. */
export function decodeCamera(raw: string): MapCamera | undefined {
  const parts = raw.split('/');
  if (parts.length < 3 || parts.length > 4 || parts.some((x) => x.trim() === '')) return undefined;
  const [zoom, lat, lon, bearing = 0] = parts.map(decimal) as [number, number, number, number?];
  const ok =
    [zoom, lat, lon, bearing].every(Number.isFinite) &&
    zoom >= 0 &&
    zoom <= 24 &&
    Math.abs(lat) <= 85.06 &&
    Math.abs(lon) <= 180 &&
    Math.abs(bearing) <= 360;
  if (!ok) return undefined;
  return bearing === 0 ? { zoom, lat, lon } : { zoom, lat, lon, bearing };
}

/** Encodes a view as a URL hash: `#t=2025-09-02T03:00:00Z&s=timeline,50kmh&rate=3600&cam=follow`. */
export function encodeHash(v: ViewState): string {
  const p = new URLSearchParams();
  if (v.journey) p.set('j', v.journey);
  if (v.tMs !== undefined && Number.isFinite(v.tMs)) {
    p.set('t', new Date(Math.round(v.tMs / 1000) * 1000).toISOString().replace('.000Z', 'Z'));
  }
  if (v.scenarios) p.set('s', v.scenarios.join(','));
  if (v.rate !== undefined) p.set('rate', String(v.rate));
  if (v.camera) p.set('cam', v.camera);
  if (v.variant) p.set('v', v.variant);
  if (v.progress !== undefined) p.set('p', String(v.progress));
  if (v.map) p.set('map', encodeCamera(v.map));
  if (v.theme) p.set('theme', v.theme);
  if (v.embed) p.set('embed', '1');
  const s = p.toString().replaceAll('%2C', ',').replaceAll('%3A', ':').replaceAll('%2F', '/');
  return s ? `#${s}` : '';
}

/** Decodes a hash; values that do not parse are left out (the app keeps its defaults for them). */
export function decodeHash(hash: string): ViewState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const v: ViewState = {};
  const t = p.get('t');
  if (t) {
    const ms = Date.parse(t);
    if (Number.isFinite(ms)) v.tMs = ms;
  }
  const s = p.get('s');
  if (s !== null) v.scenarios = s.split(',').filter(Boolean);
  const rate = decimal(p.get('rate'));
  if (p.has('rate') && Number.isFinite(rate) && rate > 0) v.rate = rate;
  const cam = p.get('cam');
  if (cam === 'follow' || cam === 'free') v.camera = cam;
  const variant = p.get('v');
  if (variant && /^[A-Z]$/.test(variant)) v.variant = variant;
  const progress = decimal(p.get('p'));
  if (p.has('p') && Number.isFinite(progress) && progress >= 0 && progress <= 1)
    v.progress = progress;
  const journey = p.get('j');
  if (journey && /^[\w-]+$/.test(journey)) v.journey = journey;
  const map = decodeCamera(p.get('map') ?? '');
  if (map) v.map = map;
  const theme = p.get('theme');
  if (theme && /^[a-z]{1,16}$/.test(theme)) v.theme = theme;
  // `#embed`, `#embed=1` or `#…&embed`; `embed=0` is off
  if (p.has('embed') && p.get('embed') !== '0') v.embed = true;
  return v;
}
