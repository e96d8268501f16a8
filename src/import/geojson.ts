import type { Position } from 'geojson';
import type { DataError } from '../domain/data/journey';
import type { ImportResult } from './types';
import { locateJsonErrors, parseJson } from '../domain/data/json-text';
import { capErrors, MAX_ERRORS } from './located';
import { baseName, buildRoute, rangeProblem, type RawLeg, type RawStation } from './route-build';

/** Makes a located error from a JSON Pointer into the file. */
export type ErrorAt = (pointer: string, message: string) => DataError;

const GEOMETRY_TYPES = new Set([
  'Point',
  'MultiPoint',
  'LineString',
  'MultiLineString',
  'Polygon',
  'MultiPolygon',
  'GeometryCollection',
]);

/** True when a parsed JSON value looks like GeoJSON (has a GeoJSON `type`). */
export function looksLikeGeoJson(value: unknown): boolean {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const type = (value as { type?: unknown }).type;
  return (
    typeof type === 'string' &&
    (type === 'FeatureCollection' || type === 'Feature' || GEOMETRY_TYPES.has(type))
  );
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

const describe = (v: unknown): string => {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'string')
    return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return typeof v === 'object' ? 'an object' : `${typeof v} ${String(v)}`;
};

/** Reads GeoJSON (already parsed) into lines and points, collecting every located problem. */
class Reader {
  legs: RawLeg[] = [];
  stations: RawStation[] = [];
  errors: DataError[] = [];
  warnings = new Set<string>();
  has3d = false;

  constructor(private readonly errorAt: ErrorAt) {}

  private problem(pointer: string, message: string): void {
    if (this.errors.length <= MAX_ERRORS) this.errors.push(this.errorAt(pointer, message));
  }

  /** A position, validated; null (with the problem recorded) when it is unusable. */
  position(v: unknown, at: string): [number, number] | null {
    if (!Array.isArray(v) || v.length < 2) {
      this.problem(at, `expected a position [longitude, latitude], got ${describe(v)}`);
      return null;
    }
    const [lon, lat] = v as unknown[];
    if (typeof lon !== 'number') {
      this.problem(at, `longitude is ${describe(lon)}, not a number`);
      return null;
    }
    if (typeof lat !== 'number') {
      this.problem(at, `latitude is ${describe(lat)}, not a number`);
      return null;
    }
    const bad = rangeProblem(lon, lat);
    if (bad) {
      this.problem(at, bad);
      return null;
    }
    if (v.length > 2) this.has3d = true;
    return [lon, lat];
  }

  /** The positions of a LineString's `coordinates`. */
  line(v: unknown, at: string): Position[] | null {
    if (!Array.isArray(v)) {
      this.problem(at, `expected an array of positions, got ${describe(v)}`);
      return null;
    }
    if (v.length < 2) {
      this.problem(at, `a LineString needs 2 positions or more, this one has ${v.length}`);
      return null;
    }
    const out: Position[] = [];
    let ok = true;
    for (let i = 0; i < v.length; i++) {
      const p = this.position(v[i], `${at}/${i}`);
      if (p) out.push(p);
      else ok = false;
      if (this.errors.length > MAX_ERRORS) return null;
    }
    return ok ? out : null;
  }

  geometry(g: unknown, at: string, props: Record<string, unknown>, depth = 0): void {
    if (g === null) {
      this.warnings.add('features without geometry were skipped');
      return;
    }
    if (!isObject(g)) return this.problem(at, `expected a geometry object, got ${describe(g)}`);
    const type = g['type'];
    const coords = g['coordinates'];
    const cAt = `${at}/coordinates`;
    if (type === 'LineString') {
      const line = this.line(coords, cAt);
      if (line) this.legs.push({ coords: line, props, errorAt: (m) => this.errorAt(cAt, m) });
    } else if (type === 'MultiLineString') {
      if (!Array.isArray(coords) || coords.length === 0)
        return this.problem(cAt, `expected an array of lines, got ${describe(coords)}`);
      const parts = coords.map((part, k) => this.line(part, `${cAt}/${k}`));
      if (parts.every((p): p is Position[] => p !== null))
        this.legs.push({ coords: parts.flat(), props, errorAt: (m) => this.errorAt(cAt, m) });
    } else if (type === 'Point') {
      const p = this.position(coords, cAt);
      if (p) this.stations.push({ lon: p[0], lat: p[1], props });
    } else if (type === 'GeometryCollection') {
      const list = g['geometries'];
      if (!Array.isArray(list))
        return this.problem(
          `${at}/geometries`,
          `expected an array of geometries, got ${describe(list)}`,
        );
      if (depth > 8) return this.problem(at, 'geometry collections nested too deep');
      list.forEach((child, k) => this.geometry(child, `${at}/geometries/${k}`, props, depth + 1));
    } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
      this.warnings.add(`${type} geometries were ignored (a route is made of lines and points)`);
    } else {
      this.problem(`${at}/type`, `unknown geometry type ${describe(type)}`);
    }
  }

  feature(f: unknown, at: string): void {
    if (!isObject(f) || f['type'] !== 'Feature')
      return this.problem(
        at,
        `expected a Feature, got ${isObject(f) ? `type ${describe(f['type'])}` : describe(f)}`,
      );
    const props = f['properties'];
    if (props !== null && props !== undefined && !isObject(props))
      return this.problem(`${at}/properties`, `expected an object or null, got ${describe(props)}`);
    this.geometry(f['geometry'], `${at}/geometry`, props ?? {});
  }
}

/** The route's title: a FeatureCollection's `name`, else its first line's name, else the file's. */
function titleOf(root: Record<string, unknown>, reader: Reader, fileName: string): string {
  const own =
    root['name'] ?? (isObject(root['properties']) ? root['properties']['name'] : undefined);
  if (typeof own === 'string' && own.trim()) return own.trim().slice(0, 200);
  const first = reader.legs[0]?.props['name'];
  if (typeof first === 'string' && first.trim() && reader.legs.length === 1)
    return first.trim().slice(0, 200);
  return baseName(fileName);
}

/**
 * Converts a parsed GeoJSON value (FeatureCollection, Feature or bare geometry) into a route:
 * LineStrings become legs in file order, a MultiLineString's parts are joined into one leg, named
 * Points become stations, 3D positions lose their height. Every problem is reported at its JSON
 * Pointer through `errorAt`.
 */
export function geoJsonToRoute(value: unknown, fileName: string, errorAt: ErrorAt): ImportResult {
  if (!isObject(value))
    return {
      ok: false,
      errors: [errorAt('', `expected a GeoJSON object, got ${describe(value)}`)],
    };
  const reader = new Reader(errorAt);
  const type = value['type'];
  if (type === 'FeatureCollection') {
    const features = value['features'];
    if (!Array.isArray(features))
      return {
        ok: false,
        errors: [errorAt('/features', `expected an array of features, got ${describe(features)}`)],
      };
    features.forEach(
      (f, i) => reader.errors.length <= MAX_ERRORS && reader.feature(f, `/features/${i}`),
    );
  } else if (type === 'Feature') {
    reader.feature(value, '');
  } else if (typeof type === 'string' && GEOMETRY_TYPES.has(type)) {
    reader.geometry(value, '', {});
  } else {
    return {
      ok: false,
      errors: [
        errorAt(type === undefined ? '' : '/type', `not GeoJSON: "type" is ${describe(type)}`),
      ],
    };
  }
  if (reader.errors.length) return { ok: false, errors: capErrors(reader.errors) };

  const built = buildRoute(reader.legs, reader.stations, fileName, (m) => errorAt('', m));
  if (!built.ok) return built;
  const warnings = [...reader.warnings, ...built.warnings];
  if (reader.has3d) warnings.push('3D positions: heights were dropped');
  return {
    ok: true,
    value: { name: titleOf(value, reader, fileName), fileName, route: built.route, warnings },
  };
}

/** Parses a GeoJSON file's text into a route; errors carry the JSON path and line:column. */
export function importGeoJson(text: string, fileName: string): ImportResult {
  const json = parseJson(text, fileName);
  return json.ok ? geoJsonFromText(json.value, text, fileName) : json;
}

/** `geoJsonToRoute` of a value parsed from `text`, its errors located in the text. */
export function geoJsonFromText(value: unknown, text: string, fileName: string): ImportResult {
  const result = geoJsonToRoute(value, fileName, (path, message) => ({
    file: fileName,
    path,
    message,
  }));
  return result.ok ? result : { ok: false, errors: locateJsonErrors(text, result.errors) };
}
