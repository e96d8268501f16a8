import type {
  ClaimVerdict,
  Condition,
  FactCheck,
  OtherJourneyCheck,
  PairVerdict,
  ReadingVerdict,
  Standing,
} from './report';
import { intersect, type Interval } from '../time/interval';
import type { TimelineCheck, TimelineReading } from './timeline';
import type { Verdict } from './verdict';

const RANK: Record<Verdict, number> = {
  inconsistent: 3,
  conditional: 2,
  consistent: 1,
  independent: 0,
};

/** The worst of several verdicts (inconsistent beats conditional beats consistent). */
export const worst = (vs: Verdict[]): Verdict =>
  vs.reduce<Verdict>((w, v) => (RANK[v] > RANK[w] ? v : w), 'independent');

/** The best verdict that says something (consistent beats conditional beats inconsistent). */
export function best(vs: Verdict[]): Verdict {
  const said = vs.filter((v) => v !== 'independent');
  if (!said.length) return 'independent';
  return said.reduce((b, v) => (RANK[v] < RANK[b] ? v : b));
}

/**
 * A claim's readings against the timeline: on each routing the worst of the stretches that bind
 * it; a reading holds where any routing holds it.
 */
export function readingVerdicts(checks: TimelineCheck[]): ReadingVerdict[] {
  const readings = [...new Set(checks.map((c) => c.reading))] as TimelineReading[];
  return readings.map((reading) => {
    const mine = checks.filter((c) => c.reading === reading && c.binding);
    const variants = [...new Set(mine.map((c) => c.variant))];
    const perVariant = variants.map((variant) => {
      const on = mine.filter((c) => c.variant === variant);
      return {
        variant,
        verdict: worst(on.map((c) => c.measured.verdict)),
        marginal: on.some((c) => c.marginal),
      };
    });
    return { reading, verdict: best(perVariant.map((p) => p.verdict)), perVariant };
  });
}

/**
 * The timeline verdict over readings and routings: the claim can be true if one reading on one
 * routing holds it; when another reading or routing fails it, it holds only conditionally.
 */
export function timelineVerdict(readings: ReadingVerdict[]): Verdict | null {
  const all = readings.flatMap((r) => r.perVariant.map((p) => p.verdict));
  if (!all.length) return null;
  const b = best(all);
  if (b === 'consistent' && all.some((v) => v !== 'consistent')) return 'conditional';
  return b;
}

/** The windows the reported events leave for a time claim: per event, the intersection. */
function timeConditions(evs: ClaimEvidence['eventVerdicts']): Condition[] {
  const byEvent = new Map<string, Interval | null>();
  for (const x of evs)
    for (const c of x.verdict === 'conditional' ? x.conditions : [])
      if (c.kind === 'time') {
        const had = byEvent.get(c.event);
        byEvent.set(
          c.event,
          had === undefined ? c.windowUtcMs : had && intersect(had, c.windowUtcMs),
        );
      }
  return [...byEvent].flatMap(([event, w]) =>
    w ? [{ kind: 'time' as const, event, windowUtcMs: w }] : [],
  );
}

/** Everything the overall verdict of one claim is made from. */
export interface ClaimEvidence {
  claim: string;
  /** The claim is one of the reports the timeline is made of. */
  timelineSource: boolean;
  timelineChecks: TimelineCheck[];
  /** A time claim against each reported event it can be compared with. */
  eventVerdicts: { event: string; verdict: Verdict; conditions: Condition[] }[];
  fact: FactCheck | null;
  other: OtherJourneyCheck | null;
  /** Pairs with claims that are not the timeline's own sources. */
  pairs: PairVerdict[];
}

/** One overall verdict per claim, from the timeline first and the other reports second. */
export function claimVerdict(e: ClaimEvidence): ClaimVerdict {
  const readings = readingVerdicts(e.timelineChecks);
  const fromEvents = e.eventVerdicts.length ? worst(e.eventVerdicts.map((x) => x.verdict)) : null;
  const timeline =
    timelineVerdict(readings) ??
    (fromEvents && fromEvents !== 'independent' ? fromEvents : null) ??
    e.fact?.verdict ??
    e.other?.verdict ??
    null;
  const other = (p: PairVerdict): string => (p.a === e.claim ? p.b : p.a);
  const disagreesWith = e.pairs.filter((p) => p.verdict === 'inconsistent').map(other);
  const conditionalWith = e.pairs.filter((p) => p.verdict === 'conditional').map(other);
  const agrees = e.pairs.some((p) => p.verdict === 'consistent');
  const reportsDisagree = disagreesWith.length > 0 || e.other?.reportsVerdict === 'inconsistent';
  let standing: Standing;
  if (e.timelineSource) standing = 'timeline-source';
  else if (timeline === 'inconsistent') standing = 'contradicted';
  else if (reportsDisagree) standing = 'disagrees';
  else if (timeline === 'conditional' || conditionalWith.length) standing = 'conditional';
  else if (timeline === 'consistent' || agrees) standing = 'fits';
  else standing = 'unchecked';
  return {
    claim: e.claim,
    standing,
    timeline: e.timelineSource ? null : timeline,
    readings,
    conflictsWithEvents: e.eventVerdicts
      .filter((x) => x.verdict === 'inconsistent')
      .map((x) => x.event),
    conditionalOnEvents: e.eventVerdicts
      .filter((x) => x.verdict === 'conditional')
      .map((x) => x.event),
    disagreesWith,
    conditionalWith,
    conditions: timeConditions(e.eventVerdicts),
    marginal: e.timelineChecks.some((c) => c.binding && c.marginal),
  };
}
