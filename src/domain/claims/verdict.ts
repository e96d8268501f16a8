import { containsInterval, intersect, type Interval } from '../time/interval';

/** A verdict on two things that may be true together. `independent`: they constrain different things. */
export type Verdict = 'consistent' | 'inconsistent' | 'conditional' | 'independent';

/**
 * Overlap of two intervals as a verdict: nested → consistent, partial → conditional, apart →
 * inconsistent. Two windows that only touch (afternoon until 18:00, evening from 18:00) meet in
 * one instant: conditional, and the condition is that instant.
 */
export function overlapVerdict(a: Interval, b: Interval): Verdict {
  const o = intersect(a, b);
  if (!o) return 'inconsistent';
  if (o.lo === o.hi && a.lo !== a.hi && b.lo !== b.hi) return 'conditional';
  return containsInterval(a, b) || containsInterval(b, a) ? 'consistent' : 'conditional';
}

/** Whether two intervals meet in a single instant while neither is a single instant. */
export const touching = (a: Interval, b: Interval): boolean => {
  const o = intersect(a, b);
  return o !== null && o.lo === o.hi && a.lo !== a.hi && b.lo !== b.hi;
};
