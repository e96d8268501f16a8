import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ms, tinyJourney, tinyRoute } from '../../../tests/fixtures/journeys';
import type { TimeKind } from '../data/journey';
import { interval } from '../time/interval';
import { measureVariants, type TimeClaim } from './claims';
import { pairVerdict, type PairCtx } from './pair-rules';

const route = tinyRoute();
const journey = tinyJourney({ depart: [0, 1], border: [2, 3], arrive: [5, 6] });

const ctx = (capKmh: number): PairCtx => ({
  variants: measureVariants(route),
  capKmh,
  events: new Map(journey.events.map((e) => [e.id, e])),
  stops: [],
});

/** A time claim about an event, its window in hours after the epoch. */
const timeClaim = (id: string, event: string, kind: TimeKind, h: [number, number]): TimeClaim => ({
  type: 'time',
  claim: {
    id,
    basis: 'article',
    article: '001',
    journey: 'this',
    quote: id,
    reading: { kind, event, day: '2025-01-01', phrase: 'day', zones: ['UT'] },
  },
  reading: { kind, event, day: '2025-01-01', phrase: 'day', zones: ['UT'] },
  windowUtcMs: interval(ms(h[0]), ms(h[1])),
});

describe('pair rules', () => {
  it('a stretch that trims only the earlier window is conditional on it (stretch() missed this)', () => {
    // 111 km at 10 km/h at most: the border, 12:00–13:00, needs a departure by 01:52
    const a = timeClaim('left', 'depart', 'departure', [0, 10]);
    const b = timeClaim('crossed', 'border', 'border', [12, 13]);
    const p = pairVerdict(ctx(10), a, b);
    expect(p.verdict).toBe('conditional');
    const times = p.conditions.filter((c) => c.kind === 'time');
    expect(times).toHaveLength(1);
    const t = times[0]!;
    expect(t.kind === 'time' && t.event).toBe('depart');
    if (t.kind !== 'time') throw new Error('time condition expected');
    expect(t.windowUtcMs.lo).toBe(ms(0));
    if (p.numbers.kind !== 'stretch') throw new Error('stretch expected');
    const km = p.numbers.perVariant[0]!.distanceKm;
    expect(t.windowUtcMs.hi).toBeCloseTo(ms(13 - km / 10), -3);
  });

  it('two windows that only touch (afternoon until 18:00, evening from 18:00) meet in that instant', () => {
    const a = timeClaim('afternoon', 'depart', 'departure', [12, 18]);
    const b = timeClaim('evening', 'depart', 'departure', [18, 22]);
    const p = pairVerdict(ctx(100), a, b);
    expect(p.verdict).toBe('conditional');
    if (p.numbers.kind !== 'same-event') throw new Error('same-event expected');
    expect(p.numbers.touching).toBe(true);
    expect(p.conditions).toEqual([
      { kind: 'time', event: 'depart', windowUtcMs: { lo: ms(18), hi: ms(18) } },
    ]);
  });

  const windowArb = fc
    .tuple(fc.double({ min: -5, max: 20, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }))
    .map(([lo, w]) => [lo, lo + w] as [number, number]);
  const eventArb = fc.constantFrom(
    ['depart', 'departure'] as const,
    ['border', 'border'] as const,
    ['arrive', 'arrival'] as const,
  );

  it("a pair's verdict does not depend on the order of its claims", () => {
    fc.assert(
      fc.property(
        windowArb,
        windowArb,
        eventArb,
        eventArb,
        fc.double({ min: 20, max: 150, noNaN: true }),
        (wa, wb, ea, eb, cap) => {
          const a = timeClaim('a', ea[0], ea[1], wa);
          const b = timeClaim('b', eb[0], eb[1], wb);
          const ab = pairVerdict(ctx(cap), a, b);
          const ba = pairVerdict(ctx(cap), b, a);
          expect(ba.verdict).toBe(ab.verdict);
          const key = (cs: typeof ab.conditions) => cs.map((c) => JSON.stringify(c)).sort();
          expect(key(ba.conditions)).toEqual(key(ab.conditions));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('widening either window never turns a consistent pair inconsistent', () => {
    fc.assert(
      fc.property(
        windowArb,
        windowArb,
        eventArb,
        eventArb,
        fc.tuple(
          fc.double({ min: 0, max: 5, noNaN: true }),
          fc.double({ min: 0, max: 5, noNaN: true }),
        ),
        (wa, wb, ea, eb, [x, y]) => {
          const p0 = pairVerdict(
            ctx(80),
            timeClaim('a', ea[0], ea[1], wa),
            timeClaim('b', eb[0], eb[1], wb),
          );
          const p1 = pairVerdict(
            ctx(80),
            timeClaim('a', ea[0], ea[1], [wa[0] - x, wa[1] + y]),
            timeClaim('b', eb[0], eb[1], [wb[0] - y, wb[1] + x]),
          );
          if (p0.verdict === 'consistent') expect(p1.verdict).not.toBe('inconsistent');
        },
      ),
      { numRuns: 300 },
    );
  });
});
