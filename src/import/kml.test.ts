import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLeg, isStation } from '../domain/route/route';
import { importKml } from './kml';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/import', name), 'utf8');

describe('importKml', () => {
  it('importKml(Document) turns LineString placemarks into legs and named Points into stations', () => {
    const r = importKml(fixture('route.kml'), 'route.kml');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Nanning to Pingxiang (test KML)');
    const legs = r.value.route.features.filter(isLeg);
    expect(legs).toHaveLength(1);
    expect(legs[0]!.properties.line).toBe('Hunan–Guangxi line (test)');
    expect(legs[0]!.geometry.coordinates).toHaveLength(4);
    expect(legs[0]!.geometry.coordinates[0]).toEqual([108.32, 22.817]);
    expect(r.value.route.features.filter(isStation).map((s) => s.properties.name)).toEqual([
      'Nanning',
      'Pingxiang',
    ]);
  });

  it('reports a bad coordinate at its placemark’s line', () => {
    const r = importKml(fixture('bad-coordinate.kml'), 'bad-coordinate.kml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      {
        file: 'bad-coordinate.kml',
        path: '',
        line: 8,
        column: 5,
        message: '<Placemark> 2, coordinates[1]: longitude 207.36 is outside −180…180',
      },
    ]);
  });

  it('reports KML that is not well formed with its line', () => {
    const r = importKml(fixture('broken.kml'), 'broken.kml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 6, column: 5 });
    expect(r.errors[0]!.message).toMatch(/^not well-formed XML: closing tag <\/Placemark>/);
  });
});
