import { placeKm, resolveClaims, type MeasuredVariant } from '../claims/claims';
import { contains, interval } from '../time/interval';
import type { Claim, Journey, QuantityReading, VagueWords } from '../data/journey';
import { isoToUtcMs } from '../time/timezone';
import { hToSec, MS_PER_HOUR, speedToKmh, type SpeedUnit } from '../time/units';

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
 * Ghost trains beyond this many different figures are not played: each is drawn on the map and
 * the chart every frame, and a journey may carry thousands of claims.
 */
export const MAX_GHOST_TRAINS = 12;

/**
 * The playback scenarios for one routing: a constant-speed run for every figure of the article
 * speed claims about the whole trip (nominal figure), an even run for every figure of the article
 * duration claims (nominal figure), at most MAX_GHOST_TRAINS of them, and the reconstructed
 * timeline through the reference events' `best` instants. Claims of one figure share one run,
 * named after the first of them. All depart at the departure event's `best` instant, so they can
 * be compared side by side.
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
  // claims of the same figure play the same ghost train: one train, every claim its basis
  const byFigure = new Map<string, Claim[]>();
  for (const c of whole) {
    const r = c.reading as QuantityReading;
    const playable =
      (r.kind === 'speed' && (r.unit === 'km/h' || r.unit === 'mph')) ||
      (r.kind === 'duration' && r.unit === 'h');
    if (!playable) continue;
    const figure = `${r.kind} ${r.value} ${r.unit} ${r.kind === 'duration' ? r.phrase : ''}`;
    const same = byFigure.get(figure);
    if (same) same.push(c);
    else byFigure.set(figure, [c]);
  }
  const out: Scenario[] = [];
  for (const claims of [...byFigure.values()].slice(0, MAX_GHOST_TRAINS)) {
    const c = claims[0]!;
    const r = c.reading as QuantityReading;
    const articles = [...new Set(claims.map((x) => x.article ?? ''))];
    const by =
      articles.length === 1
        ? `article ${articles[0]}`
        : articles.length <= 3
          ? `articles ${articles.join(', ')}`
          : `${articles.length} articles`;
    const basis = claims.map((x) => x.id);
    if (r.kind === 'speed') {
      const speedKmh = speedToKmh(r.value, r.unit as SpeedUnit);
      const label =
        r.unit === 'mph'
          ? `Constant ${r.value} mph (${speedKmh.toFixed(1)} km/h), ${by}`
          : `Constant ${r.value} km/h, ${by}`;
      out.push(
        constantSpeedScenario({
          id: c.id,
          label,
          variant,
          totalKm,
          departUtcMs,
          speedKmh,
          basis,
        }),
      );
    } else
      out.push(
        fixedDurationScenario({
          id: c.id,
          label: `${r.phrase} ${r.value} hours, spread evenly over the route, ${by}`,
          variant,
          totalKm,
          departUtcMs,
          durationH: r.value,
          basis,
        }),
      );
  }
  // only reference claims can be the timeline's basis: a journey may have thousands of others
  const resolved = resolveClaims(journey, table, (c) => c.basis === 'reference');
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
