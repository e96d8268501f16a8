import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  add,
  contains,
  div,
  gap,
  hullOf,
  interval,
  intersect,
  mul,
  sub,
  type Interval,
} from './interval';

const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });

/** An interval and a value inside it, drawn as two ends and a fraction. */
const intervalWithMember = fc
  .tuple(finite, finite, fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([a, b, f]): [Interval, number] => {
    const i = interval(Math.min(a, b), Math.max(a, b));
    return [i, Math.min(i.hi, Math.max(i.lo, i.lo + (i.hi - i.lo) * f))];
  });

/** Containment with a relative slack for floating-point rounding. */
const holds = (i: Interval, x: number): boolean => {
  const eps = 1e-9 * Math.max(1, Math.abs(i.lo), Math.abs(i.hi), Math.abs(x));
  return x >= i.lo - eps && x <= i.hi + eps;
};

describe('interval arithmetic', () => {
  it('interval(lo, hi) rejects lo > hi', () => {
    expect(() => interval(2, 1)).toThrow(RangeError);
  });

  it('add, sub and mul give known values', () => {
    expect(add(interval(1, 2), interval(10, 20))).toEqual({ lo: 11, hi: 22 });
    expect(sub(interval(1, 2), interval(10, 20))).toEqual({ lo: -19, hi: -8 });
    expect(mul(interval(-1, 2), interval(3, 4))).toEqual({ lo: -4, hi: 8 });
  });

  it('div(1000 km, [17, 20] h) is [50, 58.8] km/h', () => {
    const v = div(interval(1000, 1000), interval(17, 20));
    expect(v.lo).toBeCloseTo(50, 9);
    expect(v.hi).toBeCloseTo(58.8235, 3);
  });

  it('div by an interval starting at 0 is unbounded above for a positive dividend', () => {
    expect(div(interval(100, 200), interval(0, 2))).toEqual({ lo: 50, hi: Infinity });
  });

  it('div by an interval straddling 0 returns the whole line', () => {
    expect(div(interval(1, 2), interval(-1, 1))).toEqual({ lo: -Infinity, hi: Infinity });
  });

  it('intersect returns null for disjoint intervals and gap measures the distance', () => {
    expect(intersect(interval(0, 1), interval(2, 3))).toBeNull();
    expect(gap(interval(0, 1), interval(2, 3))).toBe(1);
    expect(intersect(interval(0, 2), interval(1, 3))).toEqual({ lo: 1, hi: 2 });
  });

  it('hullOf spans every interval', () => {
    expect(hullOf([interval(3, 4), interval(-1, 0), interval(2, 9)])).toEqual({ lo: -1, hi: 9 });
  });

  it('add contains every sampled sum', () => {
    fc.assert(
      fc.property(intervalWithMember, intervalWithMember, ([a, x], [b, y]) =>
        holds(add(a, b), x + y),
      ),
    );
  });

  it('sub contains every sampled difference', () => {
    fc.assert(
      fc.property(intervalWithMember, intervalWithMember, ([a, x], [b, y]) =>
        holds(sub(a, b), x - y),
      ),
    );
  });

  it('mul contains every sampled product', () => {
    fc.assert(
      fc.property(intervalWithMember, intervalWithMember, ([a, x], [b, y]) =>
        holds(mul(a, b), x * y),
      ),
    );
  });

  it('div contains every sampled quotient when the divisor excludes 0', () => {
    const positive = fc
      .tuple(
        fc.double({ min: 1e-3, max: 1e4, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
      )
      .map(([lo, f]): [Interval, number] => {
        const i = interval(lo, lo * 3);
        return [i, i.lo + (i.hi - i.lo) * f];
      });
    fc.assert(
      fc.property(intervalWithMember, positive, ([a, x], [b, y]) => holds(div(a, b), x / y)),
    );
  });

  it('intersect contains every value in both operands', () => {
    fc.assert(
      fc.property(intervalWithMember, finite, finite, ([a, x], l, h) => {
        const b = interval(Math.min(l, h), Math.max(l, h));
        const i = intersect(a, b);
        return contains(b, x) ? i !== null && contains(i, x) : i === null || !contains(i, x);
      }),
    );
  });
});
