import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distance } from '@turf/turf';
import { isLeg, isStation, measureRoute } from '../domain/route/route';
import { importGeoJson } from './geojson';
import { formatImportError } from '../domain/data/data-error';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/import', name), 'utf8');

describe('importGeoJson', () => {
  it('importGeoJson(FeatureCollection) keeps the legs in order and the named points as stations', () => {
    const r = importGeoJson(fixture('route.geojson'), 'route.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Dong Dang to Hanoi (test route)');
    const legs = r.value.route.features.filter(isLeg);
    expect(legs.map((l) => l.properties.line)).toEqual(['Dong Dang – Kep', 'Kep – Hanoi']);
    expect(legs[0]!.properties.from).toBe('Start');
    expect(legs[1]!.properties.to).toBe('End');
    const stations = r.value.route.features.filter(isStation);
    expect(stations.map((s) => s.properties.name)).toEqual(['Dong Dang', 'Kep', 'Hanoi']);
    const m = measureRoute(r.value.route);
    expect(m.stations.map((s) => s.name)).toEqual(['Dong Dang', 'Kep', 'Hanoi']);
    expect(m.totalKm).toBeGreaterThan(130);
    expect(m.totalKm).toBeLessThan(160);
  });

  it('reports a longitude out of range at its JSON path, line and column', () => {
    const r = importGeoJson(fixture('bad-longitude.geojson'), 'bad-longitude.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({
      file: 'bad-longitude.geojson',
      path: '/features/3/geometry/coordinates/2',
      message: 'longitude 191.2 is outside −180…180',
    });
    expect(formatImportError(r.errors[0]!)).toBe(
      `bad-longitude.geojson:${r.errors[0]!.line}:${r.errors[0]!.column}: features[3].geometry.coordinates[2]: longitude 191.2 is outside −180…180`,
    );
    const lines = fixture('bad-longitude.geojson').split('\n');
    expect(lines[r.errors[0]!.line! - 1]!.slice(r.errors[0]!.column! - 1)).toMatch(/^\[\s*$|^\[/);
  });

  it('drops heights and repeated vertices and joins a MultiLineString into one leg', () => {
    const r = importGeoJson(fixture('line-3d.geojson'), 'line-3d.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const legs = r.value.route.features.filter(isLeg);
    expect(legs).toHaveLength(1);
    expect(legs[0]!.geometry.coordinates).toEqual([
      [7.0, 46.0],
      [7.01, 46.0],
      [7.02, 46.01],
      [7.03, 46.02],
    ]);
    expect(r.value.warnings).toContain('3D positions: heights were dropped');
    expect(r.value.warnings).toContain('2 repeated consecutive points were dropped');
  });

  it('unwraps a line across the antimeridian, so its length is the short way round', () => {
    const r = importGeoJson(fixture('antimeridian.geojson'), 'antimeridian.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const leg = r.value.route.features.filter(isLeg)[0]!;
    expect(leg.geometry.coordinates.map((p) => p[0])).toEqual([179, 179.8, 180.2, 181]);
    const station = r.value.route.features.filter(isStation)[0]!;
    expect(station.geometry.coordinates[0]).toBe(181);
    const m = measureRoute(r.value.route);
    const direct =
      distance([179, 65], [179.8, 65.1], { units: 'kilometers' }) +
      distance([179.8, 65.1], [-179.8, 65.2], { units: 'kilometers' }) +
      distance([-179.8, 65.2], [-179, 65.3], { units: 'kilometers' });
    expect(m.totalKm).toBeCloseTo(direct, 9);
    expect(m.totalKm).toBeLessThan(120);
    expect(m.stations[0]!.km).toBeCloseTo(m.totalKm, 3);
  });

  it('refuses a single point', () => {
    const r = importGeoJson(fixture('single-point.geojson'), 'single-point.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toMatch(/^a single point is not a route/);
    expect(r.errors[0]!.line).toBe(1);
  });

  it('refuses a zero-length route, naming where its points are', () => {
    const r = importGeoJson(fixture('zero-length.geojson'), 'zero-length.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({
      path: '/geometry/coordinates',
      message: 'the route has zero length: all its points are at longitude 125.75, latitude 39.03',
    });
  });

  it('reports a JSON syntax error with its line and column', () => {
    const r = importGeoJson(fixture('syntax-error.geojson'), 'syntax-error.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'syntax-error.geojson', line: 4 });
    expect(r.errors[0]!.message).toMatch(/^not valid JSON/);
  });

  it('keeps an HTML payload in a name as plain text', () => {
    const r = importGeoJson(fixture('xss-station.geojson'), 'xss-station.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.value.route.features.filter(isStation)[0]!.properties.name).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });

  it('accepts a bare LineString geometry', () => {
    const r = importGeoJson('{"type":"LineString","coordinates":[[0,0],[1,1]]}', 'bare.json');
    expect(r.ok).toBe(true);
  });

  it('reports every kind of bad position at its path', () => {
    const text = JSON.stringify({
      type: 'LineString',
      coordinates: [[0, 0], 'x', [1], ['1', 2], [1, '2'], [1, 95], [1, 2]],
    });
    const r = importGeoJson(text, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.path, e.message])).toEqual([
      ['/coordinates/1', 'expected a position [longitude, latitude], got the string "x"'],
      ['/coordinates/2', 'expected a position [longitude, latitude], got an array'],
      ['/coordinates/3', 'longitude is the string "1", not a number'],
      ['/coordinates/4', 'latitude is the string "2", not a number'],
      ['/coordinates/5', 'latitude 95 is outside −90…90'],
    ]);
  });

  it("keeps a project route's leg properties (ids, countries, routings)", () => {
    const text = readFileSync(
      join(import.meta.dirname, '../../geo/routes/pyongyang-beijing.geojson'),
      'utf8',
    );
    const r = importGeoJson(text, 'pyongyang-beijing.geojson');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const original = JSON.parse(text) as {
      features: { properties: { kind: string; id: string; country: string } }[];
    };
    const legs = original.features.filter((f) => f.properties.kind === 'leg');
    expect(
      r.value.route.features.filter(isLeg).map((l) => [l.properties.id, l.properties.country]),
    ).toEqual(legs.map((l) => [l.properties.id, l.properties.country]));
  });

  it('refuses two legs with one id at the second, naming both', () => {
    const leg = (id: string, lon: number) => ({
      type: 'Feature',
      properties: { kind: 'leg', id, line: 'L', from: 'a', to: 'b', country: 'CN', source: 's' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [lon, 40],
          [lon + 1, 40],
        ],
      },
    });
    const text = JSON.stringify(
      { type: 'FeatureCollection', features: [leg('x', 100), leg('y', 101), leg('x', 102)] },
      null,
      1,
    );
    const r = importGeoJson(text, 'dup.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({
      path: '/features/2/geometry/coordinates',
      message: 'leg id "x" is used twice (legs 1 and 3): each leg needs its own id',
    });
    expect(r.errors[0]!.line).toBeGreaterThan(1);
  });

  it('locates NaN in the JSON at its own line and column, not at 1:1', () => {
    const text =
      '{"type":"FeatureCollection","features":[{"type":"Feature","properties":{},\n"geometry":{"type":"LineString","coordinates":[[1,2],[NaN,3]]}}]}';
    const r = importGeoJson(text, 'nan.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 2, column: text.split('\n')[1]!.indexOf('NaN') + 1 });
  });

  it('answers a million-deep nesting with a located message, not a stack overflow', () => {
    const deep = '['.repeat(1_000_000) + ']'.repeat(1_000_000);
    const r = importGeoJson(deep, 'deep.geojson');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ file: 'deep.geojson', line: 1, column: 1 });
    expect(r.errors[0]!.message).not.toMatch(/stack/i);
    const deepObject = '{"a":'.repeat(200_000) + '1' + '}'.repeat(200_000);
    expect(() => importGeoJson(deepObject, 'deep2.geojson')).not.toThrow();
  });
});
