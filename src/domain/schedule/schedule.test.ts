import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measureVariants } from '../claims/claims';
import { parseJourney, parseVagueWords } from '../data/journey';
import type { RouteCollection } from '../route/route';
import {
  buildScenarios,
  constantSpeedScenario,
  kmAtTime,
  timeAtKm,
  timelineScenario,
  type Scenario,
} from './schedule';
import { isoToUtcMs } from '../time/timezone';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const vague = parseVagueWords(read('../../../geo/journeys/vague-words.json'), 'v.json');
const journey = parseJourney(read('../../../geo/journeys/pyongyang-beijing-2025.json'), 'j.json');
if (!vague.ok || !journey.ok) throw new Error('bundled data must parse');
const route = JSON.parse(read('../../../tests/fixtures/route-mini.geojson')) as RouteCollection;
const [variantA] = measureVariants(route);
const scenarios = buildScenarios(journey.value, vague.value, variantA!);
const byId = (id: string): Scenario => scenarios.find((s) => s.id === id)!;

/** A random timeline: increasing times, non-decreasing km (stops allowed). */
const randomScenario = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 7200 }), fc.double({ min: 0, max: 50, noNaN: true })), {
    minLength: 1,
    maxLength: 30,
  })
  .map((steps) => {
    let t = 0;
    let km = 0;
    const points = [{ utcMs: 0, km: 0 }];
    for (const [dt, dkm] of steps) {
      t += dt;
      km += dkm;
      points.push({ utcMs: t * 1000, km });
    }
    return timelineScenario({ id: 'random', label: 'random', variant: 'A', points, basis: [] });
  });

describe('schedule', () => {
  it('buildScenarios yields 50 km/h, 37 mph, nearly 20 hours and the reconstructed timeline', () => {
    expect(scenarios.map((s) => s.id)).toEqual([
      'a000-speed-37mph',
      'a004-speed-50kmh',
      'a004-duration-nearly-20h',
      'reconstructed',
    ]);
    for (const s of scenarios) {
      expect(s.variant).toBe('A');
      expect(s.departUtcMs).toBe(isoToUtcMs('2025-09-01T18:00:00+09:00'));
      expect(s.basis.length).toBeGreaterThan(0);
    }
  });

  it('constant 50 km/h takes totalKm / 50 hours', () => {
    expect(byId('a004-speed-50kmh').durationSec).toBeCloseTo(
      (variantA!.summary.totalKm / 50) * 3600,
      6,
    );
  });

  it('constant 37 mph runs at 59.546 km/h', () => {
    const s = byId('a000-speed-37mph');
    expect(kmAtTime(s, 3600)).toBeCloseTo(59.546, 3);
  });

  it('"nearly 20 hours" spreads the route over 20 hours', () => {
    expect(byId('a004-duration-nearly-20h').durationSec).toBe(20 * 3600);
  });

  it('the reconstructed timeline passes the border at 03:00 Pyongyang time and arrives at 16:00 Beijing time', () => {
    const s = byId('reconstructed');
    const borderT = (isoToUtcMs('2025-09-02T03:00:00+09:00') - s.departUtcMs) / 1000;
    expect(kmAtTime(s, borderT)).toBeCloseTo(variantA!.summary.borderKm!, 6);
    expect(s.departUtcMs + s.durationSec * 1000).toBe(isoToUtcMs('2025-09-02T16:00:00+08:00'));
    expect(s.basis).toEqual(
      expect.arrayContaining(['r-depart-afternoon', 'r-border-0300', 'r-arrive-1600']),
    );
  });

  it('kmAtTime clamps before departure and after arrival', () => {
    const s = constantSpeedScenario({
      id: 's',
      label: 's',
      variant: 'A',
      totalKm: 100,
      departUtcMs: 0,
      speedKmh: 50,
      basis: [],
    });
    expect(kmAtTime(s, -10)).toBe(0);
    expect(kmAtTime(s, 1e9)).toBe(100);
    expect(timeAtKm(s, 50)).toBeCloseTo(3600, 9);
  });

  it('timeAtKm returns the first arrival at a km where the train stood still', () => {
    const s = timelineScenario({
      id: 'stop',
      label: 'stop',
      variant: 'A',
      points: [
        { utcMs: 0, km: 0 },
        { utcMs: 3_600_000, km: 10 },
        { utcMs: 7_200_000, km: 10 },
        { utcMs: 10_800_000, km: 20 },
      ],
      basis: [],
    });
    expect(timeAtKm(s, 10)).toBe(3600);
    expect(kmAtTime(s, 5400)).toBe(10);
  });

  it('timelineScenario rejects a timeline that goes backwards', () => {
    expect(() =>
      timelineScenario({
        id: 'bad',
        label: 'bad',
        variant: 'A',
        points: [
          { utcMs: 0, km: 0 },
          { utcMs: 0, km: 5 },
        ],
        basis: [],
      }),
    ).toThrow(RangeError);
  });

  it('kmAtTime never goes backwards (property)', () => {
    fc.assert(
      fc.property(
        randomScenario,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (s, f, g) => {
          const [t1, t2] = [f, g].map((x) => x * s.durationSec).sort((a, b) => a - b) as [
            number,
            number,
          ];
          return kmAtTime(s, t2) >= kmAtTime(s, t1);
        },
      ),
    );
  });

  it('position at departure is 0 and at arrival is totalKm (property)', () => {
    fc.assert(
      fc.property(randomScenario, (s) => {
        const totalKm = s.knots[s.knots.length - 1]!.km;
        return kmAtTime(s, 0) === 0 && kmAtTime(s, s.durationSec) === totalKm;
      }),
    );
    for (const s of scenarios) {
      expect(kmAtTime(s, 0)).toBe(0);
      expect(kmAtTime(s, s.durationSec)).toBeCloseTo(variantA!.summary.totalKm, 9);
    }
  });

  it('timeAtKm inverts kmAtTime where the train moves (property)', () => {
    fc.assert(
      fc.property(randomScenario, fc.double({ min: 0, max: 1, noNaN: true }), (s, f) => {
        const km = f * s.knots[s.knots.length - 1]!.km;
        return Math.abs(kmAtTime(s, timeAtKm(s, km)) - km) < 1e-6;
      }),
    );
  });
});
