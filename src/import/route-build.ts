import type { Position } from 'geojson';
import type {
  LegFeature,
  LegProps,
  RouteCollection,
  StationFeature,
  StationProps,
} from '../domain/route/route';
import type { DataError } from '../domain/data/journey';

/** A line read from a file: validated [lon, lat] pairs in −180…180 / −90…90, in travel order. */
export interface RawLeg {
  coords: Position[];
  /** Properties from the file (a project route's leg properties are kept as they are). */
  props: Record<string, unknown>;
  /** Where the line is, for messages about it. */
  errorAt: (message: string) => DataError;
}

/** A named point read from a file. */
export interface RawStation {
  lon: number;
  lat: number;
  props: Record<string, unknown>;
}

/** More legs than `legOfVertex` (a Uint16Array) can number. */
export const MAX_LEGS = 60_000;
/** Stations beyond this are dropped: each is placed on the line by a nearest-point search. */
export const MAX_STATIONS = 2_000;
/** Longer names are cut: a label is not an essay. */
export const MAX_NAME = 200;

export type Built =
  { ok: true; route: RouteCollection; warnings: string[] } | { ok: false; errors: DataError[] };

const str = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof v === 'number' && Number.isFinite(v) ? String(v) : undefined;

const strings = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length > 0 && v.every((x) => typeof x === 'string')
    ? (v as string[])
    : undefined;

function clip(name: string, warnings: string[]): string {
  if (name.length <= MAX_NAME) return name;
  warnings.push(`a name longer than ${MAX_NAME} characters was shortened`);
  return `${name.slice(0, MAX_NAME)}…`;
}

/** A project route's leg properties, kept; anything else gets plain ones from its name. */
function legProps(
  props: Record<string, unknown>,
  index: number,
  count: number,
  fileName: string,
  warnings: string[],
): LegProps {
  const own = ['id', 'line', 'from', 'to', 'country', 'source'].map((k) => props[k]);
  if (props['kind'] === 'leg' && own.every((v) => typeof v === 'string')) {
    const [id, line, from, to, country, source] = own as string[];
    const variants = strings(props['variants']);
    const local = str(props['line_local']);
    const km = props['published_km'];
    return {
      kind: 'leg',
      id: id!,
      line: clip(line!, warnings),
      ...(local ? { line_local: clip(local, warnings) } : {}),
      from: clip(from!, warnings),
      to: clip(to!, warnings),
      country: country!,
      ...(variants ? { variants } : {}),
      ...(typeof km === 'number' && Number.isFinite(km) ? { published_km: km } : {}),
      ...(typeof props['published_km_source'] === 'string'
        ? { published_km_source: props['published_km_source'] }
        : {}),
      source: source!,
    };
  }
  const name = str(props['name']) ?? str(props['title']);
  const line = clip(name ?? (count === 1 ? 'Route' : `Part ${index + 1}`), warnings);
  return {
    kind: 'leg',
    id: `leg-${index + 1}`,
    line,
    from: index === 0 ? 'Start' : `${line} start`,
    to: index === count - 1 ? 'End' : `${line} end`,
    country: str(props['country']) ?? '',
    source: fileName,
  };
}

/** Up to this many named points of a file are labelled from the start and get timeline ticks. */
export const LABELLED_STATIONS_MAX = 40;

function stationProps(
  props: Record<string, unknown>,
  index: number,
  fileName: string,
  warnings: string[],
  few: boolean,
): StationProps {
  const own = str(props['name']) ?? str(props['title']);
  const name = own ?? `Point ${index + 1}`;
  const local = str(props['name_local']);
  const variants = strings(props['variants']);
  return {
    kind: props['kind'] === 'border' ? 'border' : 'station',
    name: clip(name, warnings),
    ...(local ? { name_local: clip(local, warnings) } : {}),
    country: str(props['country']) ?? '',
    ...(typeof props['principal'] === 'boolean'
      ? { principal: props['principal'] }
      : own && few
        ? { principal: true }
        : {}),
    ...(variants ? { variants } : {}),
    source: typeof props['source'] === 'string' ? props['source'] : fileName,
  };
}

/**
 * Turns lines and points read from a file into a route collection: consecutive repeated vertices
 * are dropped, and longitudes are made continuous along the whole route (a line crossing the
 * antimeridian goes on past 180° instead of jumping to −180°). MapLibre draws longitudes beyond
 * ±180 in the neighbouring world copy, so such a line is drawn unbroken across the antimeridian;
 * Turf's distances are unchanged by the ±360° shift. Stations are shifted by 360° likewise to sit
 * beside the line. A route whose points all coincide is refused.
 */
export function buildRoute(
  rawLegs: RawLeg[],
  rawStations: RawStation[],
  fileName: string,
  errorAtDocument: (message: string) => DataError,
): Built {
  const warnings: string[] = [];
  if (rawLegs.length === 0) {
    const message =
      rawStations.length === 1
        ? 'a single point is not a route: the file needs a line (LineString, MultiLineString, GPX track or route)'
        : `no line to follow (${rawStations.length} points, no LineString, MultiLineString, GPX track or route)`;
    return { ok: false, errors: [errorAtDocument(message)] };
  }
  if (rawLegs.length > MAX_LEGS)
    return {
      ok: false,
      errors: [errorAtDocument(`${rawLegs.length} lines: at most ${MAX_LEGS} are supported`)],
    };

  let repeated = 0;
  const legs = rawLegs.map((leg) => {
    const out: Position[] = [];
    let prev: Position | undefined;
    for (const p of leg.coords) {
      if (prev && prev[0] === p[0] && prev[1] === p[1]) {
        repeated++;
        continue;
      }
      out.push(p);
      prev = p;
    }
    return out;
  });
  if (repeated > 0) warnings.push(`${repeated} repeated consecutive points were dropped`);

  const first = legs[0]![0]!;
  const moves = legs.some((l) => l.length > 1 || l[0]![0] !== first[0] || l[0]![1] !== first[1]);
  if (!moves)
    return {
      ok: false,
      errors: [
        rawLegs[0]!.errorAt(
          `the route has zero length: all its points are at longitude ${first[0]}, latitude ${first[1]}`,
        ),
      ],
    };

  // continuous longitudes along the whole route, across legs
  let shift = 0;
  let prevLon: number | undefined;
  let minLon = Infinity;
  let maxLon = -Infinity;
  const unwrapped = legs.map((coords) =>
    coords.map(([lon, lat]) => {
      if (prevLon !== undefined) {
        const jump = lon! + shift - prevLon;
        if (jump > 180) shift -= 360;
        else if (jump < -180) shift += 360;
      }
      const x = lon! + shift;
      prevLon = x;
      if (x < minLon) minLon = x;
      if (x > maxLon) maxLon = x;
      return [x, lat!];
    }),
  );
  if (minLon < -180 || maxLon > 180)
    warnings.push('the route crosses the antimeridian: longitudes continue past ±180°');

  const legFeatures: LegFeature[] = unwrapped.map((coords, i) => ({
    type: 'Feature',
    properties: legProps(rawLegs[i]!.props, i, unwrapped.length, fileName, warnings),
    geometry: {
      type: 'LineString',
      coordinates: coords.length > 1 ? coords : [coords[0]!, coords[0]!],
    },
  }));

  // the map, the distance panel and the schedule key legs by id: two legs with one id would
  // break them, so the file is refused at the second one
  const firstWithId = new Map<string, number>();
  for (const [i, f] of legFeatures.entries()) {
    const id = f.properties.id;
    const earlier = firstWithId.get(id);
    if (earlier !== undefined)
      return {
        ok: false,
        errors: [
          rawLegs[i]!.errorAt(
            `leg id "${id}" is used twice (legs ${earlier + 1} and ${i + 1}): each leg needs its own id`,
          ),
        ],
      };
    firstWithId.set(id, i);
  }

  if (rawStations.length > MAX_STATIONS)
    warnings.push(
      `${rawStations.length - MAX_STATIONS} points after the first ${MAX_STATIONS} were left out`,
    );
  const mid = (minLon + maxLon) / 2;
  const stationFeatures: StationFeature[] = rawStations.slice(0, MAX_STATIONS).map((s, i) => {
    const lon = [s.lon - 360, s.lon, s.lon + 360].reduce((a, b) =>
      Math.abs(b - mid) < Math.abs(a - mid) ? b : a,
    );
    return {
      type: 'Feature',
      properties: stationProps(
        s.props,
        i,
        fileName,
        warnings,
        rawStations.length <= LABELLED_STATIONS_MAX,
      ),
      geometry: { type: 'Point', coordinates: [lon, s.lat] },
    };
  });

  return {
    ok: true,
    route: { type: 'FeatureCollection', features: [...legFeatures, ...stationFeatures] },
    warnings: [...new Set(warnings)],
  };
}

/** The name of a file without its extension: "Trip to Hanoi.gpx" → "Trip to Hanoi". */
export const baseName = (fileName: string): string =>
  (fileName.split(/[\\/]/).pop() ?? fileName).replace(/\.[^.]+$/, '') || fileName;

/** Checks a longitude and latitude; a message naming the bad one, or null. */
export function rangeProblem(lon: number, lat: number): string | null {
  if (!Number.isFinite(lon)) return `longitude ${String(lon)} is not a finite number`;
  if (!Number.isFinite(lat)) return `latitude ${String(lat)} is not a finite number`;
  if (lon < -180 || lon > 180) return `longitude ${lon} is outside −180…180`;
  if (lat < -90 || lat > 90) return `latitude ${lat} is outside −90…90`;
  return null;
}

const rad = (deg: number): number => ((deg % 360) * Math.PI) / 180;
const EARTH_RADIUS_KM = 6371008.8 / 1000;

/** Great-circle distance in km, the same formula and radius as Turf's `distance` (bit for bit). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dLat = rad(lat2 - lat1);
  const dLon = rad(lon2 - lon1);
  const a =
    Math.pow(Math.sin(dLat / 2), 2) +
    Math.pow(Math.sin(dLon / 2), 2) * Math.cos(rad(lat1)) * Math.cos(rad(lat2));
  return 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a)) * EARTH_RADIUS_KM;
}
