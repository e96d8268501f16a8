import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkJourney, roundReport, type CheckReport, type PairVerdict } from './check';
import { parseJourney, parseVagueWords, type Journey, type VagueWords } from '../data/journey';
import type { RouteCollection } from '../route/route';
import { measureVariants } from './claims';
import { isoToUtcMs } from '../time/timezone';
import { conditionText } from '../../present/verdict';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const vague = parseVagueWords(read('../../../geo/journeys/vague-words.json'), 'vague-words.json');
const journey = parseJourney(
  read('../../../geo/journeys/pyongyang-beijing-2025.json'),
  'pyongyang-beijing-2025.json',
);
if (!vague.ok || !journey.ok) throw new Error('bundled data must parse');
const table: VagueWords = vague.value;
const bundled: Journey = journey.value;
const route = JSON.parse(read('../../../tests/fixtures/route-mini.geojson')) as RouteCollection;
const report: CheckReport = checkJourney(bundled, table, route);

const pair = (r: CheckReport, a: string, b: string): PairVerdict => {
  const p = r.matrix.find((x) => (x.a === a && x.b === b) || (x.a === b && x.b === a));
  if (!p) throw new Error(`no pair ${a} × ${b}`);
  return p;
};

describe('checkJourney on the fixture route', () => {
  it('measures every routing and puts the border at the same km on all of them', () => {
    expect(report.variants.map((v) => v.variant)).toEqual(['A', 'B', 'C']);
    const borders = report.variants.map((v) => v.borderKm);
    expect(new Set(borders).size).toBe(1);
    const b = report.variants.find((v) => v.variant === 'B')!;
    expect(b.totalKm).toBeLessThan(report.variants.find((v) => v.variant === 'A')!.totalKm);
  });

  it('uses the routings it is given instead of measuring the route again (an import measured on its full line)', () => {
    // the same routings 10 % longer, as a finer line of the same track would measure
    const longer = (km: number) => km * 1.1;
    const own = measureVariants(route);
    const measured = own.map((m) => ({
      route: {
        ...m.route,
        totalKm: longer(m.route.totalKm),
        legs: m.route.legs.map((l) => ({ ...l, lengthKm: longer(l.lengthKm) })),
      },
      summary: {
        ...m.summary,
        totalKm: longer(m.summary.totalKm),
        legs: m.summary.legs.map((l) => ({ ...l, lengthKm: longer(l.lengthKm) })),
      },
    }));
    const r = checkJourney(bundled, table, route, { measured });
    expect(r.variants.map((v) => v.totalKm)).toEqual(measured.map((m) => m.summary.totalKm));
    const c = r.claims.find((x) => x.id === 'a004-speed-50kmh')!.implication;
    if (c.type !== 'speed') throw new Error('speed expected');
    const a = c.perVariant.find((v) => v.variant === 'A')!;
    expect(a.distanceKm).toBeCloseTo(longer(own[0]!.route.totalKm), 6);
  });

  it('a speed claim implies the whole-trip and per-leg durations: distance / speed', () => {
    const c = report.claims.find((x) => x.id === 'a004-speed-50kmh')!.implication;
    if (c.type !== 'speed') throw new Error('speed expected');
    const a = c.perVariant.find((v) => v.variant === 'A')!;
    expect(a.durationH.lo).toBeCloseTo(a.distanceKm / 52.5, 9);
    expect(a.durationH.hi).toBeCloseTo(a.distanceKm / 47.5, 9);
    const legSum = a.legs.reduce((s, l) => s + l.durationH.hi, 0);
    expect(legSum).toBeCloseTo(a.durationH.hi, 6);
  });

  it('a duration claim implies an average speed: distance / duration', () => {
    const c = report.claims.find((x) => x.id === 'a004-duration-nearly-20h')!.implication;
    if (c.type !== 'duration') throw new Error('duration expected');
    const a = c.perVariant.find((v) => v.variant === 'A')!;
    expect(a.speedKmh.lo).toBeCloseTo(a.distanceKm / 20, 9);
    expect(a.speedKmh.hi).toBeCloseTo(a.distanceKm / 17, 9);
  });

  it('"just 50 km/h" and "nearly 20 hours" are inconsistent on every routing', () => {
    const p = pair(report, 'a004-speed-50kmh', 'a004-duration-nearly-20h');
    expect(p.verdict).toBe('inconsistent');
    if (p.numbers.kind !== 'speed-duration') throw new Error('speed-duration expected');
    for (const v of p.numbers.perVariant) {
      expect(v.overlapH).toBeNull();
      expect(v.impliedDurationH.lo).toBeGreaterThan(20);
    }
  });

  it('"just 50 km/h" and "37 miles per hour" are inconsistent as averages', () => {
    const p = pair(report, 'a004-speed-50kmh', 'a000-speed-37mph');
    expect(p.verdict).toBe('inconsistent');
    if (p.numbers.kind !== 'speed-speed') throw new Error('speed-speed expected');
    expect(p.numbers.gapKmh).toBeCloseTo(59.546 * 0.95 - 52.5, 2);
  });

  it('departure "Monday afternoon" and "late Monday night" cannot both be true', () => {
    const p = pair(report, 'a004-depart-afternoon', 'a002-depart-late-night');
    expect(p.verdict).toBe('inconsistent');
    if (p.numbers.kind !== 'same-event') throw new Error('same-event expected');
    expect(p.numbers.gapH).toBe(3);
  });

  it('border "on Monday" contradicts the reference crossing at about 03:00 Tuesday', () => {
    const p = pair(report, 'a004-border-monday', 'r-border-0300');
    expect(p.verdict).toBe('inconsistent');
    if (p.numbers.kind !== 'same-event') throw new Error('same-event expected');
    expect(p.numbers.gapH).toBeCloseTo(1.5, 9);
  });

  it('"late Monday night" + border "on Monday" is decided by the numbers: only a late-Monday dash', () => {
    const p = pair(report, 'a002-depart-late-night', 'a004-border-monday');
    expect(p.verdict).toBe('conditional');
    if (p.numbers.kind !== 'stretch') throw new Error('stretch expected');
    const v = p.numbers.perVariant[0]!;
    expect(v.feasible).toBe(true);
    // the latest crossing allowed is 24:00 Monday Beijing time = 01:00 Tuesday Pyongyang time
    expect(v.durationH.hi).toBeCloseTo(4, 9);
    expect(v.feasibleSpeedKmh!.lo).toBeCloseTo(v.distanceKm / 4, 9);
    const dep = p.conditions.find((c) => c.kind === 'time' && c.event === 'depart');
    expect(dep && dep.kind === 'time' && dep.windowUtcMs.lo).toBe(
      isoToUtcMs('2025-09-01T21:00:00+09:00'),
    );
    expect(conditionText(dep!, report)).toMatch(
      /only if “Leaves Pyongyang” fell within Mon 1 Sep 21:00/,
    );
  });

  it('a stretch that no speed up to the cap can cover is inconsistent', () => {
    const slow: Journey = {
      ...bundled,
      speedCap: { value: 40, unit: 'km/h', source: 'test: a slow train' },
    };
    const p = pair(
      checkJourney(slow, table, route),
      'a002-depart-late-night',
      'a004-border-monday',
    );
    expect(p.verdict).toBe('inconsistent');
  });

  it('a speed-duration pair that overlaps only in part is conditional on the overlap, per routing', () => {
    const p = pair(report, 'a004-speed-50kmh', 'r-duration-about-20h');
    expect(p.verdict).toBe('conditional');
    if (p.numbers.kind !== 'speed-duration') throw new Error('speed-duration expected');
    const overlaps = p.numbers.perVariant.map((v) => {
      // 50 km/h "just" is 47.5–52.5 km/h; "about 20 hours" is 18–22 h
      expect(v.impliedDurationH.lo).toBeCloseTo(v.distanceKm / 52.5, 9);
      expect(v.impliedDurationH.hi).toBeCloseTo(v.distanceKm / 47.5, 9);
      expect(v.claimedDurationH).toEqual({ lo: 18, hi: 22 });
      const lo = Math.max(v.impliedDurationH.lo, 18);
      const hi = Math.min(v.impliedDurationH.hi, 22);
      expect(v.overlapH).toEqual(lo <= hi ? { lo, hi } : null);
      return v.overlapH;
    });
    // the condition: the trip took a duration inside the overlap on some routing
    const seen = overlaps.filter((o) => o !== null);
    expect(seen.length).toBeGreaterThan(0);
    expect(p.conditions).toContainEqual({
      kind: 'duration',
      durationH: {
        lo: Math.min(...seen.map((o) => o.lo)),
        hi: Math.max(...seen.map((o) => o.hi)),
      },
    });
  });

  it('the claim about the 2019 Hanoi trip is checked against that trip, not this route', () => {
    const o = report.otherJourneys.find((x) => x.claim === 'a004-hanoi-60h')!;
    expect(o.journey).toBe('pyongyang-hanoi-2019');
    // AFP's 60 h forecast is the figure the article repeats: not evidence for it
    expect(o.reportedDurationsH).toEqual({ lo: 66, hi: 70 });
    expect(o.impliedSpeedKmh.lo).toBeCloseTo(3600 / 63, 6);
    // that trip's reported departure and arrival give 64.5–66 h: 57–63 h misses by 1.5 h
    expect(o.timelineDurationH).toEqual({ lo: 64.5, hi: 66 });
    expect(o.verdict).toBe('inconsistent');
    expect(o.marginH).toBeCloseTo(-1.5, 9);
    const c = report.claims.find((x) => x.id === 'a004-hanoi-60h')!.implication;
    expect(c.type === 'duration' && c.perVariant).toEqual([]);
  });

  it('distance claims stay out of the matrix and are compared with the geometry', () => {
    expect(report.matrix.some((p) => p.a.startsWith('r-km-') || p.b.startsWith('r-km-'))).toBe(
      false,
    );
    const d = report.claims.find((x) => x.id === 'r-km-total-a')!.implication;
    if (d.type !== 'distance') throw new Error('distance expected');
    expect(d.perVariant.map((v) => v.variant)).toEqual(['A']);
  });

  it('roundReport keeps figures as numbers at stable precision and writes infinity as null', () => {
    const r = roundReport({ speedKmh: { lo: 1.2345, hi: Infinity }, durationH: 1.23456 });
    expect(r).toEqual({ speedKmh: { lo: 1.2, hi: null }, durationH: 1.23 });
  });
});
