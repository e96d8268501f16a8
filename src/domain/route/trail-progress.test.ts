import { describe, expect, it } from 'vitest';
import { measureRoute, type RouteCollection } from './route';
import { trailProgress } from './trail-progress';
import { leg } from '../../../tests/fixtures/routes';

/** Along the equator, where Mercator length is proportional to km: 1° in KP, then 1° in CN. */
const route: RouteCollection = {
  type: 'FeatureCollection',
  features: [
    leg('kp', 'KP', [
      [0, 0],
      [1, 0],
    ]),
    leg('cn', 'CN', [
      [1, 0],
      [1.5, 0],
      [2, 0],
    ]),
  ],
};
const m = measureRoute(route);

describe('trailProgress', () => {
  it('trailProgress(route, km) is the fraction of the line, 0 at the start and 1 at the end', () => {
    expect(trailProgress(m, 0).fraction).toBe(0);
    expect(trailProgress(m, m.totalKm).fraction).toBeCloseTo(1, 9);
    expect(trailProgress(m, m.totalKm / 4).fraction).toBeCloseTo(0.25, 6);
  });

  it('trailProgress(route, km) lists the country changes the train has passed', () => {
    expect(trailProgress(m, m.totalKm * 0.25).changes).toEqual([]);
    const past = trailProgress(m, m.totalKm * 0.75);
    expect(past.firstCountry).toBe('KP');
    expect(past.changes).toHaveLength(1);
    expect(past.changes[0]!.country).toBe('CN');
    expect(past.changes[0]!.fraction).toBeCloseTo(0.5, 6);
  });
});
