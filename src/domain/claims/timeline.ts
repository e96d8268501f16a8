import {
  add,
  div,
  gap,
  intersect,
  interval,
  point,
  scale,
  sub,
  type Interval,
} from '../time/interval';
import type { Journey, JourneyEvent, SpeedReadingKind, Stop } from '../data/journey';
import { isoToUtcMs } from '../time/timezone';
import { MS_PER_HOUR } from '../time/units';
import { placeKm, scopeLegs, type MeasuredVariant, type ResolvedClaim } from './claims';
import { overlapVerdict, type Verdict } from './verdict';

/** How a claim is read against the timeline: one of a speed's readings, or a duration. */
export type TimelineReading = SpeedReadingKind | 'duration';

/** A reported event placed on one routing. */
export interface EventOnVariant {
  id: string;
  name: string;
  km: number;
  windowUtcMs: Interval;
}

/**
 * The part of a routing between two reported events, with the time the reported windows allow
 * for it and the stops inside it. When a claim's scope ends where no event was reported, the
 * stretch is bracketed: `from`/`to` are the nearest events outside the scope and `windowH` runs
 * from the shortest time between events inside it to the longest between events outside it.
 */
export interface Stretch {
  variant: string;
  from: string;
  to: string;
  fromKm: number;
  toKm: number;
  /** Measured on the route geometry. */
  distanceKm: number;
  /** The same stretch by the published length of its legs (measured where none is published). */
  publishedKm: number;
  /** Later window minus earlier window, hours (never below 0). */
  windowH: Interval;
  /** Stops inside the stretch; a stop at either end counts from 0 (it may fall outside). */
  dwellH: Interval;
  stops: string[];
  /** Door-to-door average the windows need, km/h (measured length). */
  doorToDoorKmh: Interval;
  /** Average while moving the windows need once the stops are taken out, km/h. */
  runningKmh: Interval;
  /** False when the stretch brackets a scope whose ends have no reported event. */
  exact: boolean;
}

/** A claim against one stretch on one length basis: the numbers that decide it. */
export interface TimelineNumbers {
  distanceKm: number;
  /** Door-to-door hours the claim implies for the stretch (stops added for a running speed). */
  claimedH: Interval;
  /** Door-to-door hours the reported windows allow. */
  windowH: Interval;
  /** The claim as an average over the stretch, km/h (0 up to it for a top speed). */
  claimedKmh: Interval;
  /** The average the windows need on the same basis (running for running and top speeds). */
  neededKmh: Interval;
  verdict: Verdict;
  /** Signed: how far the claim could move before the verdict flips to or from inconsistent. */
  marginH: number;
  marginKmh: number;
}

/** One claim read one way against one stretch of one routing. */
export interface TimelineCheck {
  claim: string;
  reading: TimelineReading;
  variant: string;
  from: string;
  to: string;
  /** Whether this stretch decides the claim (a top speed binds every stretch, an average one). */
  binding: boolean;
  measured: TimelineNumbers;
  published: TimelineNumbers;
  /** The verdict flips within 1 h or 2 km/h, or between the measured and the published length. */
  marginal: boolean;
  /** When the earlier and later events must fall for the claim to hold (null: nowhere). */
  fromUtcMs: Interval | null;
  toUtcMs: Interval | null;
  /** When they would need to fall, whatever the reports say. */
  neededFromUtcMs: Interval;
  neededToUtcMs: Interval;
  /** For a duration on a stretch with stops: the average while moving it needs, km/h. */
  runningKmh: Interval | null;
}

/** Limits a verdict flips within to be called marginal. */
export const MARGINAL = { hours: 1, kmh: 2 } as const;

const H = MS_PER_HOUR;
const nonNegative = (i: Interval): Interval => interval(Math.max(i.lo, 0), Math.max(i.hi, 0));

/** Signed distance between two intervals: the smaller overlap extent, or minus their gap. */
export function signedMargin(a: Interval, b: Interval): number {
  if (!intersect(a, b)) return -gap(a, b);
  return Math.min(a.hi - b.lo, b.hi - a.lo);
}

/** The reported events with a place on a routing, in km order. */
export function eventsOn(journey: Journey, m: MeasuredVariant): EventOnVariant[] {
  return journey.events
    .flatMap((e: JourneyEvent) => {
      const km = placeKm(m, e.at);
      if (km === null) return [];
      return [
        {
          id: e.id,
          name: e.name,
          km,
          windowUtcMs: interval(isoToUtcMs(e.window.from), isoToUtcMs(e.window.to)),
        },
      ];
    })
    .sort((a, b) => a.km - b.km);
}

/** Published km at a measured km: each leg scaled to its published length. */
export function publishedKmAt(m: MeasuredVariant, km: number): number {
  let out = 0;
  for (const leg of m.summary.legs) {
    const scaleF =
      leg.publishedKm !== null && leg.lengthKm > 0 ? leg.publishedKm / leg.lengthKm : 1;
    const inLeg = Math.min(Math.max(km - leg.startKm, 0), leg.lengthKm);
    out += inLeg * scaleF;
  }
  return out;
}

const NEAR_KM = 0.5;

/** The dwell of the stops within [fromKm, toKm]; stops at an end count from 0. */
export function dwellOn(
  stops: readonly Stop[],
  m: MeasuredVariant,
  fromKm: number,
  toKm: number,
): { dwellH: Interval; stops: string[] } {
  let dwellH = point(0);
  const ids: string[] = [];
  for (const s of stops) {
    const km = placeKm(m, s.at);
    if (km === null || km < fromKm - NEAR_KM || km > toKm + NEAR_KM) continue;
    const atEnd = Math.abs(km - fromKm) <= NEAR_KM || Math.abs(km - toKm) <= NEAR_KM;
    dwellH = add(dwellH, interval(atEnd ? 0 : s.dwellH.lo, s.dwellH.hi));
    ids.push(s.id);
  }
  return { dwellH, stops: ids };
}

function makeStretch(
  journey: Journey,
  m: MeasuredVariant,
  outer: [EventOnVariant, EventOnVariant],
  inner: [EventOnVariant, EventOnVariant],
  fromKm: number,
  toKm: number,
): Stretch {
  const [a, b] = outer;
  const exact = inner[0] === a && inner[1] === b;
  const outerH = scale(sub(b.windowUtcMs, a.windowUtcMs), 1 / H);
  const innerH = scale(sub(inner[1].windowUtcMs, inner[0].windowUtcMs), 1 / H);
  const windowH = nonNegative(exact ? outerH : interval(Math.min(innerH.lo, outerH.hi), outerH.hi));
  const distanceKm = toKm - fromKm;
  const { dwellH, stops } = dwellOn(journey.stops ?? [], m, fromKm, toKm);
  return {
    variant: m.summary.variant,
    from: a.id,
    to: b.id,
    fromKm,
    toKm,
    distanceKm,
    publishedKm: publishedKmAt(m, toKm) - publishedKmAt(m, fromKm),
    windowH,
    dwellH,
    stops,
    doorToDoorKmh: div(point(distanceKm), windowH),
    runningKmh: div(point(distanceKm), nonNegative(sub(windowH, dwellH))),
    exact,
  };
}

/** The stretch between two events (in km order) on a routing. */
export function stretchBetween(
  journey: Journey,
  m: MeasuredVariant,
  a: EventOnVariant,
  b: EventOnVariant,
): Stretch {
  return makeStretch(journey, m, [a, b], [a, b], a.km, b.km);
}

/**
 * The stretch a scope covers on a routing, bracketed by the reported events around it; null
 * when the scope does not apply to the routing or no event lies on either side of it.
 */
export function scopeStretch(
  journey: Journey,
  m: MeasuredVariant,
  scope: string,
  events: EventOnVariant[],
): Stretch | null {
  const legs = scopeLegs(m, scope);
  if (!legs || legs.length === 0) return null;
  const fromKm = Math.min(...legs.map((l) => l.startKm));
  const toKm = Math.max(...legs.map((l) => l.startKm + l.lengthKm));
  const before = events.filter((e) => e.km <= fromKm + NEAR_KM);
  const after = events.filter((e) => e.km >= toKm - NEAR_KM);
  const inside = events.filter((e) => e.km >= fromKm - NEAR_KM && e.km <= toKm + NEAR_KM);
  const a = before[before.length - 1];
  const b = after[0];
  if (!a || !b || a === b) return null;
  const innerA = inside[0] ?? a;
  const innerB = inside[inside.length - 1] ?? b;
  const inner: [EventOnVariant, EventOnVariant] = innerA.km < innerB.km ? [innerA, innerB] : [a, b];
  return makeStretch(journey, m, [a, b], inner, fromKm, toKm);
}

/**
 * The stretches the timeline is read on for one routing: departure → arrival, every pair of
 * consecutive events, and departure → border and border → arrival.
 */
export function stretchesOn(journey: Journey, m: MeasuredVariant): Stretch[] {
  const events = eventsOn(journey, m);
  if (events.length < 2) return [];
  const first = events[0]!;
  const last = events[events.length - 1]!;
  const pairs: [EventOnVariant, EventOnVariant][] = [[first, last]];
  for (let i = 0; i + 1 < events.length; i++) pairs.push([events[i]!, events[i + 1]!]);
  const border = journey.events.find((e) => e.at.kind === 'border');
  const b = border ? events.find((e) => e.id === border.id) : undefined;
  if (b) pairs.push([first, b], [b, last]);
  const seen = new Set<string>();
  return pairs.flatMap(([a, c]) => {
    const key = `${a.id}>${c.id}`;
    if (seen.has(key) || a.km >= c.km) return [];
    seen.add(key);
    return [stretchBetween(journey, m, a, c)];
  });
}

/** The readings a speed claim supports: from the data, or from its phrase's mode. */
export function readingsOf(c: ResolvedClaim): TimelineReading[] {
  if (c.type === 'duration') return ['duration'];
  if (c.type !== 'speed') return [];
  const given = c.claim.readings?.map((r) => r.as);
  if (given?.length) return given;
  return [c.mode === 'top' ? 'top' : 'door-to-door'];
}

/** The speed interval a claim states for a reading (a top speed keeps only its upper end). */
function claimedKmh(c: ResolvedClaim, reading: TimelineReading, distanceKm: number): Interval {
  if (c.type === 'duration') return div(point(distanceKm), c.durationH);
  if (c.type !== 'speed') throw new RangeError('a speed or duration claim expected');
  return reading === 'top' ? interval(0, c.statedKmh.hi) : c.statedKmh;
}

/** Hours of travel time a claim implies on a stretch, door to door. */
function claimedHours(
  c: ResolvedClaim,
  reading: TimelineReading,
  distanceKm: number,
  dwellH: Interval,
): Interval {
  if (c.type === 'duration') return c.durationH;
  const v = claimedKmh(c, reading, distanceKm);
  if (reading === 'top') return interval(distanceKm / v.hi + dwellH.lo, Infinity);
  const running = div(point(distanceKm), v);
  return reading === 'running' ? add(running, dwellH) : running;
}

function numbers(
  c: ResolvedClaim,
  reading: TimelineReading,
  s: Stretch,
  distanceKm: number,
): TimelineNumbers {
  const claimedH = claimedHours(c, reading, distanceKm, s.dwellH);
  const kmh = claimedKmh(c, reading, distanceKm);
  const running = reading === 'running' || reading === 'top';
  const neededKmh = div(
    point(distanceKm),
    running ? nonNegative(sub(s.windowH, s.dwellH)) : s.windowH,
  );
  return {
    distanceKm,
    claimedH,
    windowH: s.windowH,
    claimedKmh: kmh,
    neededKmh,
    verdict: overlapVerdict(claimedH, s.windowH),
    marginH: signedMargin(claimedH, s.windowH),
    marginKmh: signedMargin(kmh, neededKmh),
  };
}

const fits = (v: Verdict): boolean => v !== 'inconsistent';

/** One claim, read one way, against one stretch. */
export function checkOnStretch(
  c: ResolvedClaim,
  reading: TimelineReading,
  s: Stretch,
  binding: boolean,
  events: EventOnVariant[],
): TimelineCheck {
  const measured = numbers(c, reading, s, s.distanceKm);
  const published = numbers(c, reading, s, s.publishedKm);
  const E = events.find((e) => e.id === s.from)!.windowUtcMs;
  const L = events.find((e) => e.id === s.to)!.windowUtcMs;
  const claimedMs = scale(measured.claimedH, H);
  const neededFromUtcMs = sub(L, claimedMs);
  const neededToUtcMs = add(E, claimedMs);
  const near = (n: TimelineNumbers): boolean =>
    Math.abs(n.marginH) < MARGINAL.hours || Math.abs(n.marginKmh) < MARGINAL.kmh;
  return {
    claim: c.claim.id,
    reading,
    variant: s.variant,
    from: s.from,
    to: s.to,
    binding,
    measured,
    published,
    marginal: near(measured) || fits(measured.verdict) !== fits(published.verdict),
    fromUtcMs: intersect(E, neededFromUtcMs),
    toUtcMs: intersect(L, neededToUtcMs),
    neededFromUtcMs,
    neededToUtcMs,
    runningKmh:
      c.type === 'duration' && s.dwellH.hi > 0
        ? div(point(s.distanceKm), nonNegative(sub(c.durationH, s.dwellH)))
        : null,
  };
}

/**
 * Every speed and duration claim about this journey against the reported timeline, on every
 * routing: each reading on the stretch its scope covers, and a top speed on every stretch inside
 * its scope as well (a top speed rules out any stretch that needs a higher average).
 */
export function timelineChecks(
  journey: Journey,
  variants: MeasuredVariant[],
  claims: ResolvedClaim[],
): { stretches: Stretch[]; checks: TimelineCheck[] } {
  const stretches: Stretch[] = [];
  const checks: TimelineCheck[] = [];
  for (const m of variants) {
    const events = eventsOn(journey, m);
    const own = stretchesOn(journey, m);
    stretches.push(...own);
    for (const c of claims) {
      if (c.claim.journey !== 'this' || (c.type !== 'speed' && c.type !== 'duration')) continue;
      const scoped = scopeStretch(journey, m, c.reading.scope, events);
      if (!scoped) continue;
      const known = [...own, ...stretches].find(
        (s) =>
          s.variant === scoped.variant &&
          s.from === scoped.from &&
          s.to === scoped.to &&
          s.fromKm === scoped.fromKm &&
          s.toKm === scoped.toKm,
      );
      if (!known) stretches.push(scoped);
      for (const reading of readingsOf(c)) {
        checks.push(checkOnStretch(c, reading, known ?? scoped, true, events));
        if (reading !== 'top') continue;
        for (const s of own)
          if (s !== known && s.fromKm >= scoped.fromKm - NEAR_KM && s.toKm <= scoped.toKm + NEAR_KM)
            checks.push(checkOnStretch(c, reading, s, true, events));
      }
    }
  }
  return { stretches, checks };
}
