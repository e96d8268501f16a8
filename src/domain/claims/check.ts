import {
  durationImplications,
  distanceImplications,
  measureVariants,
  placeKm,
  resolveClaims,
  speedImplications,
  type DistanceOnVariant,
  type DurationClaim,
  type DurationOnVariant,
  type MeasuredVariant,
  type ResolvedClaim,
  type SpeedClaim,
  type SpeedOnVariant,
  type TimeClaim,
  type VariantMeasure,
} from './claims';
import {
  add,
  containsInterval,
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
import type { Journey, JourneyEvent, VagueWords, Zone } from '../data/journey';
import type { RouteCollection } from '../route/route';
import { formatLocal, isoToUtcMs } from '../time/timezone';
import { MS_PER_HOUR, msToH } from '../time/units';

/** A pair's verdict. `independent`: the two claims constrain different things. */
export type Verdict = 'consistent' | 'inconsistent' | 'conditional' | 'independent';

/** One machine-readable condition under which a pair can be true together. */
export type Condition =
  | { kind: 'variant'; variants: string[] }
  | { kind: 'time'; event: string; windowUtcMs: Interval }
  | { kind: 'speed'; speedKmh: Interval }
  | { kind: 'duration'; durationH: Interval };

/** A stretch between two events on one routing. */
export interface StretchOnVariant {
  variant: string;
  distanceKm: number;
  /** Later window minus earlier window, hours (may start below 0). */
  durationH: Interval;
  /** Average speed range over the stretch; hi is Infinity when the duration may be 0. */
  speedKmh: Interval | null;
  feasible: boolean;
  earlierFeasibleUtcMs: Interval | null;
  laterFeasibleUtcMs: Interval | null;
  feasibleSpeedKmh: Interval | null;
}

/** The numbers that decide a pair, by the kind of comparison. */
export type PairNumbers =
  | {
      kind: 'same-event';
      event: string;
      windowAUtcMs: Interval;
      windowBUtcMs: Interval;
      overlapUtcMs: Interval | null;
      gapH: number;
    }
  | { kind: 'stretch'; earlier: string; later: string; perVariant: StretchOnVariant[] }
  | {
      kind: 'order';
      /** The instant window that must come first and the one that must come second. */
      firstUtcMs: Interval;
      secondUtcMs: Interval;
      marginH: number;
    }
  | {
      kind: 'speed-speed';
      speedAKmh: Interval;
      speedBKmh: Interval;
      overlapKmh: Interval | null;
      gapKmh: number;
    }
  | {
      kind: 'duration-duration';
      durationAH: Interval;
      durationBH: Interval;
      overlapH: Interval | null;
      gapH: number;
    }
  | {
      kind: 'speed-duration';
      perVariant: {
        variant: string;
        distanceKm: number;
        impliedDurationH: Interval;
        claimedDurationH: Interval;
        overlapH: Interval | null;
        gapH: number;
      }[];
    }
  | { kind: 'independent' };

/** One cell of the consistency matrix. */
export interface PairVerdict {
  a: string;
  b: string;
  verdict: Verdict;
  /** "only on route B; only if …", null unless conditional. */
  condition: string | null;
  conditions: Condition[];
  numbers: PairNumbers;
}

/** What one claim implies, by claim type. */
export type ClaimImplication =
  | {
      type: 'time';
      kind: string;
      event: string | null;
      windowUtcMs: Interval;
      windowLocal: { from: string; to: string };
      widthH: number;
    }
  | {
      type: 'speed';
      speedKmh: Interval;
      mode: 'average' | 'top';
      scope: string;
      perVariant: SpeedOnVariant[];
    }
  | { type: 'duration'; durationH: Interval; scope: string; perVariant: DurationOnVariant[] }
  | { type: 'distance'; distanceKm: Interval; scope: string; perVariant: DistanceOnVariant[] };

/** A claim in the report: where it comes from and what it implies. */
export interface ClaimReport {
  id: string;
  basis: 'article' | 'reference';
  source: string;
  quote: string;
  journey: string;
  implication: ClaimImplication;
}

/** Check of a claim about another journey against that journey's reference facts. */
export interface OtherJourneyCheck {
  claim: string;
  journey: string;
  claimedDurationH: Interval;
  distanceKm: Interval;
  impliedSpeedKmh: Interval;
  reportedDurationsH: Interval;
  timelineDurationH: Interval | null;
  verdict: Verdict;
  condition: string | null;
}

/** The whole fact-check of a journey against its route. */
export interface CheckReport {
  journey: { id: string; title: string };
  plausibleSpeedKmh: Interval;
  variants: VariantMeasure[];
  events: {
    id: string;
    name: string;
    windowUtcMs: Interval;
    windowLocal: { from: string; to: string };
    source: string;
  }[];
  /** Depart→arrive from the reference event windows, and the speed that implies per routing. */
  referenceTrip: {
    durationH: Interval;
    perVariant: { variant: string; distanceKm: number; speedKmh: Interval }[];
  };
  claims: ClaimReport[];
  matrix: PairVerdict[];
  otherJourneys: OtherJourneyCheck[];
}

interface Ctx {
  journey: Journey;
  variants: MeasuredVariant[];
  plausibleKmh: Interval;
  events: Map<string, JourneyEvent>;
}

const EVENT_KINDS = new Set(['departure', 'border', 'passing', 'arrival']);

/** Overlap of two intervals as a verdict: nested → consistent, partial → conditional. */
function overlapVerdict(a: Interval, b: Interval): Verdict {
  const o = intersect(a, b);
  if (!o) return 'inconsistent';
  return containsInterval(a, b) || containsInterval(b, a) ? 'consistent' : 'conditional';
}

const zoneOf = (ctx: Ctx, zoneId: string | undefined): Zone =>
  ctx.journey.zones[zoneId ?? ''] ?? Object.values(ctx.journey.zones)[0]!;

const fmt1 = (x: number): string => (Number.isFinite(x) ? x.toFixed(1) : '∞');

/** Human text for one condition; the fields stay the source of truth. */
export function conditionText(c: Condition, ctx: Pick<Ctx, 'journey' | 'events'>): string {
  if (c.kind === 'variant')
    return `only on route${c.variants.length > 1 ? 's' : ''} ${c.variants.join(', ')}`;
  if (c.kind === 'speed')
    return `only if it averaged ${fmt1(c.speedKmh.lo)}–${fmt1(c.speedKmh.hi)} km/h`;
  if (c.kind === 'duration')
    return `only if it took ${c.durationH.lo.toFixed(2)}–${c.durationH.hi.toFixed(2)} h`;
  const event = ctx.events.get(c.event);
  const zone = ctx.journey.zones[event?.zone ?? ''] ?? Object.values(ctx.journey.zones)[0]!;
  return `only if "${event?.name ?? c.event}" fell within ${formatLocal(c.windowUtcMs.lo, zone)} – ${formatLocal(c.windowUtcMs.hi, zone)}`;
}

function verdictOf(
  ctx: Ctx,
  a: string,
  b: string,
  verdict: Verdict,
  conditions: Condition[],
  numbers: PairNumbers,
): PairVerdict {
  const cond = verdict === 'conditional' ? conditions : [];
  return {
    a,
    b,
    verdict,
    condition: cond.length ? cond.map((c) => conditionText(c, ctx)).join('; ') : null,
    conditions: cond,
    numbers,
  };
}

/** Two claims about the same event: do their windows meet? */
function sameEvent(ctx: Ctx, a: TimeClaim, b: TimeClaim, event: string): PairVerdict {
  const o = intersect(a.windowUtcMs, b.windowUtcMs);
  const verdict = overlapVerdict(a.windowUtcMs, b.windowUtcMs);
  return verdictOf(
    ctx,
    a.claim.id,
    b.claim.id,
    verdict,
    o ? [{ kind: 'time', event, windowUtcMs: o }] : [],
    {
      kind: 'same-event',
      event,
      windowAUtcMs: a.windowUtcMs,
      windowBUtcMs: b.windowUtcMs,
      overlapUtcMs: o,
      gapH: msToH(gap(a.windowUtcMs, b.windowUtcMs)),
    },
  );
}

/** A window that must come before another (an event before its announcement, etc.). */
function order(ctx: Ctx, a: TimeClaim, b: TimeClaim, first: TimeClaim, event: string): PairVerdict {
  const second = first === a ? b : a;
  const f = first.windowUtcMs;
  const s = second.windowUtcMs;
  const verdict: Verdict =
    f.lo > s.hi ? 'inconsistent' : f.hi <= s.lo ? 'consistent' : 'conditional';
  const trimmed = intersect(f, interval(-Infinity, s.hi));
  return verdictOf(
    ctx,
    a.claim.id,
    b.claim.id,
    verdict,
    trimmed ? [{ kind: 'time', event, windowUtcMs: trimmed }] : [],
    { kind: 'order', firstUtcMs: f, secondUtcMs: s, marginH: msToH(s.hi - f.lo) },
  );
}

/** Two events at different places: can the train cover the stretch between their windows? */
function stretch(
  ctx: Ctx,
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
    const [E, L] = kmA < kmB ? [a.windowUtcMs, b.windowUtcMs] : [b.windowUtcMs, a.windowUtcMs];
    [earlierId, laterId] = kmA < kmB ? [evA.id, evB.id] : [evB.id, evA.id];
    const distanceKm = Math.abs(kmB - kmA);
    const needMs = scale(div(point(distanceKm), ctx.plausibleKmh), MS_PER_HOUR);
    const earlierFeasible = intersect(E, sub(L, needMs));
    const laterFeasible = intersect(L, add(E, needMs));
    const durationH = scale(sub(L, E), 1 / MS_PER_HOUR);
    const speedKmh =
      durationH.hi <= 0
        ? null
        : div(point(distanceKm), interval(Math.max(durationH.lo, 0), durationH.hi));
    perVariant.push({
      variant: m.summary.variant,
      distanceKm,
      durationH,
      speedKmh,
      feasible: earlierFeasible !== null,
      earlierFeasibleUtcMs: earlierFeasible,
      laterFeasibleUtcMs: laterFeasible,
      feasibleSpeedKmh: speedKmh && earlierFeasible ? intersect(speedKmh, ctx.plausibleKmh) : null,
    });
  }
  const numbers: PairNumbers = { kind: 'stretch', earlier: earlierId, later: laterId, perVariant };
  if (perVariant.length === 0)
    return verdictOf(ctx, a.claim.id, b.claim.id, 'independent', [], numbers);
  const ok = perVariant.filter((v) => v.feasible);
  if (ok.length === 0) return verdictOf(ctx, a.claim.id, b.claim.id, 'inconsistent', [], numbers);
  const conditions: Condition[] = [];
  if (ok.length < perVariant.length)
    conditions.push({ kind: 'variant', variants: ok.map((v) => v.variant) });
  const [E, L] =
    earlierId === evA.id ? [a.windowUtcMs, b.windowUtcMs] : [b.windowUtcMs, a.windowUtcMs];
  const eF = hullOf(ok.map((v) => v.earlierFeasibleUtcMs!));
  const lF = hullOf(ok.map((v) => v.laterFeasibleUtcMs!));
  const eTrimmed = eF.lo > E.lo || eF.hi < E.hi;
  const lTrimmed = lF.lo > L.lo || lF.hi < L.hi;
  if (eTrimmed && lTrimmed) {
    conditions.push({ kind: 'time', event: earlierId, windowUtcMs: eF });
    conditions.push({ kind: 'time', event: laterId, windowUtcMs: lF });
    const speeds = ok.flatMap((v) => (v.feasibleSpeedKmh ? [v.feasibleSpeedKmh] : []));
    if (speeds.length) conditions.push({ kind: 'speed', speedKmh: hullOf(speeds) });
  }
  const verdict: Verdict = conditions.length ? 'conditional' : 'consistent';
  return verdictOf(ctx, a.claim.id, b.claim.id, verdict, conditions, numbers);
}

function timePair(ctx: Ctx, a: TimeClaim, b: TimeClaim): PairVerdict {
  const ka = a.reading.kind;
  const kb = b.reading.kind;
  const ea = a.reading.event;
  const eb = b.reading.event;
  const independent = (): PairVerdict =>
    verdictOf(ctx, a.claim.id, b.claim.id, 'independent', [], { kind: 'independent' });
  if (ka === 'report' || kb === 'report') {
    const [report, other] = ka === 'report' ? [a, b] : [b, a];
    if (
      other.reading.kind === 'report' ||
      other.reading.event !== report.reading.event ||
      !eb ||
      !ea
    )
      return independent();
    return order(ctx, a, b, other, ea);
  }
  if (ka === 'en-route' || kb === 'en-route') {
    const [onboard, other] = ka === 'en-route' ? [a, b] : [b, a];
    const event = other.reading.event;
    if (!event || (other.reading.kind !== 'departure' && other.reading.kind !== 'arrival'))
      return independent();
    // left before the day on board ended; arrived after it began
    if (other.reading.kind === 'departure') return order(ctx, a, b, other, event);
    const verdict: Verdict =
      other.windowUtcMs.hi < onboard.windowUtcMs.lo
        ? 'inconsistent'
        : other.windowUtcMs.lo >= onboard.windowUtcMs.lo
          ? 'consistent'
          : 'conditional';
    const trimmed = intersect(other.windowUtcMs, interval(onboard.windowUtcMs.lo, Infinity));
    return verdictOf(
      ctx,
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
  if (ea === eb) return sameEvent(ctx, a, b, ea);
  const evA = ctx.events.get(ea);
  const evB = ctx.events.get(eb);
  return evA && evB ? stretch(ctx, a, b, evA, evB) : independent();
}

function speedDuration(
  ctx: Ctx,
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
  if (ok.length === 0) return verdictOf(ctx, a, b, 'inconsistent', [], numbers);
  const conditions: Condition[] = [];
  if (ok.length < perVariant.length)
    conditions.push({ kind: 'variant', variants: ok.map((v) => v.variant) });
  const partial = ok.some(
    (v) => overlapVerdict(v.impliedDurationH, v.claimedDurationH) === 'conditional',
  );
  if (partial) conditions.push({ kind: 'duration', durationH: hullOf(ok.map((v) => v.overlapH!)) });
  return verdictOf(
    ctx,
    a,
    b,
    conditions.length ? 'conditional' : 'consistent',
    conditions,
    numbers,
  );
}

/** The verdict for one pair of resolved claims. */
export function pairVerdict(ctx: Ctx, a: ResolvedClaim, b: ResolvedClaim): PairVerdict {
  const ids: [string, string] = [a.claim.id, b.claim.id];
  if (a.type === 'time' && b.type === 'time') return timePair(ctx, a, b);
  if (a.type === 'speed' && b.type === 'speed' && a.reading.scope === b.reading.scope) {
    const o = intersect(a.speedKmh, b.speedKmh);
    return verdictOf(
      ctx,
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
      ctx,
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
  if (
    a.type === 'speed' &&
    b.type === 'duration' &&
    a.reading.scope === 'whole' &&
    b.reading.scope === 'whole'
  )
    return speedDuration(ctx, a, b, ...ids);
  if (
    a.type === 'duration' &&
    b.type === 'speed' &&
    a.reading.scope === 'whole' &&
    b.reading.scope === 'whole'
  )
    return speedDuration(ctx, b, a, ...ids);
  return verdictOf(ctx, ...ids, 'independent', [], { kind: 'independent' });
}

function implication(ctx: Ctx, c: ResolvedClaim): ClaimImplication {
  if (c.type === 'time') {
    const zone = zoneOf(ctx, ctx.events.get(c.reading.event ?? '')?.zone ?? c.reading.zones[0]);
    return {
      type: 'time',
      kind: c.reading.kind,
      event: c.reading.event ?? null,
      windowUtcMs: c.windowUtcMs,
      windowLocal: {
        from: formatLocal(c.windowUtcMs.lo, zone),
        to: formatLocal(c.windowUtcMs.hi, zone),
      },
      widthH: msToH(c.windowUtcMs.hi - c.windowUtcMs.lo),
    };
  }
  const vs = c.claim.journey === 'this' ? ctx.variants : [];
  if (c.type === 'speed')
    return {
      type: 'speed',
      speedKmh: c.speedKmh,
      mode: c.mode,
      scope: c.reading.scope,
      perVariant: speedImplications(c, vs),
    };
  if (c.type === 'duration')
    return {
      type: 'duration',
      durationH: c.durationH,
      scope: c.reading.scope,
      perVariant: durationImplications(c, vs, ctx.plausibleKmh),
    };
  return {
    type: 'distance',
    distanceKm: c.distanceKm,
    scope: c.reading.scope,
    perVariant: distanceImplications(c, vs),
  };
}

function checkOther(ctx: Ctx, c: DurationClaim, table: VagueWords): OtherJourneyCheck | null {
  const other = ctx.journey.otherJourneys?.find((o) => o.id === c.claim.journey);
  if (!other) return null;
  const entry = table.phrases[other.distance.phrase];
  const f = entry && 'loFactor' in entry ? entry : { loFactor: 1, hiFactor: 1 };
  const km = other.distance.unit === 'mi' ? other.distance.value * 1.609344 : other.distance.value;
  const distanceKm = interval(km * f.loFactor, km * f.hiFactor);
  const reported = hullOf(other.reportedDurationsH.map((r) => point(r.value)));
  const t = other.timeline;
  const timelineDurationH = t
    ? scale(
        sub(
          interval(isoToUtcMs(t.arrive.from), isoToUtcMs(t.arrive.to)),
          interval(isoToUtcMs(t.depart.from), isoToUtcMs(t.depart.to)),
        ),
        1 / MS_PER_HOUR,
      )
    : null;
  const evidence = timelineDurationH ? hullOf([reported, timelineDurationH]) : reported;
  const verdict = overlapVerdict(c.durationH, evidence);
  const o = intersect(c.durationH, evidence);
  return {
    claim: c.claim.id,
    journey: other.id,
    claimedDurationH: c.durationH,
    distanceKm,
    impliedSpeedKmh: div(distanceKm, c.durationH),
    reportedDurationsH: reported,
    timelineDurationH,
    verdict,
    condition:
      verdict === 'conditional' && o
        ? conditionText({ kind: 'duration', durationH: o }, ctx)
        : null,
  };
}

const sourceOf = (journey: Journey, c: ResolvedClaim['claim']): string => {
  if (c.basis === 'reference') return c.source ?? 'reference';
  const a = journey.articles.find((x) => x.id === c.article);
  return a
    ? `${a.id} · ${a.publisher} · ${a.headline ?? '(no headline)'} · ${a.date ?? 'undated'}`
    : (c.article ?? '');
};

/**
 * The fact-check of a journey: every routing measured with Turf, every claim's implications, the
 * consistency matrix over all pairs of claims about this journey (distance claims excepted: they
 * are checked against the geometry), and claims about other journeys against their references.
 */
export function checkJourney(
  journey: Journey,
  table: VagueWords,
  route: RouteCollection,
): CheckReport {
  const b = table.bounds.averageSpeedKmh;
  const ctx: Ctx = {
    journey,
    variants: measureVariants(route),
    plausibleKmh: interval(b.lo, b.hi),
    events: new Map(journey.events.map((e) => [e.id, e])),
  };
  const resolved = resolveClaims(journey, table);
  const mine = resolved.filter((c) => c.claim.journey === 'this' && c.type !== 'distance');
  const matrix: PairVerdict[] = [];
  for (let i = 0; i < mine.length; i++)
    for (let j = i + 1; j < mine.length; j++) matrix.push(pairVerdict(ctx, mine[i]!, mine[j]!));
  const eventWindow = (e: JourneyEvent): Interval =>
    interval(isoToUtcMs(e.window.from), isoToUtcMs(e.window.to));
  const depart = journey.events.find((e) => e.at.kind === 'start');
  const arrive = journey.events.find((e) => e.at.kind === 'end');
  const tripH =
    depart && arrive
      ? scale(sub(eventWindow(arrive), eventWindow(depart)), 1 / MS_PER_HOUR)
      : interval(0, Infinity);
  return {
    journey: { id: journey.id, title: journey.title },
    plausibleSpeedKmh: ctx.plausibleKmh,
    variants: ctx.variants.map((v) => v.summary),
    events: journey.events.map((e) => {
      const w = eventWindow(e);
      const zone = zoneOf(ctx, e.zone);
      return {
        id: e.id,
        name: e.name,
        windowUtcMs: w,
        windowLocal: { from: formatLocal(w.lo, zone), to: formatLocal(w.hi, zone) },
        source: e.source,
      };
    }),
    referenceTrip: {
      durationH: tripH,
      perVariant: ctx.variants.map((v) => ({
        variant: v.summary.variant,
        distanceKm: v.summary.totalKm,
        speedKmh: div(point(v.summary.totalKm), tripH),
      })),
    },
    claims: resolved.map((c) => ({
      id: c.claim.id,
      basis: c.claim.basis,
      source: sourceOf(journey, c.claim),
      quote: c.claim.quote,
      journey: c.claim.journey,
      implication: implication(ctx, c),
    })),
    matrix,
    otherJourneys: resolved.flatMap((c) =>
      c.claim.journey !== 'this' && c.type === 'duration' ? (checkOther(ctx, c, table) ?? []) : [],
    ),
  };
}

const PRECISION: [RegExp, number][] = [
  [/UtcMs$/, 0],
  [/Km$/, 1],
  [/Kmh$/, 1],
  [/H$/, 2],
  [/Pct$/, 1],
];

/**
 * A deep copy of a report with figures rounded to stable precision by the unit in their key
 * (km 0.1, km/h 0.1, h 0.01, %, ms whole), and infinite bounds as null, for JSON and goldens.
 */
export function roundReport<T>(value: T): T {
  const walk = (v: unknown, decimals: number | null): unknown => {
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return null;
      if (decimals === null) return v;
      const f = 10 ** decimals;
      const r = Math.round(v * f) / f;
      return r === 0 ? 0 : r;
    }
    if (Array.isArray(v)) return v.map((x) => walk(x, decimals));
    if (v && typeof v === 'object')
      return Object.fromEntries(
        Object.entries(v).map(([k, x]) => {
          const rule = PRECISION.find(([re]) => re.test(k));
          return [k, walk(x, rule ? rule[1] : decimals)];
        }),
      );
    return v;
  };
  return walk(value, null) as T;
}
