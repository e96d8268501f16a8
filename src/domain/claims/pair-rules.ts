import {
  add,
  div,
  gap,
  hullOf,
  interval,
  intersect,
  point,
  scale,
  sub,
  type Interval,
} from '../time/interval';
import type { JourneyEvent } from '../data/journey';
import { MS_PER_HOUR, msToH } from '../time/units';
import {
  placeKm,
  type DurationClaim,
  type MeasuredVariant,
  type ResolvedClaim,
  type SpeedClaim,
  type TimeClaim,
} from './claims';
import type { Condition, PairNumbers, PairVerdict, StretchOnVariant } from './report';
import { dwellOn } from './timeline';
import { overlapVerdict, touching, type Verdict } from './verdict';

/** What the pair rules need to know about the journey. */
export interface PairCtx {
  variants: MeasuredVariant[];
  /** The highest average speed any stretch is taken at, km/h. */
  capKmh: number;
  events: Map<string, JourneyEvent>;
  stops: NonNullable<import('../data/journey').Journey['stops']>;
}

const EVENT_KINDS = new Set(['departure', 'border', 'passing', 'arrival']);

function verdictOf(
  a: string,
  b: string,
  verdict: Verdict,
  conditions: Condition[],
  numbers: PairNumbers,
): PairVerdict {
  return { a, b, verdict, conditions: verdict === 'conditional' ? conditions : [], numbers };
}

/** Two claims about the same event: do their windows meet? */
function sameEvent(a: TimeClaim, b: TimeClaim, event: string): PairVerdict {
  const o = intersect(a.windowUtcMs, b.windowUtcMs);
  return verdictOf(
    a.claim.id,
    b.claim.id,
    overlapVerdict(a.windowUtcMs, b.windowUtcMs),
    o ? [{ kind: 'time', event, windowUtcMs: o }] : [],
    {
      kind: 'same-event',
      event,
      windowAUtcMs: a.windowUtcMs,
      windowBUtcMs: b.windowUtcMs,
      overlapUtcMs: o,
      touching: touching(a.windowUtcMs, b.windowUtcMs),
      gapH: msToH(gap(a.windowUtcMs, b.windowUtcMs)),
    },
  );
}

/** A window that must come before another (an event before its announcement, etc.). */
function order(a: TimeClaim, b: TimeClaim, first: TimeClaim, event: string): PairVerdict {
  const second = first === a ? b : a;
  const f = first.windowUtcMs;
  const s = second.windowUtcMs;
  const verdict: Verdict =
    f.lo > s.hi ? 'inconsistent' : f.hi <= s.lo ? 'consistent' : 'conditional';
  const trimmed = intersect(f, interval(-Infinity, s.hi));
  return verdictOf(
    a.claim.id,
    b.claim.id,
    verdict,
    trimmed ? [{ kind: 'time', event, windowUtcMs: trimmed }] : [],
    { kind: 'order', firstUtcMs: f, secondUtcMs: s, marginH: msToH(s.hi - f.lo) },
  );
}

/**
 * Two events at different places: can the train cover the stretch between their windows? It
 * can always be slower (it may stop), so only the speed cap and the stops inside the stretch
 * bound it: the later event comes at least distance / cap + the shortest dwell after the earlier.
 * A window the stretch trims is a condition, whichever of the two it is.
 */
function stretch(
  ctx: PairCtx,
  a: TimeClaim,
  b: TimeClaim,
  evA: JourneyEvent,
  evB: JourneyEvent,
): PairVerdict {
  const perVariant: StretchOnVariant[] = [];
  let earlierId = evA.id;
  let laterId = evB.id;
  for (const m of ctx.variants) {
    const kmA = placeKm(m, evA.at);
    const kmB = placeKm(m, evB.at);
    if (kmA === null || kmB === null || kmA === kmB) continue;
    const aFirst = kmA < kmB;
    const [E, L] = aFirst ? [a.windowUtcMs, b.windowUtcMs] : [b.windowUtcMs, a.windowUtcMs];
    [earlierId, laterId] = aFirst ? [evA.id, evB.id] : [evB.id, evA.id];
    const distanceKm = Math.abs(kmB - kmA);
    const { dwellH } = dwellOn(ctx.stops, m, Math.min(kmA, kmB), Math.max(kmA, kmB));
    const minH = distanceKm / ctx.capKmh + dwellH.lo;
    const needMs = interval(minH * MS_PER_HOUR, Infinity);
    const earlierFeasible = intersect(E, sub(L, needMs));
    const laterFeasible = intersect(L, add(E, needMs));
    const durationH = scale(sub(L, E), 1 / MS_PER_HOUR);
    const feasibleH = intersect(durationH, interval(minH, Infinity));
    perVariant.push({
      variant: m.summary.variant,
      distanceKm,
      durationH,
      minDurationH: minH,
      dwellH,
      speedKmh: durationH.hi <= 0 ? null : div(point(distanceKm), nonNeg(durationH)),
      feasible: earlierFeasible !== null,
      earlierFeasibleUtcMs: earlierFeasible,
      laterFeasibleUtcMs: laterFeasible,
      feasibleSpeedKmh:
        feasibleH && feasibleH.hi > 0 ? div(point(distanceKm), nonNeg(feasibleH)) : null,
    });
  }
  const numbers: PairNumbers = { kind: 'stretch', earlier: earlierId, later: laterId, perVariant };
  if (perVariant.length === 0) return verdictOf(a.claim.id, b.claim.id, 'independent', [], numbers);
  const ok = perVariant.filter((v) => v.feasible);
  if (ok.length === 0) return verdictOf(a.claim.id, b.claim.id, 'inconsistent', [], numbers);
  const conditions: Condition[] = [];
  if (ok.length < perVariant.length)
    conditions.push({ kind: 'variant', variants: ok.map((v) => v.variant) });
  const [E, L] =
    earlierId === evA.id ? [a.windowUtcMs, b.windowUtcMs] : [b.windowUtcMs, a.windowUtcMs];
  const eF = hullOf(ok.map((v) => v.earlierFeasibleUtcMs!));
  const lF = hullOf(ok.map((v) => v.laterFeasibleUtcMs!));
  const eTrimmed = eF.lo > E.lo || eF.hi < E.hi;
  const lTrimmed = lF.lo > L.lo || lF.hi < L.hi;
  if (eTrimmed) conditions.push({ kind: 'time', event: earlierId, windowUtcMs: eF });
  if (lTrimmed) conditions.push({ kind: 'time', event: laterId, windowUtcMs: lF });
  if (eTrimmed || lTrimmed) {
    const speeds = ok.flatMap((v) => (v.feasibleSpeedKmh ? [v.feasibleSpeedKmh] : []));
    if (speeds.length) conditions.push({ kind: 'speed', speedKmh: hullOf(speeds) });
  }
  const verdict: Verdict = conditions.length ? 'conditional' : 'consistent';
  return verdictOf(a.claim.id, b.claim.id, verdict, conditions, numbers);
}

const nonNeg = (i: Interval): Interval => interval(Math.max(i.lo, 0), Math.max(i.hi, 0));

function timePair(ctx: PairCtx, a: TimeClaim, b: TimeClaim): PairVerdict {
  const ka = a.reading.kind;
  const kb = b.reading.kind;
  const ea = a.reading.event;
  const eb = b.reading.event;
  const independent = (): PairVerdict =>
    verdictOf(a.claim.id, b.claim.id, 'independent', [], { kind: 'independent' });
  if (ka === 'report' || kb === 'report') {
    const [report, other] = ka === 'report' ? [a, b] : [b, a];
    if (
      other.reading.kind === 'report' ||
      other.reading.event !== report.reading.event ||
      !eb ||
      !ea
    )
      return independent();
    return order(a, b, other, ea);
  }
  if (ka === 'en-route' || kb === 'en-route') {
    const [onboard, other] = ka === 'en-route' ? [a, b] : [b, a];
    const event = other.reading.event;
    if (!event || (other.reading.kind !== 'departure' && other.reading.kind !== 'arrival'))
      return independent();
    // left before the day on board ended; arrived after it began
    if (other.reading.kind === 'departure') return order(a, b, other, event);
    const verdict: Verdict =
      other.windowUtcMs.hi < onboard.windowUtcMs.lo
        ? 'inconsistent'
        : other.windowUtcMs.lo >= onboard.windowUtcMs.lo
          ? 'consistent'
          : 'conditional';
    const trimmed = intersect(other.windowUtcMs, interval(onboard.windowUtcMs.lo, Infinity));
    return verdictOf(
      a.claim.id,
      b.claim.id,
      verdict,
      trimmed ? [{ kind: 'time', event, windowUtcMs: trimmed }] : [],
      {
        kind: 'order',
        firstUtcMs: onboard.windowUtcMs,
        secondUtcMs: other.windowUtcMs,
        marginH: msToH(other.windowUtcMs.hi - onboard.windowUtcMs.lo),
      },
    );
  }
  if (!ea || !eb || !EVENT_KINDS.has(ka) || !EVENT_KINDS.has(kb)) return independent();
  if (ea === eb) return sameEvent(a, b, ea);
  const evA = ctx.events.get(ea);
  const evB = ctx.events.get(eb);
  return evA && evB ? stretch(ctx, a, b, evA, evB) : independent();
}

function speedDuration(
  ctx: PairCtx,
  s: SpeedClaim,
  d: DurationClaim,
  a: string,
  b: string,
): PairVerdict {
  const perVariant = ctx.variants.map((m) => {
    const distanceKm = m.summary.totalKm;
    const impliedDurationH = div(point(distanceKm), s.speedKmh);
    const overlapH = intersect(impliedDurationH, d.durationH);
    return {
      variant: m.summary.variant,
      distanceKm,
      impliedDurationH,
      claimedDurationH: d.durationH,
      overlapH,
      gapH: gap(impliedDurationH, d.durationH),
    };
  });
  const numbers: PairNumbers = { kind: 'speed-duration', perVariant };
  const ok = perVariant.filter((v) => v.overlapH);
  if (ok.length === 0) return verdictOf(a, b, 'inconsistent', [], numbers);
  const conditions: Condition[] = [];
  if (ok.length < perVariant.length)
    conditions.push({ kind: 'variant', variants: ok.map((v) => v.variant) });
  const partial = ok.some(
    (v) => overlapVerdict(v.impliedDurationH, v.claimedDurationH) === 'conditional',
  );
  if (partial) conditions.push({ kind: 'duration', durationH: hullOf(ok.map((v) => v.overlapH!)) });
  return verdictOf(a, b, conditions.length ? 'conditional' : 'consistent', conditions, numbers);
}

/** Whether one claim repeats the other's figure: then neither is evidence for the other. */
const repeats = (a: ResolvedClaim, b: ResolvedClaim): boolean =>
  a.claim.repeats === b.claim.id || b.claim.repeats === a.claim.id;

/**
 * The verdict for one pair of resolved claims. Symmetric: swapping the claims swaps `a` and `b`
 * and nothing else.
 */
export function pairVerdict(ctx: PairCtx, a: ResolvedClaim, b: ResolvedClaim): PairVerdict {
  const ids: [string, string] = [a.claim.id, b.claim.id];
  if (repeats(a, b)) return verdictOf(...ids, 'independent', [], { kind: 'same-report' });
  if (a.type === 'time' && b.type === 'time') return timePair(ctx, a, b);
  if (a.type === 'speed' && b.type === 'speed' && a.reading.scope === b.reading.scope) {
    const o = intersect(a.speedKmh, b.speedKmh);
    return verdictOf(
      ...ids,
      overlapVerdict(a.speedKmh, b.speedKmh),
      o ? [{ kind: 'speed', speedKmh: o }] : [],
      {
        kind: 'speed-speed',
        speedAKmh: a.speedKmh,
        speedBKmh: b.speedKmh,
        overlapKmh: o,
        gapKmh: gap(a.speedKmh, b.speedKmh),
      },
    );
  }
  if (a.type === 'duration' && b.type === 'duration' && a.reading.scope === b.reading.scope) {
    const o = intersect(a.durationH, b.durationH);
    return verdictOf(
      ...ids,
      overlapVerdict(a.durationH, b.durationH),
      o ? [{ kind: 'duration', durationH: o }] : [],
      {
        kind: 'duration-duration',
        durationAH: a.durationH,
        durationBH: b.durationH,
        overlapH: o,
        gapH: gap(a.durationH, b.durationH),
      },
    );
  }
  const whole = (c: ResolvedClaim): boolean =>
    (c.type === 'speed' || c.type === 'duration') && c.reading.scope === 'whole';
  if (a.type === 'speed' && b.type === 'duration' && whole(a) && whole(b))
    return speedDuration(ctx, a, b, ...ids);
  if (a.type === 'duration' && b.type === 'speed' && whole(a) && whole(b))
    return speedDuration(ctx, b, a, ...ids);
  return verdictOf(...ids, 'independent', [], { kind: 'independent' });
}

/** A reported event as a time claim, to judge a claim against the reported timeline. */
export function eventAsClaim(e: JourneyEvent, windowUtcMs: Interval): TimeClaim {
  const kind = e.at.kind === 'start' ? 'departure' : e.at.kind === 'end' ? 'arrival' : 'border';
  return {
    type: 'time',
    claim: {
      id: `event:${e.id}`,
      basis: 'reference',
      source: e.source,
      journey: 'this',
      quote: e.name,
      reading: { kind, event: e.id, day: '', phrase: '', zones: [e.zone] },
    },
    reading: {
      kind: e.at.kind === 'station' ? 'passing' : kind,
      event: e.id,
      day: '',
      phrase: '',
      zones: [e.zone],
    },
    windowUtcMs,
  };
}
