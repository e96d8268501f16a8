import { placeKm, resolveClaims, type MeasuredVariant } from '../claims/claims';
import { contains, interval } from '../time/interval';
import type { Journey, QuantityReading, VagueWords } from '../data/journey';
import { isoToUtcMs } from '../time/timezone';
import { hToSec, MS_PER_HOUR, speedToKmh } from '../time/units';

/** A knot of a schedule: `km` along the routing reached `tSec` seconds after departure. */
export interface Knot {
  tSec: number;
  km: number;
}

/** A playable schedule: time since departure → km, piecewise linear between knots. */
export interface Scenario {
  id: string;
  label: string;
  variant: string;
  departUtcMs: number;
  durationSec: number;
  /** Strictly increasing tSec, non-decreasing km; first knot {0, 0}, last {durationSec, totalKm}. */
  knots: Knot[];
  /** Ids of the claims the scenario is built from. */
  basis: string[];
}

/** Index of the last knot with tSec <= t (binary search). */
function knotIndexAtTime(knots: readonly Knot[], tSec: number): number {
  let lo = 0;
  let hi = knots.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (knots[mid]!.tSec <= tSec) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Km along the routing `tSec` after departure; clamped before departure and after arrival. */
export function kmAtTime(scenario: Scenario, tSec: number): number {
  const { knots } = scenario;
  const first = knots[0]!;
  const last = knots[knots.length - 1]!;
  if (tSec <= first.tSec) return first.km;
  if (tSec >= last.tSec) return last.km;
  const i = knotIndexAtTime(knots, tSec);
  const a = knots[i]!;
  const b = knots[i + 1]!;
  return a.km + ((b.km - a.km) * (tSec - a.tSec)) / (b.tSec - a.tSec);
}

/** Seconds after departure at which the train first reaches `km`; clamped to the schedule. */
export function timeAtKm(scenario: Scenario, km: number): number {
  const { knots } = scenario;
  const last = knots[knots.length - 1]!;
  if (km <= knots[0]!.km) return knots[0]!.tSec;
  if (km >= last.km) return knots.find((k) => k.km >= last.km)!.tSec;
  let lo = 0;
  let hi = knots.length - 1;
  while (lo < hi) {
    // first knot with km >= target
    const mid = (lo + hi) >> 1;
    if (knots[mid]!.km >= km) hi = mid;
    else lo = mid + 1;
  }
  const b = knots[lo]!;
  const a = knots[lo - 1]!;
  return a.tSec + ((b.tSec - a.tSec) * (km - a.km)) / (b.km - a.km);
}

/** A schedule at constant speed over the whole routing. */
export function constantSpeedScenario(o: {
  id: string;
  label: string;
  variant: string;
  totalKm: number;
  departUtcMs: number;
  speedKmh: number;
  basis: string[];
}): Scenario {
  return fixedDurationScenario({ ...o, durationH: o.totalKm / o.speedKmh });
}

/** A schedule covering the routing in a given time at an even pace. */
export function fixedDurationScenario(o: {
  id: string;
  label: string;
  variant: string;
  totalKm: number;
  departUtcMs: number;
  durationH: number;
  basis: string[];
}): Scenario {
  const durationSec = hToSec(o.durationH);
  return {
    id: o.id,
    label: o.label,
    variant: o.variant,
    departUtcMs: o.departUtcMs,
    durationSec,
    knots: [
      { tSec: 0, km: 0 },
      { tSec: durationSec, km: o.totalKm },
    ],
    basis: o.basis,
  };
}

/**
 * A schedule through timed points ({km, utcMs}), linear between them. The first point is the
 * departure and must be at km 0, the last at the end of the routing; throws a RangeError if time
 * does not increase or km goes backwards.
 */
export function timelineScenario(o: {
  id: string;
  label: string;
  variant: string;
  points: { km: number; utcMs: number }[];
  basis: string[];
}): Scenario {
  const [first] = o.points;
  if (!first || o.points.length < 2) throw new RangeError('a timeline needs two points or more');
  const knots = o.points.map((p) => ({ tSec: (p.utcMs - first.utcMs) / 1000, km: p.km }));
  for (let i = 1; i < knots.length; i++)
    if (!(knots[i]!.tSec > knots[i - 1]!.tSec) || knots[i]!.km < knots[i - 1]!.km)
      throw new RangeError(`${o.id}: timeline point ${i} goes backwards`);
  return {
    id: o.id,
    label: o.label,
    variant: o.variant,
    departUtcMs: first.utcMs,
    durationSec: knots[knots.length - 1]!.tSec,
    knots,
    basis: o.basis,
  };
}

/**
 * The playback scenarios for one routing: a constant-speed run for every article speed claim
 * about the whole trip (nominal figure), an even run for every article duration claim (nominal
 * figure), and the reconstructed timeline through the reference events' `best` instants. All
 * depart at the departure event's `best` instant, so they can be compared side by side.
 */
export function buildScenarios(
  journey: Journey,
  table: VagueWords,
  measured: MeasuredVariant,
): Scenario[] {
  const variant = measured.summary.variant;
  const totalKm = measured.summary.totalKm;
  const depart = journey.events.find((e) => e.at.kind === 'start');
  if (!depart) return [];
  const departUtcMs = isoToUtcMs(depart.best);
  const whole = journey.claims.filter(
    (c) =>
      c.basis === 'article' &&
      c.journey === 'this' &&
      'scope' in c.reading &&
      c.reading.scope === 'whole',
  );
  const out: Scenario[] = [];
  for (const c of whole) {
    const r = c.reading as QuantityReading;
    const by = `${c.article ?? ''}`;
    if (r.kind === 'speed' && (r.unit === 'km/h' || r.unit === 'mph')) {
      const speedKmh = speedToKmh(r.value, r.unit);
      const label =
        r.unit === 'mph'
          ? `Constant ${r.value} mph (${speedKmh.toFixed(1)} km/h), article ${by}`
          : `Constant ${r.value} km/h, article ${by}`;
      out.push(
        constantSpeedScenario({
          id: c.id,
          label,
          variant,
          totalKm,
          departUtcMs,
          speedKmh,
          basis: [c.id],
        }),
      );
    }
    if (r.kind === 'duration' && r.unit === 'h')
      out.push(
        fixedDurationScenario({
          id: c.id,
          label: `${r.phrase} ${r.value} hours, spread evenly over the route, article ${by}`,
          variant,
          totalKm,
          departUtcMs,
          durationH: r.value,
          basis: [c.id],
        }),
      );
  }
  const resolved = resolveClaims(journey, table);
  const points = journey.events.flatMap((e) => {
    const km = placeKm(measured, e.at);
    return km === null ? [] : [{ km, utcMs: isoToUtcMs(e.best), event: e.id }];
  });
  const basis = resolved.flatMap((c) =>
    c.type === 'time' &&
    c.claim.basis === 'reference' &&
    points.some((p) => p.event === c.reading.event && contains(c.windowUtcMs, p.utcMs))
      ? [c.claim.id]
      : [],
  );
  out.push(
    timelineScenario({
      id: 'reconstructed',
      label: 'Reconstructed timeline through the reference events',
      variant,
      points,
      basis,
    }),
  );
  return out;
}

/** Average speed of a scenario, km/h (for labels and checks). */
export const averageSpeedKmh = (s: Scenario): number =>
  s.knots[s.knots.length - 1]!.km / ((s.durationSec * 1000) / MS_PER_HOUR);

/** The interval of instants (UTC ms) a scenario covers. */
export const scenarioSpanUtcMs = (s: Scenario) =>
  interval(s.departUtcMs, s.departUtcMs + s.durationSec * 1000);
