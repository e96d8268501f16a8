import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationClaim,
  speedClaim,
  tinyJourney,
  tinyRoute,
  vagueTable,
} from '../../../tests/fixtures/journeys';
import { checkJourney } from './check';
import type { TimelineCheck } from './timeline';

const table = vagueTable();
const route = tinyRoute();

const checksOf = (
  journey: ReturnType<typeof tinyJourney>,
  claim: string,
  r = route,
): TimelineCheck[] =>
  checkJourney(journey, table, r).timeline.checks.filter((c) => c.claim === claim);

const whole = (cs: TimelineCheck[], reading: string): TimelineCheck =>
  cs.find((c) => c.reading === reading && c.from === 'depart' && c.to === 'arrive')!;

describe('timeline rules', () => {
  it('a duration shorter than the reported windows allow is inconsistent, by the gap in hours', () => {
    const j = tinyJourney({
      depart: [0, 1],
      border: [2, 2.5],
      arrive: [4, 5],
      claims: [durationClaim('d2', 2)],
    });
    const c = whole(checksOf(j, 'd2'), 'duration');
    expect(c.measured.windowH).toEqual({ lo: 3, hi: 5 });
    expect(c.measured.verdict).toBe('inconsistent');
    expect(c.measured.marginH).toBeCloseTo(-1, 9);
    // it would need a departure 2 h before the arrival window: 02:00–03:00, after the reported 00:00–01:00
    expect(c.fromUtcMs).toBeNull();
    expect(c.neededFromUtcMs).toEqual({ lo: Date.UTC(2025, 0, 1, 2), hi: Date.UTC(2025, 0, 1, 3) });
  });

  it('a door-to-door speed inside the window fits, and its margin says how close it is', () => {
    const j = tinyJourney({
      depart: [0, 1],
      border: [2, 2.5],
      arrive: [4, 5],
      claims: [speedClaim('v50', 50, 'exact', ['door-to-door'])],
    });
    const c = whole(checksOf(j, 'v50'), 'door-to-door');
    const km = c.measured.distanceKm;
    expect(c.measured.claimedH.lo).toBeCloseTo(km / 50, 9);
    expect(c.measured.verdict).toBe('consistent');
    expect(c.measured.marginH).toBeCloseTo(5 - km / 50, 9);
    // 4.45 h fits 3–5 h with 0.55 h to spare: within an hour of flipping, so marginal
    expect(c.marginal).toBe(true);
  });

  it('a top speed rules out a stretch that needs a higher average', () => {
    const j = tinyJourney({
      depart: [0, 1],
      border: [1.5, 2],
      arrive: [4, 5],
      claims: [speedClaim('top50', 50, 'top speed', ['top'])],
    });
    const cs = checksOf(j, 'top50');
    // the whole trip could average 52.5 km/h at most …
    expect(whole(cs, 'top').measured.verdict).not.toBe('inconsistent');
    // … but departure → border, 111 km in 0.5–2 h, needs at least 55.6 km/h
    const kp = cs.find((c) => c.from === 'depart' && c.to === 'border')!;
    expect(kp.binding).toBe(true);
    expect(kp.measured.verdict).toBe('inconsistent');
    expect(kp.measured.neededKmh.lo).toBeCloseTo(kp.measured.distanceKm / 2, 6);
    const v = checkJourney(j, table, route).verdicts.find((x) => x.claim === 'top50')!;
    expect(v.standing).toBe('contradicted');
  });

  it('stops are added to a running speed, and make a duration need a higher speed while moving', () => {
    const stop = {
      id: 'mid',
      name: 'Stop at Mid',
      at: { kind: 'station' as const, name: 'Mid' },
      dwellH: { lo: 1, hi: 1 },
      assumption: 'test: one hour',
    };
    const j = tinyJourney({
      depart: [0, 1],
      border: [2, 2.5],
      arrive: [4, 5],
      stops: [stop],
      claims: [speedClaim('v60', 60, 'about', ['door-to-door', 'running']), durationClaim('d4', 4)],
    });
    const cs = checksOf(j, 'v60');
    const km = whole(cs, 'running').measured.distanceKm;
    expect(whole(cs, 'door-to-door').measured.claimedH.lo).toBeCloseTo(km / 66, 9);
    expect(whole(cs, 'door-to-door').measured.verdict).toBe('consistent');
    // an hour at Mid pushes 3.4–4.1 h of running to 4.4–5.1 h: past the 5 h the windows allow
    expect(whole(cs, 'running').measured.claimedH.lo).toBeCloseTo(km / 66 + 1, 9);
    expect(whole(cs, 'running').measured.verdict).toBe('conditional');
    const d = whole(checksOf(j, 'd4'), 'duration');
    expect(d.runningKmh!.lo).toBeCloseTo(km / 3, 6);
  });

  it('a verdict that differs between the measured and the published length is marginal and shows both', () => {
    const j = tinyJourney({
      depart: [0, 1],
      border: [2, 2.5],
      arrive: [4, 5],
      claims: [speedClaim('v50', 50, 'exact', ['door-to-door'])],
    });
    const c = whole(checksOf(j, 'v50', tinyRoute({ publishedKm: 150 })), 'door-to-door');
    expect(c.measured.verdict).toBe('consistent');
    expect(c.published.distanceKm).toBeCloseTo(300, 6);
    expect(c.published.verdict).toBe('inconsistent');
    expect(c.marginal).toBe(true);
  });

  it('widening any window, the claim or a dwell never turns consistent into inconsistent', () => {
    const arb = fc.record({
      d0: fc.double({ min: 0, max: 5, noNaN: true }),
      dw: fc.double({ min: 0, max: 3, noNaN: true }),
      a0: fc.double({ min: 2, max: 12, noNaN: true }),
      aw: fc.double({ min: 0, max: 3, noNaN: true }),
      speed: fc.double({ min: 15, max: 120, noNaN: true }),
      dwell: fc.double({ min: 0, max: 2, noNaN: true }),
      widen: fc.array(fc.double({ min: 0, max: 2, noNaN: true }), { minLength: 5, maxLength: 5 }),
    });
    fc.assert(
      fc.property(arb, (x) => {
        const build = (w: number[]) =>
          tinyJourney({
            depart: [x.d0 - w[0]!, x.d0 + x.dw + w[1]!],
            border: [x.d0 + 1, x.d0 + 1.5],
            arrive: [x.a0 + x.d0 - w[2]!, x.a0 + x.d0 + x.aw + w[3]!],
            stops: [
              {
                id: 'mid',
                name: 'Mid',
                at: { kind: 'station', name: 'Mid' },
                dwellH: { lo: Math.max(0, x.dwell - w[4]!), hi: x.dwell + w[4]! },
                assumption: 'test',
              },
            ],
            claims: [
              speedClaim('s', x.speed, w.some((v) => v > 0) ? 'about' : 'exact', [
                'door-to-door',
                'running',
                'top',
              ]),
            ],
          });
        const before = checkJourney(build([0, 0, 0, 0, 0]), table, route).timeline.checks;
        const after = checkJourney(build(x.widen), table, route).timeline.checks;
        before.forEach((b, i) => {
          if (b.measured.verdict === 'consistent')
            expect(after[i]!.measured.verdict).not.toBe('inconsistent');
        });
      }),
      { numRuns: 60 },
    );
  });
});
