import type { Interval } from '../domain/time/interval';
import type { ClaimImplication, PairVerdict, Verdict } from '../domain/claims/check';

const num = (x: number, digits = 1): string =>
  Number.isFinite(x) ? x.toFixed(digits) : x > 0 ? '∞' : '−∞';

/** "17.0–20.0 h", or "20.0 h" for a point. */
export function formatRange(i: Interval, unit: string, digits = 1): string {
  if (i.lo === i.hi) return `${num(i.lo, digits)} ${unit}`;
  return `${num(i.lo, digits)}–${num(i.hi, digits)} ${unit}`;
}

/** One line per routing of what a claim implies, e.g. "route A: 27.3 h for 1,364 km". */
export function implicationLines(impl: ClaimImplication): string[] {
  switch (impl.type) {
    case 'time':
      return [`${impl.windowLocal.from} → ${impl.windowLocal.to}`];
    case 'speed':
      return [
        `${impl.mode === 'top' ? 'top speed' : 'average'} ${formatRange(impl.speedKmh, 'km/h')}`,
        ...impl.perVariant.map(
          (v) =>
            `route ${v.variant}: ${formatRange(v.durationH, 'h')} for ${num(v.distanceKm, 0)} km`,
        ),
      ];
    case 'duration':
      return [
        formatRange(impl.durationH, 'h'),
        ...impl.perVariant.map(
          (v) => `route ${v.variant}: average ${formatRange(v.speedKmh, 'km/h')}`,
        ),
      ];
    case 'distance':
      return [
        formatRange(impl.distanceKm, 'km'),
        ...impl.perVariant.map((v) => `route ${v.variant}: measured ${num(v.measuredKm, 0)} km`),
      ];
  }
}

export const VERDICT_LABEL: Record<Verdict, string> = {
  consistent: 'consistent',
  inconsistent: 'inconsistent',
  conditional: 'only if …',
  independent: 'independent',
};

export const VERDICT_SYMBOL: Record<Verdict, string> = {
  consistent: '✓',
  inconsistent: '✗',
  conditional: '?',
  independent: '·',
};

/** The verdicts a claim takes part in, other than `independent`. */
export function verdictsOf(matrix: PairVerdict[], id: string): PairVerdict[] {
  return matrix.filter((p) => (p.a === id || p.b === id) && p.verdict !== 'independent');
}

/** The claim's overall standing: inconsistent with something, conditional, or consistent. */
export function overallVerdict(matrix: PairVerdict[], id: string): Verdict {
  const v = verdictsOf(matrix, id).map((p) => p.verdict);
  if (v.includes('inconsistent')) return 'inconsistent';
  if (v.includes('conditional')) return 'conditional';
  return v.length ? 'consistent' : 'independent';
}
