import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { distance, length } from '@turf/turf';
import type { Feature, FeatureCollection, LineString, Point } from 'geojson';
import { nearestLegFinder } from './nearest-leg';

const file = join(import.meta.dirname, '../../geo/routes/pyongyang-dongdang-2019.geojson');
const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection;
const legs = fc.features.filter((f): f is Feature<LineString> => f.geometry.type === 'LineString');
const stations = fc.features.filter((f): f is Feature<Point> => f.geometry.type === 'Point');
const variants = [...new Set(legs.flatMap((l) => l.properties?.variants as string[]))].sort();
const legsOf = (v: string) => legs.filter((l) => (l.properties?.variants as string[]).includes(v));

describe('route data (geo/routes/pyongyang-dongdang-2019.geojson)', () => {
  it.each(variants)('the legs of routing %s connect end to start within 50 m', (v) => {
    const chain = legsOf(v);
    for (let i = 1; i < chain.length; i++) {
      const end = chain[i - 1]!.geometry.coordinates.at(-1)!;
      const start = chain[i]!.geometry.coordinates[0]!;
      expect(distance(end, start, { units: 'meters' }), chain[i]!.properties?.id).toBeLessThan(50);
    }
  });

  it('runs from Pyongyang to Dong Dang in Vietnam', () => {
    for (const v of variants) {
      const chain = legsOf(v);
      expect(chain[0]!.properties?.from).toBe('Pyongyang');
      expect(chain.at(-1)!.properties?.country).toBe('VN');
    }
  });

  it('places every station within 200 m of a leg', () => {
    const nearestM = nearestLegFinder(legs);
    for (const s of stations) {
      const d = nearestM(s);
      expect(d, String(s.properties?.name)).toBeLessThan(200);
    }
  });

  it('gives every feature a source and keeps vertices within 5 km of each other', () => {
    for (const f of fc.features) expect(String(f.properties?.source ?? '').trim()).not.toBe('');
    for (const l of legs) {
      const c = l.geometry.coordinates;
      for (let i = 1; i < c.length; i++)
        expect(distance(c[i - 1]!, c[i]!, { units: 'kilometers' })).toBeLessThanOrEqual(5);
    }
  });

  it('measures each routing at 3,700–4,100 km (about 4,000 km reported by CGTN)', () => {
    for (const v of variants) {
      const km = legsOf(v).reduce((s, l) => s + length(l, { units: 'kilometers' }), 0);
      expect(km).toBeGreaterThan(3700);
      expect(km).toBeLessThan(4100);
    }
  });
});
