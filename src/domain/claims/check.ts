import { div, hullOf, interval, point, scale, sub, type Interval } from '../time/interval';
import type { Journey, JourneyEvent, VagueWords } from '../data/journey';
import type { RouteCollection } from '../route/route';
import { isoToUtcMs } from '../time/timezone';
import { MS_PER_HOUR, speedToKmh } from '../time/units';
import {
  distanceImplications,
  durationImplications,
  measureVariants,
  resolveClaims,
  speedImplications,
  type DurationClaim,
  type FactClaim,
  type MeasuredVariant,
  type ResolvedClaim,
} from './claims';
import { claimVerdict } from './claim-verdict';
import { eventAsClaim, pairVerdict, type PairCtx } from './pair-rules';
import type {
  CheckReport,
  ClaimGroup,
  ClaimImplication,
  FactCheck,
  OtherJourneyCheck,
  OtherJourneyTimeline,
  PairVerdict,
} from './report';
import { readingsOf, signedMargin, timelineChecks, type TimelineCheck } from './timeline';
import { quantityInterval } from './vague';
import { overlapVerdict, type Verdict } from './verdict';

export type * from './report';

/**
 * Above this many claims about the journey the pairwise matrix (n² pairs) is not computed: the
 * timeline verdicts still are, and the report says so in `matrixLimit`.
 */
export const MATRIX_CLAIM_LIMIT = 400;

const eventWindow = (e: JourneyEvent): Interval =>
  interval(isoToUtcMs(e.window.from), isoToUtcMs(e.window.to));

const MIN_MS = 60_000;

/** Reference time claims whose window is their event's window: the timeline is made of them. */
function timelineSources(
  resolved: ResolvedClaim[],
  events: Map<string, JourneyEvent>,
): Set<string> {
  const out = new Set<string>();
  for (const c of resolved) {
    if (c.type !== 'time' || c.claim.basis !== 'reference' || !c.reading.event) continue;
    const e = events.get(c.reading.event);
    if (!e) continue;
    const w = eventWindow(e);
    if (Math.abs(w.lo - c.windowUtcMs.lo) <= MIN_MS && Math.abs(w.hi - c.windowUtcMs.hi) <= MIN_MS)
      out.add(c.claim.id);
  }
  return out;
}

const DAY_MS = 86_400_000;
const YEAR_DAYS = 365.2425;

function factCheck(c: FactClaim, variants: MeasuredVariant[], table: VagueWords): FactCheck {
  const r = c.reading;
  if (r.kind === 'elapsed') {
    const claimedY = quantityInterval(r.value, r.phrase, table).interval;
    const actualY = (Date.parse(r.to.day) - Date.parse(r.from.day)) / DAY_MS / YEAR_DAYS;
    return {
      kind: 'elapsed',
      claimedY,
      actualY,
      fromDay: r.from.day,
      toDay: r.to.day,
      verdict: overlapVerdict(claimedY, point(actualY)),
      marginY: signedMargin(claimedY, point(actualY)),
    };
  }
  if (r.kind === 'date') {
    const claimedUtcMs = interval(isoToUtcMs(r.claimed.from), isoToUtcMs(r.claimed.to));
    const referenceUtcMs = interval(isoToUtcMs(r.reference.from), isoToUtcMs(r.reference.to));
    return {
      kind: 'date',
      about: r.about,
      claimedUtcMs,
      referenceUtcMs,
      verdict: overlapVerdict(claimedUtcMs, referenceUtcMs),
    };
  }
  const perVariant = variants.map((m) => {
    const km = r.via.map((name) => m.route.stations.find((s) => s.name === name)?.km ?? null);
    const inOrder = km.every((k, i) => k !== null && (i === 0 || k >= (km[i - 1] ?? 0)));
    return { variant: m.summary.variant, km, inOrder };
  });
  const n = perVariant.filter((p) => p.inOrder).length;
  const verdict: Verdict =
    n === perVariant.length ? 'consistent' : n ? 'conditional' : 'inconsistent';
  return { kind: 'route', via: r.via, perVariant, verdict };
}

function otherJourneyCheck(
  journey: Journey,
  c: DurationClaim,
  table: VagueWords,
): OtherJourneyCheck | null {
  const other = journey.otherJourneys?.find((o) => o.id === c.claim.journey);
  if (!other) return null;
  const km = speedToKmhDistance(other.distance.value, other.distance.unit);
  const entry = table.phrases[other.distance.phrase];
  const f = entry && 'loFactor' in entry ? entry : { loFactor: 1, hiFactor: 1 };
  const distanceKm = interval(km * f.loFactor, km * f.hiFactor);
  const evidence = other.reportedDurationsH.filter(
    (r) => !(r.repeatedBy ?? []).includes(c.claim.id),
  );
  const reported = evidence.length ? hullOf(evidence.map((r) => point(r.value))) : null;
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
  const against = timelineDurationH ?? reported;
  const verdict: Verdict = against ? overlapVerdict(c.durationH, against) : 'independent';
  return {
    claim: c.claim.id,
    journey: other.id,
    claimedDurationH: c.durationH,
    distanceKm,
    impliedSpeedKmh: div(distanceKm, c.durationH),
    reportedDurationsH: reported,
    timelineDurationH,
    verdict,
    reportsVerdict: reported ? overlapVerdict(c.durationH, reported) : null,
    marginH: against ? signedMargin(c.durationH, against) : 0,
  };
}

const speedToKmhDistance = (value: number, unit: 'km' | 'mi'): number =>
  unit === 'mi' ? value * 1.609344 : value;

function comparisons(journey: Journey, table: VagueWords): OtherJourneyTimeline[] {
  return (journey.otherJourneys ?? []).flatMap((o) => {
    if (!o.timeline) return [];
    const entry = table.phrases[o.distance.phrase];
    const f = entry && 'loFactor' in entry ? entry : { loFactor: 1, hiFactor: 1 };
    const km = speedToKmhDistance(o.distance.value, o.distance.unit);
    const distanceKm = interval(km * f.loFactor, km * f.hiFactor);
    const durationH = scale(
      sub(
        interval(isoToUtcMs(o.timeline.arrive.from), isoToUtcMs(o.timeline.arrive.to)),
        interval(isoToUtcMs(o.timeline.depart.from), isoToUtcMs(o.timeline.depart.to)),
      ),
      1 / MS_PER_HOUR,
    );
    return [
      {
        journey: o.id,
        title: o.title,
        distanceKm,
        durationH,
        speedKmh: div(distanceKm, durationH),
      },
    ];
  });
}

function groupOf(c: ResolvedClaim, events: Map<string, JourneyEvent>): ClaimGroup {
  if (c.claim.journey !== 'this') return 'other-trips';
  if (c.type === 'speed' || c.type === 'duration') return 'speed-duration';
  if (c.type === 'distance') return 'distance';
  if (c.type === 'fact') return 'other';
  const k = c.reading.kind;
  if (k === 'report' || k === 'en-route') {
    const at = events.get(c.reading.event ?? '')?.at.kind;
    return at === 'start' ? 'departure' : at === 'end' ? 'arrival' : 'passing';
  }
  return k;
}

function implication(
  c: ResolvedClaim,
  vs: MeasuredVariant[],
  events: Map<string, JourneyEvent>,
  table: VagueWords,
): ClaimImplication {
  if (c.type === 'time')
    return {
      type: 'time',
      kind: c.reading.kind,
      event: c.reading.event ?? null,
      windowUtcMs: c.windowUtcMs,
      zone: events.get(c.reading.event ?? '')?.zone ?? c.reading.zones[0]!,
      widthH: (c.windowUtcMs.hi - c.windowUtcMs.lo) / MS_PER_HOUR,
    };
  if (c.type === 'fact') return { type: 'fact', check: factCheck(c, vs, table) };
  const mine = c.claim.journey === 'this' ? vs : [];
  if (c.type === 'speed')
    return {
      type: 'speed',
      speedKmh: c.speedKmh,
      mode: c.mode,
      scope: c.reading.scope,
      readings: readingsOf(c),
      perVariant: speedImplications(c, mine),
    };
  if (c.type === 'duration')
    return {
      type: 'duration',
      durationH: c.durationH,
      scope: c.reading.scope,
      perVariant: durationImplications(c, mine),
    };
  return {
    type: 'distance',
    distanceKm: c.distanceKm,
    scope: c.reading.scope,
    perVariant: distanceImplications(c, mine),
  };
}

const sourceOf = (journey: Journey, c: ResolvedClaim['claim']): string => {
  if (c.basis === 'reference') return c.source ?? 'reference';
  const a = journey.articles.find((x) => x.id === c.article);
  return a
    ? `${a.id} · ${a.publisher} · ${a.headline ?? '(no headline)'} · ${a.date ?? 'undated'}`
    : (c.article ?? '');
};

/** Options of a check. */
export interface CheckOptions {
  /** Claims above which the pairwise matrix is left out (default MATRIX_CLAIM_LIMIT). */
  matrixClaimLimit?: number;
  /**
   * The routings already measured (an import arrives measured on its full line from the worker,
   * while `route` holds the simplified line the map draws): the check then uses the same km as
   * the distance panel instead of measuring `route` again.
   */
  measured?: MeasuredVariant[];
}

/**
 * The fact-check of a journey: every routing measured with Turf; every speed and duration claim
 * against the reported timeline (event windows, stops, the speed cap) on every routing; every
 * time claim against the reported events; the pairwise consistency matrix of the claims about
 * this journey; claims about other journeys against their timelines; and one verdict per claim.
 * A pure function of its inputs, so it can run in a worker.
 */
export function checkJourney(
  journey: Journey,
  table: VagueWords,
  route: RouteCollection,
  options: CheckOptions = {},
): CheckReport {
  const variants = options.measured ?? measureVariants(route);
  const events = new Map(journey.events.map((e) => [e.id, e]));
  const capKmh = journey.speedCap
    ? speedToKmh(journey.speedCap.value, journey.speedCap.unit)
    : Infinity;
  const ctx: PairCtx = { variants, capKmh, events, stops: journey.stops ?? [] };
  const resolved = resolveClaims(journey, table);
  const timeline = timelineChecks(journey, variants, resolved);
  const sources = timelineSources(resolved, events);

  const mine = resolved.filter(
    (c) =>
      c.claim.journey === 'this' &&
      (c.type === 'time' || c.type === 'speed' || c.type === 'duration'),
  );
  const limit = options.matrixClaimLimit ?? MATRIX_CLAIM_LIMIT;
  const computed = mine.length <= limit;
  const matrix: PairVerdict[] = [];
  const pairsOf = new Map<string, PairVerdict[]>();
  if (computed)
    for (let i = 0; i < mine.length; i++)
      for (let j = i + 1; j < mine.length; j++) {
        const p = pairVerdict(ctx, mine[i]!, mine[j]!);
        matrix.push(p);
        if (p.verdict === 'independent') continue;
        if (!sources.has(p.b)) pairsOf.set(p.a, [...(pairsOf.get(p.a) ?? []), p]);
        if (!sources.has(p.a)) pairsOf.set(p.b, [...(pairsOf.get(p.b) ?? []), p]);
      }

  const others = resolved.flatMap((c) =>
    c.claim.journey !== 'this' && c.type === 'duration'
      ? (otherJourneyCheck(journey, c, table) ?? [])
      : [],
  );
  const claims = resolved.map((c) => ({
    id: c.claim.id,
    basis: c.claim.basis,
    article: c.claim.article ?? null,
    source: sourceOf(journey, c.claim),
    quote: c.claim.quote,
    translation: c.claim.translation ?? null,
    journey: c.claim.journey,
    group: groupOf(c, events),
    implication: implication(c, variants, events, table),
  }));
  // looked up per claim: grouped once, not filtered per claim (O(n²) for thousands of claims)
  const checksOf = new Map<string, TimelineCheck[]>();
  for (const t of timeline.checks) {
    const list = checksOf.get(t.claim);
    if (list) list.push(t);
    else checksOf.set(t.claim, [t]);
  }
  const otherOf = new Map(others.map((o) => [o.claim, o]));
  const verdicts = resolved.map((c, i) => {
    const id = c.claim.id;
    const impl = claims[i]!.implication;
    const eventVerdicts =
      c.type === 'time' && !sources.has(id) && c.claim.journey === 'this'
        ? journey.events.flatMap((e) => {
            const p = pairVerdict(ctx, c, eventAsClaim(e, eventWindow(e)));
            return p.verdict === 'independent'
              ? []
              : [{ event: e.id, verdict: p.verdict, conditions: p.conditions }];
          })
        : [];
    return claimVerdict({
      claim: id,
      timelineSource: sources.has(id),
      timelineChecks: checksOf.get(id) ?? [],
      eventVerdicts,
      fact: impl.type === 'fact' ? impl.check : null,
      other: otherOf.get(id) ?? null,
      pairs: pairsOf.get(id) ?? [],
    });
  });

  return {
    journey: { id: journey.id, title: journey.title },
    speedCap: {
      kmh: capKmh,
      source: journey.speedCap?.source ?? 'no speed reported for this train: no cap',
    },
    stops: (journey.stops ?? []).map((s) => ({
      id: s.id,
      name: s.name,
      dwellH: interval(s.dwellH.lo, s.dwellH.hi),
      source: s.source ?? null,
      assumption: s.assumption ?? null,
    })),
    variants: variants.map((v) => v.summary),
    events: journey.events.map((e) => ({
      id: e.id,
      name: e.name,
      kind: e.at.kind,
      windowUtcMs: eventWindow(e),
      zone: e.zone,
      source: e.source,
    })),
    zones: Object.fromEntries(
      Object.entries(journey.zones).map(([k, z]) => [
        k,
        { label: z.label, utcOffsetMin: z.utcOffsetMin },
      ]),
    ),
    claims,
    timeline,
    verdicts,
    matrix,
    matrixLimit: { claims: mine.length, limit, computed },
    otherJourneys: others,
    comparisons: comparisons(journey, table),
  };
}

const PRECISION: [RegExp, number][] = [
  [/UtcMs$/, 0],
  [/Km$/, 1],
  [/Kmh$/, 1],
  [/H$/, 2],
  [/Y$/, 2],
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
