/** A closed interval [lo, hi] of real numbers; lo <= hi. Bounds may be ±Infinity. */
export interface Interval {
  lo: number;
  hi: number;
}

/** The interval [lo, hi]; throws a RangeError if lo > hi or either bound is NaN. */
export function interval(lo: number, hi: number): Interval {
  if (Number.isNaN(lo) || Number.isNaN(hi) || lo > hi)
    throw new RangeError(`not an interval: [${lo}, ${hi}]`);
  return { lo, hi };
}

/** The degenerate interval [x, x]. */
export const point = (x: number): Interval => interval(x, x);

/** The whole real line, the answer when nothing is known. */
export const EVERYTHING: Interval = { lo: -Infinity, hi: Infinity };

/** a + b = [a.lo + b.lo, a.hi + b.hi]. */
export const add = (a: Interval, b: Interval): Interval => interval(a.lo + b.lo, a.hi + b.hi);

/** a − b = [a.lo − b.hi, a.hi − b.lo]. */
export const sub = (a: Interval, b: Interval): Interval => interval(a.lo - b.hi, a.hi - b.lo);

const safeMul = (x: number, y: number): number => (x === 0 || y === 0 ? 0 : x * y);

/** a × b: the hull of the four corner products (0 × ∞ taken as 0). */
export function mul(a: Interval, b: Interval): Interval {
  const p = [safeMul(a.lo, b.lo), safeMul(a.lo, b.hi), safeMul(a.hi, b.lo), safeMul(a.hi, b.hi)];
  return interval(Math.min(...p), Math.max(...p));
}

/**
 * a ÷ b. When b contains 0 the quotient is unbounded and the whole line is returned; when b is
 * [0, hi] or [lo, 0] with hi > 0 or lo < 0, the zero end is treated as approaching 0 from its side.
 */
export function div(a: Interval, b: Interval): Interval {
  if (b.lo > 0 || b.hi < 0) return mul(a, interval(1 / b.hi, 1 / b.lo));
  if (b.lo === 0 && b.hi > 0) {
    if (a.lo >= 0)
      return interval(a.lo / b.hi, a.lo === 0 ? (a.hi === 0 ? 0 : Infinity) : Infinity);
    if (a.hi <= 0) return interval(-Infinity, a.hi / b.hi);
  }
  if (b.hi === 0 && b.lo < 0) return div(neg(a), neg(b));
  return EVERYTHING;
}

/** −a. */
export const neg = (a: Interval): Interval => interval(-a.hi, -a.lo);

/** a scaled by the factor k (k may be negative). */
export const scale = (a: Interval, k: number): Interval => mul(a, point(k));

/** Whether x lies in a (bounds included). */
export const contains = (a: Interval, x: number): boolean => x >= a.lo && x <= a.hi;

/** Whether b lies wholly inside a. */
export const containsInterval = (a: Interval, b: Interval): boolean => b.lo >= a.lo && b.hi <= a.hi;

/** a ∩ b, or null when they do not meet. */
export function intersect(a: Interval, b: Interval): Interval | null {
  const lo = Math.max(a.lo, b.lo);
  const hi = Math.min(a.hi, b.hi);
  return lo <= hi ? { lo, hi } : null;
}

/** The smallest interval holding a and b. */
export const hull = (a: Interval, b: Interval): Interval =>
  interval(Math.min(a.lo, b.lo), Math.max(a.hi, b.hi));

/** The smallest interval holding every interval given; throws on an empty list. */
export function hullOf(intervals: readonly Interval[]): Interval {
  const [first, ...rest] = intervals;
  if (!first) throw new RangeError('hullOf needs at least one interval');
  return rest.reduce(hull, first);
}

/** hi − lo. */
export const width = (a: Interval): number => a.hi - a.lo;

/** The distance between two disjoint intervals (0 when they meet). */
export const gap = (a: Interval, b: Interval): number => Math.max(0, a.lo - b.hi, b.lo - a.hi);

/** (lo + hi) / 2. */
export const midpoint = (a: Interval): number => (a.lo + a.hi) / 2;
