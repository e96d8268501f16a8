import { describe, expect, it } from 'vitest';
import { measureRoute, isLeg } from '../domain/route/route';
import { positionAt } from '../domain/route/position';
import { importGpx } from './gpx';
import { prepareImport, simplifyRoute, thinTimeline } from './prepare';
import { handle } from './import.worker';
import fc from 'fast-check';
import type { RouteCollection } from '../domain/route/route';
import { leg } from '../../tests/fixtures/routes';
import { bigGpx } from '../../tests/fixtures/big-gpx';
import { dpImportance, keepMostImportant, segmentDistance } from './simplify';

describe('prepareImport', () => {
  const text = [...bigGpx(60_000)].join('');
  const imported = importGpx(text, 'big.gpx');
  if (!imported.ok) throw new Error('fixture did not import');

  it('prepareImport draws at most the vertex budget but measures the full line', () => {
    const full = measureRoute(imported.value.route);
    const p = prepareImport(imported.value, 5_000);
    const drawn = p.route.features
      .filter(isLeg)
      .reduce((n, l) => n + l.geometry.coordinates.length, 0);
    expect(drawn).toBe(5_000);
    expect(p.stats).toEqual({ vertices: 60_000, displayVertices: 5_000, fullKm: full.totalKm });
    const m = p.measuredVariants![0]!.route;
    expect(m.totalKm).toBeCloseTo(full.totalKm, 6);
    expect(m.lon.length).toBe(5_000);
    // km never go backwards, and the timeline's last knot is the full length
    for (let i = 1; i < m.cumKm.length; i++)
      expect(m.cumKm[i]!).toBeGreaterThanOrEqual(m.cumKm[i - 1]!);
    expect(p.timeline!.knots.at(-1)!.km).toBeCloseTo(m.totalKm, 6);
    // a drawn vertex is at the same km on both lines
    const i = 1234;
    const fullIndex = [...full.lon].findIndex((x, k) => x === m.lon[i] && full.lat[k] === m.lat[i]);
    expect(m.cumKm[i]).toBeCloseTo(full.cumKm[fullIndex]!, 9);
  });

  it('the position at a km stays within metres of the full line', () => {
    const full = measureRoute(imported.value.route);
    const p = prepareImport(imported.value, 5_000);
    for (const km of [0.5, 17.3, 100, 333.3, full.totalKm - 1]) {
      const a = positionAt(full, km);
      const b = positionAt(p.measuredVariants![0]!.route, km);
      expect(Math.hypot(a.lon - b.lon, a.lat - b.lat)).toBeLessThan(0.001);
    }
  });

  it('leaves a small route as it is', () => {
    const small = importGpx(
      '<gpx><trk><trkseg><trkpt lat="1" lon="1"/><trkpt lat="2" lon="2"/></trkseg></trk></gpx>',
      's.gpx',
    );
    if (!small.ok) throw new Error('fixture did not import');
    const p = prepareImport(small.value);
    expect(p.route).toBe(small.value.route);
    expect(p.measuredVariants![0]!.route.totalKm).toBeCloseTo(
      measureRoute(small.value.route).totalKm,
      9,
    );
  });

  it('thinTimeline keeps the first and last knots and the shape of km over time', () => {
    const t = imported.value.timeline!;
    const thin = thinTimeline(t, 1_000);
    expect(thin.knots).toHaveLength(1_000);
    expect(thin.knots[0]).toEqual(t.knots[0]);
    expect(thin.knots.at(-1)).toEqual(t.knots.at(-1));
  });
});

describe('dpImportance', () => {
  it('keeping the k most important vertices keeps the corner of an L', () => {
    const lon = [0, 1, 2, 3, 3, 3, 3];
    const lat = [0, 0, 0, 0, 1, 2, 3];
    const keep = keepMostImportant(dpImportance(7, segmentDistance(lon, lat, 1)), 3);
    expect([...keep]).toEqual([1, 0, 0, 1, 0, 0, 1]);
  });
});

describe('simplifyRoute', () => {
  it('simplifyRoute(route, max) keeps every line with at least its two ends, whatever the budget', () => {
    const line = fc.array(
      fc.tuple(
        fc.double({ min: -170, max: 170, noNaN: true }),
        fc.double({ min: -80, max: 80, noNaN: true }),
      ),
      { minLength: 2, maxLength: 12 },
    );
    fc.assert(
      fc.property(
        fc.array(line, { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 2, max: 300 }),
        (lines, max) => {
          const route: RouteCollection = {
            type: 'FeatureCollection',
            features: lines.map((c, i) => leg(`l${i}`, 'CN', c)),
          };
          const simplified = simplifyRoute(route, max).features.filter(isLeg);
          expect(simplified).toHaveLength(lines.length);
          simplified.forEach((l, i) => {
            const c = l.geometry.coordinates;
            expect(c.length).toBeGreaterThanOrEqual(2);
            expect(c[0]).toBe(lines[i]![0]);
            expect(c.at(-1)).toBe(lines[i]!.at(-1));
          });
          const total = simplified.reduce((n, l) => n + l.geometry.coordinates.length, 0);
          expect(total).toBeLessThanOrEqual(Math.max(max, 2 * lines.length));
        },
      ),
    );
  });

  it('a GeoJSON of 60,000 lines (the most a route may have) imports through the worker', () => {
    const features = Array.from({ length: 60_000 }, (_, i) => ({
      type: 'Feature',
      properties: {},
      geometry: {
        type: 'LineString',
        coordinates: [
          [100 + i * 0.001, 30],
          [100 + i * 0.001 + 0.0004, 30.0003],
          [100 + (i + 1) * 0.001, 30],
        ],
      },
    }));
    const bytes = new TextEncoder().encode(JSON.stringify({ type: 'FeatureCollection', features }));
    const response = handle({
      files: [{ name: 'lines.geojson', bytes: bytes.buffer as ArrayBuffer }],
    });
    if (!response.result.ok) throw new Error(response.result.errors[0]!.message);
    const { route, stats } = response.result.value;
    const legs = route.features.filter(isLeg);
    expect(legs).toHaveLength(60_000);
    expect(legs.every((l) => l.geometry.coordinates.length >= 2)).toBe(true);
    expect(stats).toMatchObject({ vertices: 180_000, displayVertices: 120_000 });
  }, 120_000);
});
