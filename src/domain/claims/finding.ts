import { reportClaim, type CheckReport, type Standing } from './report';
import type { TimelineCheck, TimelineReading } from './timeline';
import type { Verdict } from './verdict';

/** A number the finding states, with its unit and where in the report it comes from. */
export interface FindingNumber {
  value: number;
  unit: 'h' | 'km/h' | 'km' | 'utc-ms';
  /** JSON Pointer into the report (before rounding). */
  path: string;
}

/** A range the finding states. */
export interface FindingRange {
  lo: FindingNumber;
  hi: FindingNumber;
}

/** An event's reported window, as the finding states it. */
export interface FindingEvent {
  event: string;
  window: FindingRange;
}

/** One statement of the finding: data for one template of the presentation module. */
export type FindingItem =
  | {
      kind: 'timeline';
      variant: string;
      distanceKm: FindingNumber;
      events: FindingEvent[];
      windowH: FindingRange;
      speedKmh: FindingRange;
      /** Departure → border and border → arrival, when there is a border event. */
      segments: {
        from: string;
        to: string;
        distanceKm: FindingNumber;
        windowH: FindingRange;
        speedKmh: FindingRange;
      }[];
    }
  | {
      kind: 'speed-takes';
      claim: string;
      reading: TimelineReading;
      speedKmh: FindingRange;
      durationH: FindingRange;
      verdict: Verdict;
      /** Where the departure would have to fall; set when the verdict is not consistent. */
      departUtcMs: FindingRange | null;
      marginal: boolean;
      publishedDurationH: FindingRange | null;
    }
  | {
      kind: 'duration-needs';
      claim: string;
      durationH: FindingRange;
      speedKmh: FindingRange;
      verdict: Verdict;
      departEvent: string;
      /** The reported departure window. */
      departWindow: FindingRange;
      /** Where the departure would have to fall for the claim to hold. */
      departUtcMs: FindingRange;
      marginH: FindingNumber;
      /** The average while moving it needs once the stops are taken out, and those stops. */
      runningKmh: FindingRange | null;
      dwellH: FindingRange | null;
    }
  | {
      kind: 'top-speed';
      claims: string[];
      from: string;
      to: string;
      distanceKm: FindingNumber;
      windowH: FindingRange;
      doorToDoorKmh: FindingRange;
      runningKmh: FindingRange;
      dwellH: FindingRange;
      /** Each claim's top speed, in the order of `claims`. */
      topKmh: FindingNumber[];
    }
  | { kind: 'standing'; standing: Standing; claims: string[] }
  | {
      kind: 'routings';
      variant: string;
      /** Claims whose timeline verdict on another routing differs from this one's. */
      differences: {
        claim: string;
        reading: TimelineReading;
        variant: string;
        verdict: Verdict;
        here: Verdict;
      }[];
      others: string[];
    }
  | { kind: 'comparison'; journey: string; durationH: FindingRange; speedKmh: FindingRange };

/** What the finding rests on. */
export interface FindingAssumptions {
  variant: string;
  variants: string[];
  stops: { stop: string; dwellH: FindingRange; assumed: boolean }[];
  capKmh: FindingNumber | null;
}

/** The answer, as data: the presentation module turns each item into a sentence. */
export interface Finding {
  variant: string;
  items: FindingItem[];
  assumptions: FindingAssumptions;
}

/** A trip within this share of the routing's length is taken as the same route. */
const SAME_ROUTE = 0.1;

/** The value at a JSON Pointer in the report. */
export function valueAt(report: CheckReport, path: string): unknown {
  let v: unknown = report;
  for (const key of path.split('/').slice(1)) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[
      key.includes('~') ? key.replace(/~1/g, '/').replace(/~0/g, '~') : key
    ];
  }
  return v;
}

function num(report: CheckReport, path: string, unit: FindingNumber['unit']): FindingNumber {
  const value = valueAt(report, path);
  if (typeof value !== 'number') throw new RangeError(`finding: no number at ${path}`);
  return { value, unit, path };
}

const range = (r: CheckReport, path: string, unit: FindingNumber['unit']): FindingRange => ({
  lo: num(r, `${path}/lo`, unit),
  hi: num(r, `${path}/hi`, unit),
});

const isArticleWhole = (r: CheckReport, id: string): boolean => {
  const c = reportClaim(r, id);
  if (!c || c.journey !== 'this' || c.basis !== 'article') return false;
  const i = c.implication;
  return (i.type === 'speed' || i.type === 'duration') && i.scope === 'whole';
};

/**
 * The finding for one routing, every number read from the report: the reported timeline door to
 * door; how long the route takes at each stated speed; what each stated duration needs; which top
 * speeds no stretch allows; which claims cannot be true; where other routings differ; the
 * same trip on another date; and what it all rests on.
 */
export function findingOf(
  report: CheckReport,
  variant = report.variants[0]?.variant ?? 'A',
): Finding {
  const items: FindingItem[] = [];
  const checks = report.timeline.checks;
  const checkIndex = new Map(checks.map((c, i) => [c, i]));
  const idx = (c: TimelineCheck): number => checkIndex.get(c) ?? -1;
  const stretches = report.timeline.stretches;
  const start = report.events.find((e) => e.kind === 'start');
  const end = report.events.find((e) => e.kind === 'end');
  const si = stretches.findIndex(
    (s) => s.variant === variant && s.from === start?.id && s.to === end?.id,
  );
  if (si >= 0) {
    const sp = `/timeline/stretches/${si}`;
    const shown = report.events.map((e, i) => ({ e, i })).filter(({ e }) => e.kind !== 'station');
    items.push({
      kind: 'timeline',
      variant,
      distanceKm: num(report, `${sp}/distanceKm`, 'km'),
      events: shown.map(({ e, i }) => ({
        event: e.id,
        window: range(report, `/events/${i}/windowUtcMs`, 'utc-ms'),
      })),
      windowH: range(report, `${sp}/windowH`, 'h'),
      speedKmh: range(report, `${sp}/doorToDoorKmh`, 'km/h'),
      segments: segmentsOf(report, variant),
    });
  }
  const wholeChecks = checks.filter(
    (c) =>
      c.variant === variant &&
      c.binding &&
      c.from === start?.id &&
      c.to === end?.id &&
      isArticleWhole(report, c.claim),
  );
  const departIndex = report.events.findIndex((e) => e.kind === 'start');
  for (const c of wholeChecks.filter((x) => x.reading === 'door-to-door')) {
    const p = `/timeline/checks/${idx(c)}`;
    items.push({
      kind: 'speed-takes',
      claim: c.claim,
      reading: c.reading,
      speedKmh: range(report, `${p}/measured/claimedKmh`, 'km/h'),
      durationH: range(report, `${p}/measured/claimedH`, 'h'),
      verdict: c.measured.verdict,
      departUtcMs:
        c.measured.verdict === 'consistent' || !c.fromUtcMs
          ? null
          : range(report, `${p}/fromUtcMs`, 'utc-ms'),
      marginal: c.marginal,
      publishedDurationH: c.marginal ? range(report, `${p}/published/claimedH`, 'h') : null,
    });
  }
  for (const c of wholeChecks.filter((x) => x.reading === 'duration')) {
    const p = `/timeline/checks/${idx(c)}`;
    const s = stretches.findIndex(
      (x) => x.variant === variant && x.from === c.from && x.to === c.to && x.exact,
    );
    items.push({
      kind: 'duration-needs',
      claim: c.claim,
      durationH: range(report, `${p}/measured/claimedH`, 'h'),
      speedKmh: range(report, `${p}/measured/claimedKmh`, 'km/h'),
      verdict: c.measured.verdict,
      departEvent: report.events[departIndex]?.id ?? c.from,
      departWindow: range(report, `/events/${departIndex}/windowUtcMs`, 'utc-ms'),
      departUtcMs: range(report, `${p}/neededFromUtcMs`, 'utc-ms'),
      marginH: num(report, `${p}/measured/marginH`, 'h'),
      runningKmh: c.runningKmh ? range(report, `${p}/runningKmh`, 'km/h') : null,
      dwellH: c.runningKmh && s >= 0 ? range(report, `/timeline/stretches/${s}/dwellH`, 'h') : null,
    });
  }
  // top speeds no stretch allows, grouped by the stretch that needs the most
  const tops = new Map<number, string[]>();
  // each claim's top-speed checks on this routing, grouped once (not searched per claim)
  const topChecks = new Map<string, TimelineCheck[]>();
  for (const c of checks) {
    if (c.reading !== 'top' || c.variant !== variant) continue;
    const list = topChecks.get(c.claim);
    if (list) list.push(c);
    else topChecks.set(c.claim, [c]);
  }
  for (const [claim, own] of topChecks) {
    const failing = own.filter((c) => c.measured.verdict === 'inconsistent');
    if (!failing.length) continue;
    // the longest stretch it fails on: its average depends least on any one sighting
    const worst = failing.reduce((a, b) => (b.measured.distanceKm > a.measured.distanceKm ? b : a));
    const s = stretches.findIndex(
      (x) => x.variant === variant && x.from === worst.from && x.to === worst.to && x.exact,
    );
    if (s >= 0) tops.set(s, [...(tops.get(s) ?? []), claim]);
  }
  for (const [s, claims] of tops) {
    const sp = `/timeline/stretches/${s}`;
    items.push({
      kind: 'top-speed',
      claims,
      from: stretches[s]!.from,
      to: stretches[s]!.to,
      distanceKm: num(report, `${sp}/distanceKm`, 'km'),
      windowH: range(report, `${sp}/windowH`, 'h'),
      doorToDoorKmh: range(report, `${sp}/doorToDoorKmh`, 'km/h'),
      runningKmh: range(report, `${sp}/runningKmh`, 'km/h'),
      dwellH: range(report, `${sp}/dwellH`, 'h'),
      topKmh: claims.map((claim) =>
        num(
          report,
          `/timeline/checks/${idx(topChecks.get(claim)![0]!)}/measured/claimedKmh/hi`,
          'km/h',
        ),
      ),
    });
  }
  for (const standing of ['contradicted', 'disagrees'] as const) {
    const claims = report.verdicts
      .filter((v) => v.standing === standing)
      .map((v) => v.claim)
      .filter((id) => reportClaim(report, id)?.basis === 'article');
    if (claims.length) items.push({ kind: 'standing', standing, claims });
  }
  const others = report.variants.map((v) => v.variant).filter((v) => v !== variant);
  if (others.length) {
    const differences: Extract<FindingItem, { kind: 'routings' }>['differences'] = [];
    for (const v of report.verdicts) {
      if (reportClaim(report, v.claim)?.basis !== 'article') continue;
      for (const r of v.readings) {
        const here = r.perVariant.find((p) => p.variant === variant)?.verdict;
        if (!here) continue;
        for (const p of r.perVariant)
          if (p.variant !== variant && p.verdict !== here)
            differences.push({
              claim: v.claim,
              reading: r.reading,
              variant: p.variant,
              verdict: p.verdict,
              here,
            });
      }
    }
    items.push({ kind: 'routings', variant, differences, others });
  }
  const total = report.variants.find((v) => v.variant === variant)?.totalKm ?? 0;
  report.comparisons.forEach((c, i) =>
    // only a trip over about the same distance says how long this one should take
    Math.abs(c.distanceKm.lo - total) > SAME_ROUTE * total
      ? undefined
      : items.push({
          kind: 'comparison',
          journey: c.journey,
          durationH: range(report, `/comparisons/${i}/durationH`, 'h'),
          speedKmh: range(report, `/comparisons/${i}/speedKmh`, 'km/h'),
        }),
  );
  const ORDER: FindingItem['kind'][] = [
    'duration-needs',
    'speed-takes',
    'timeline',
    'top-speed',
    'standing',
    'routings',
    'comparison',
  ];
  items.sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return {
    variant,
    items,
    assumptions: {
      variant,
      variants: report.variants.map((v) => v.variant),
      stops: report.stops.map((s, i) => ({
        stop: s.id,
        dwellH: range(report, `/stops/${i}/dwellH`, 'h'),
        assumed: s.source === null,
      })),
      capKmh: Number.isFinite(report.speedCap.kmh) ? num(report, '/speedCap/kmh', 'km/h') : null,
    },
  };
}

/** Departure → border → arrival on a routing, as the finding states them. */
function segmentsOf(report: CheckReport, variant: string) {
  const ids = ['start', 'border', 'end'].map((k) => report.events.find((e) => e.kind === k)?.id);
  if (ids.some((x) => !x)) return [];
  return [0, 1].flatMap((i) => {
    const s = report.timeline.stretches.findIndex(
      (x) => x.variant === variant && x.from === ids[i] && x.to === ids[i + 1] && x.exact,
    );
    if (s < 0) return [];
    const p = `/timeline/stretches/${s}`;
    return [
      {
        from: ids[i]!,
        to: ids[i + 1]!,
        distanceKm: num(report, `${p}/distanceKm`, 'km'),
        windowH: range(report, `${p}/windowH`, 'h'),
        speedKmh: range(report, `${p}/doorToDoorKmh`, 'km/h'),
      },
    ];
  });
}

/** Every number a finding states, in order. */
export function findingNumbers(f: Finding): FindingNumber[] {
  const out: FindingNumber[] = [];
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if ('path' in v && 'value' in v && 'unit' in v) {
      out.push(v as FindingNumber);
      return;
    }
    for (const x of Object.values(v)) walk(x);
  };
  walk(f);
  return out;
}
