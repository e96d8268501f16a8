import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { along, lineString, length } from '@turf/turf';
import { measureRoute, type RouteCollection } from './route';
import { positionAt } from './position';
import { leg, station } from '../../../tests/fixtures/routes';

/** An L-shape: one leg east along the equator, one leg north. */
const lShape: RouteCollection = {
  type: 'FeatureCollection',
  features: [
    leg('east', 'CN', [
      [0, 0],
      [0.5, 0],
      [1, 0],
    ]),
    leg('north', 'CN', [
      [1, 0],
      [1, 1],
    ]),
    station('Corner', [1, 0]),
    station('End', [1, 1]),
    station('Far away', [5, 5]),
  ],
};

describe('measureRoute', () => {
  it('measureRoute(L-shape) sums the legs as Turf measures them', () => {
    const r = measureRoute(lShape);
    const expected =
      length(
        lineString([
          [0, 0],
          [1, 0],
        ]),
        { units: 'kilometers' },
      ) +
      length(
        lineString([
          [1, 0],
          [1, 1],
        ]),
        { units: 'kilometers' },
      );
    expect(r.totalKm).toBeCloseTo(expected, 6);
    expect(r.legs.map((l) => l.id)).toEqual(['east', 'north']);
    expect(r.legs[1]!.startKm).toBeCloseTo(r.legs[0]!.endKm, 9);
  });

  it('measureRoute(L-shape) does not repeat the shared vertex between legs', () => {
    expect(measureRoute(lShape).cumKm).toHaveLength(4);
  });

  it('measureRoute places stations by their km along the line and drops ones off the route', () => {
    const r = measureRoute(lShape);
    expect(r.stations.map((s) => s.name)).toEqual(['Corner', 'End']);
    expect(r.stations[0]!.km).toBeCloseTo(r.legs[0]!.lengthKm, 3);
    expect(r.stations[1]!.km).toBeCloseTo(r.totalKm, 3);
  });

  it('measureRoute(route, variant) keeps only the legs of that routing', () => {
    const forked: RouteCollection = {
      type: 'FeatureCollection',
      features: [
        leg(
          'common',
          'CN',
          [
            [0, 0],
            [1, 0],
          ],
          { variants: ['A', 'B'] },
        ),
        leg(
          'a-only',
          'CN',
          [
            [1, 0],
            [2, 0],
          ],
          { variants: ['A'] },
        ),
        leg(
          'b-only',
          'CN',
          [
            [1, 0],
            [1, 2],
          ],
          { variants: ['B'] },
        ),
      ],
    };
    expect(measureRoute(forked, 'A').legs.map((l) => l.id)).toEqual(['common', 'a-only']);
    expect(measureRoute(forked, 'B').legs.map((l) => l.id)).toEqual(['common', 'b-only']);
  });

  it('measureRoute(zero-length leg) gives a route of 0 km', () => {
    const r = measureRoute({
      type: 'FeatureCollection',
      features: [
        leg('still', 'CN', [
          [3, 3],
          [3, 3],
        ]),
      ],
    });
    expect(r.totalKm).toBe(0);
    expect(positionAt(r, 10)).toMatchObject({ lon: 3, lat: 3, km: 0 });
  });
});

describe('positionAt', () => {
  const r = measureRoute(lShape);

  it('positionAt(route, 0) is the start and positionAt(route, total) is the end', () => {
    expect(positionAt(r, 0)).toMatchObject({ lon: 0, lat: 0, legIndex: 0 });
    const end = positionAt(r, r.totalKm);
    expect(end.lon).toBeCloseTo(1, 9);
    expect(end.lat).toBeCloseTo(1, 9);
    expect(end.legIndex).toBe(1);
  });

  it('positionAt(route, km) clamps before the start and after the end', () => {
    expect(positionAt(r, -5).km).toBe(0);
    expect(positionAt(r, r.totalKm + 5).km).toBe(r.totalKm);
  });

  it('positionAt(route, km) points east on the first leg and north on the second', () => {
    expect(positionAt(r, 10).bearingDeg).toBeCloseTo(90, 3);
    expect(positionAt(r, r.totalKm - 10).bearingDeg).toBeCloseTo(0, 3);
  });

  it('positionAt(route, km) agrees with turf.along within 50 m everywhere', () => {
    const line = lineString([
      [0, 0],
      [0.5, 0],
      [1, 0],
      [1, 1],
    ]);
    fc.assert(
      fc.property(fc.double({ min: 0, max: r.totalKm, noNaN: true }), (km) => {
        const p = positionAt(r, km);
        const t = along(line, km, { units: 'kilometers' }).geometry.coordinates;
        expect(Math.hypot(p.lon - t[0]!, p.lat - t[1]!) * 111).toBeLessThan(0.05);
      }),
    );
  });

  it('positionAt(route, km) never travels backwards as km grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: r.totalKm, noNaN: true }),
        fc.double({ min: 0, max: r.totalKm, noNaN: true }),
        (a, b) => {
          const [lo, hi] = a <= b ? [a, b] : [b, a];
          const p = positionAt(r, lo);
          const q = positionAt(r, hi);
          expect(q.lon + q.lat).toBeGreaterThanOrEqual(p.lon + p.lat - 1e-12);
        },
      ),
    );
  });
});
