import type {
  CheckReport,
  ClaimReport,
  ClaimVerdict,
  Condition,
  PairVerdict,
  Standing,
  Verdict,
} from '../domain/claims/report';
import { reportClaim } from '../domain/claims/report';
import type { TimelineCheck, TimelineReading } from '../domain/claims/timeline';
import type { Interval } from '../domain/time/interval';
import { formatLocal, localParts, formatUtcOffset } from '../domain/time/timezone';
import { formatNumber, shorten } from './format';

/** Words and symbols for a pair verdict: one set for the CLI, the cards and the export card. */
export const VERDICT_LABEL: Record<Verdict, string> = {
  consistent: 'consistent',
  inconsistent: 'cannot both be true',
  conditional: 'only if …',
  independent: 'unrelated',
};

export const VERDICT_SYMBOL: Record<Verdict, string> = {
  consistent: '✓',
  inconsistent: '✗',
  conditional: '?',
  independent: '·',
};

/** A claim's overall standing in words, and its symbol. */
export const STANDING_LABEL: Record<Standing, string> = {
  contradicted: 'Contradicted by the reported timeline',
  disagrees: 'Disagrees with another report',
  conditional: 'Fits only under conditions',
  fits: 'Fits the reported timeline',
  'timeline-source': 'Part of the reported timeline',
  unchecked: 'Not checked',
};

export const STANDING_SYMBOL: Record<Standing, string> = {
  contradicted: '✗',
  disagrees: '≠',
  conditional: '?',
  fits: '✓',
  'timeline-source': '●',
  unchecked: '·',
};

export const READING_LABEL: Record<TimelineReading, string> = {
  'door-to-door': 'as a door-to-door average',
  running: 'as an average while moving (stops excluded)',
  top: 'as a top speed',
  duration: 'door to door',
};

const num = (x: number, digits = 1): string =>
  Number.isFinite(x) ? formatNumber(x, digits) : x > 0 ? '∞' : '−∞';

/** "17.0–20.0 h", "at least 20.0 h", or "20.0 h" for a point. */
export function formatRange(i: Interval, unit: string, digits = 1): string {
  const lo = num(i.lo, digits);
  const hi = num(i.hi, digits);
  if (lo === hi) return `${lo} ${unit}`;
  if (!Number.isFinite(i.hi)) return `at least ${lo} ${unit}`;
  if (i.lo <= 0 && unit === 'km/h') return `up to ${hi} ${unit}`;
  return `${lo}–${hi} ${unit}`;
}

/** "1,347 km". */
export const formatKm = (km: number): string => `${num(km, 0)} km`;

/** "1.5 h" with a sign word: "by 2.5 h" or "with 1.2 h to spare". */
export const formatMargin = (h: number, unit = 'h'): string =>
  h < 0 ? `misses by ${num(-h)} ${unit}` : `${num(h)} ${unit} to spare`;

type Zones = CheckReport['zones'];

const zoneOf = (zones: Zones, id: string) =>
  zones[id] ?? Object.values(zones)[0] ?? { label: 'UTC', utcOffsetMin: 0 };

/** "Mon 1 Sep 12:00–18:00 Pyongyang (UTC+9)", or two full instants when the days differ. */
export function formatWindow(w: Interval, zones: Zones, zoneId: string): string {
  const z = zoneOf(zones, zoneId);
  if (!Number.isFinite(w.lo) || !Number.isFinite(w.hi))
    return `${formatLocal(w.lo, z)} – ${formatLocal(w.hi, z)}`;
  const a = localParts(w.lo, z.utcOffsetMin);
  const b = localParts(w.hi, z.utcOffsetMin);
  const hm = (p: typeof a): string =>
    `${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
  const day = (p: typeof a): string => `${p.weekday} ${p.day} ${p.month}`;
  const zone = `${z.label} (${formatUtcOffset(z.utcOffsetMin)})`;
  if (w.lo === w.hi) return `${day(a)} ${hm(a)} ${zone}`;
  if (a.isoDate === b.isoDate) return `${day(a)} ${hm(a)}–${hm(b)} ${zone}`;
  return `${day(a)} ${hm(a)} – ${day(b)} ${hm(b)} ${zone}`;
}

const eventOf = (r: CheckReport, id: string) => r.events.find((e) => e.id === id);
/** The event's name with its reported window: "Leaves Pyongyang (Mon 1 Sep 12:00–18:00 …)". */
export function eventWords(r: CheckReport, id: string): string {
  const e = eventOf(r, id);
  if (!e) return id;
  return `${e.name} (${formatWindow(e.windowUtcMs, r.zones, e.zone)})`;
}

/** A short human name for a claim, for matrix headers: "004 · 50 km/h". */
export function shortName(c: ClaimReport): string {
  const who = c.basis === 'article' ? (c.article ?? 'article') : 'ref.';
  const i = c.implication;
  let what: string;
  if (i.type === 'time') what = `${i.kind} ${c.id.split('-').slice(2).join(' ') || ''}`.trim();
  else if (i.type === 'speed')
    what = `${i.mode === 'top' ? 'top ' : ''}${num((i.speedKmh.lo + i.speedKmh.hi) / 2, 0)} km/h`;
  else if (i.type === 'duration') what = `${num((i.durationH.lo + i.durationH.hi) / 2, 0)} h`;
  else if (i.type === 'distance') what = formatKm((i.distanceKm.lo + i.distanceKm.hi) / 2);
  else what = i.check.kind;
  return `${who} · ${what}`;
}

/** A claim as a reader names it: its quote shortened, with its source. */
export function claimWords(r: CheckReport, id: string, max = 60): string {
  return sameClaimWords(r, [id], max);
}

/** Where a claim was reported: "article 004", or the reference's name. */
const sourceOf = (c: ClaimReport): string =>
  c.basis === 'article' ? `article ${c.article ?? ''}` : c.source.split(' (')[0]!;

/** What a claim says, in full: two claims with the same words say the same thing. */
export const claimText = (r: CheckReport, id: string): string => {
  const c = reportClaim(r, id);
  return c ? (c.translation ?? c.quote) : id;
};

/**
 * Claims that say the same words (copies, or one quote in several articles) named once: the
 * quote, each source once, and how many times it was reported when more than once.
 */
export function sameClaimWords(r: CheckReport, ids: readonly string[], max = 60): string {
  const found = ids.flatMap((id) => reportClaim(r, id) ?? []);
  if (found.length === 0) return ids.join(', ');
  const sources = [...new Set(found.map(sourceOf))];
  const by =
    sources.length <= 1 ? sources[0]! : `${sources.slice(0, -1).join(', ')} and ${sources.at(-1)}`;
  const times = ids.length > 1 ? `, reported ${ids.length} times` : '';
  return `“${shorten(claimText(r, ids[0]!), max)}” (${by}${times})`;
}

/**
 * Entries grouped by the claim they name: those whose claims say the same words and whose `rest`
 * (what is said of them) is the same become one group, in the order first seen.
 */
export function groupSameClaims<T>(
  r: CheckReport,
  entries: readonly T[],
  claimOf: (e: T) => string,
  rest: (e: T) => string = () => '',
): { first: T; claims: string[] }[] {
  const groups = new Map<string, { first: T; claims: string[] }>();
  for (const e of entries) {
    const key = `${claimText(r, claimOf(e))}\u0000${rest(e)}`;
    const group = groups.get(key);
    if (group) group.claims.push(claimOf(e));
    else groups.set(key, { first: e, claims: [claimOf(e)] });
  }
  return [...groups.values()];
}

/** Human text for one condition; the fields stay the source of truth. */
export function conditionText(c: Condition, r: CheckReport): string {
  if (c.kind === 'variant')
    return `only on routing${c.variants.length > 1 ? 's' : ''} ${c.variants.join(', ')}`;
  if (c.kind === 'speed') return `only at ${formatRange(c.speedKmh, 'km/h')}`;
  if (c.kind === 'duration') return `only if it took ${formatRange(c.durationH, 'h')}`;
  const e = eventOf(r, c.event);
  const name = e?.name ?? c.event;
  const w = formatWindow(c.windowUtcMs, r.zones, e?.zone ?? '');
  return c.windowUtcMs.lo === c.windowUtcMs.hi
    ? `only if “${name}” was at ${w}, where the two windows meet`
    : `only if “${name}” fell within ${w}`;
}

/** A pair's reason in words: the verdict, the conditions, the deciding numbers. */
export function pairReason(p: PairVerdict, r: CheckReport): string {
  const head = `${claimWords(r, p.a, 40)} × ${claimWords(r, p.b, 40)}: ${VERDICT_LABEL[p.verdict]}`;
  const conds = p.conditions.map((c) => conditionText(c, r));
  const x = p.numbers;
  let why = '';
  if (x.kind === 'same-event')
    why = x.overlapUtcMs
      ? x.touching
        ? 'the windows only touch'
        : 'the windows overlap'
      : `the windows are ${num(x.gapH)} h apart`;
  else if (x.kind === 'order') why = `margin ${num(x.marginH)} h`;
  else if (x.kind === 'speed-speed')
    why = `${formatRange(x.speedAKmh, 'km/h')} vs ${formatRange(x.speedBKmh, 'km/h')}`;
  else if (x.kind === 'duration-duration')
    why = `${formatRange(x.durationAH, 'h')} vs ${formatRange(x.durationBH, 'h')}`;
  else if (x.kind === 'speed-duration')
    why = x.perVariant
      .map(
        (v) =>
          `routing ${v.variant}: ${formatRange(v.impliedDurationH, 'h')} vs ${formatRange(v.claimedDurationH, 'h')}`,
      )
      .join('; ');
  else if (x.kind === 'stretch')
    why = x.perVariant
      .map(
        (v) =>
          `routing ${v.variant}: ${formatKm(v.distanceKm)} in ${formatRange(v.durationH, 'h')}, at least ${num(v.minDurationH)} h needed`,
      )
      .join('; ');
  else if (x.kind === 'same-report') why = 'one repeats the other: not evidence for each other';
  return [head, ...conds, why].filter(Boolean).join('; ');
}

/** A timeline check in words: "routing A, Leaves Pyongyang → Arrives …: 25.7–28.4 h vs 22.5–29.5 h". */
export function timelineCheckWords(t: TimelineCheck, r: CheckReport): string {
  const from = eventOf(r, t.from)?.name ?? t.from;
  const to = eventOf(r, t.to)?.name ?? t.to;
  const m = t.measured;
  const basis =
    t.reading === 'top' || t.reading === 'running'
      ? `needs ${formatRange(m.neededKmh, 'km/h')} while moving`
      : `takes ${formatRange(m.claimedH, 'h')}; the reports allow ${formatRange(m.windowH, 'h')}`;
  const marginal = t.marginal
    ? ` (marginal; by the published length: ${VERDICT_LABEL[t.published.verdict]})`
    : '';
  return `routing ${t.variant}, ${from} → ${to} (${formatKm(m.distanceKm)}): ${basis} — ${VERDICT_LABEL[m.verdict]}, ${formatMargin(m.marginH)}${marginal}`;
}

/** What a claim's verdict says, in words: a headline and the lines that explain it. */
export interface VerdictWords {
  symbol: string;
  headline: string;
  lines: string[];
}

const verdictPhrase: Record<Verdict, string> = {
  consistent: 'fits',
  conditional: 'fits only partly',
  inconsistent: 'impossible',
  independent: 'not checked',
};

const LIST_MAX = 3;

/** Up to three claims named, and how many more. */
function some(r: CheckReport, ids: string[]): string {
  const named = ids.slice(0, LIST_MAX).map((id) => claimWords(r, id, 40));
  const more = ids.length - named.length;
  return named.join('; ') + (more > 0 ? `; and ${more} more` : '');
}

/** One claim's verdict in words — the same for the CLI, the cards, the export card. */
export function claimVerdictWords(r: CheckReport, v: ClaimVerdict): VerdictWords {
  const c = reportClaim(r, v.claim);
  const lines: string[] = [];
  if (v.readings.length > 1 || (v.readings.length === 1 && v.readings[0]!.reading !== 'duration'))
    for (const rd of v.readings) {
      const on = rd.perVariant
        .map((p) => `${p.variant} ${VERDICT_SYMBOL[p.verdict]}${p.marginal ? ' (marginal)' : ''}`)
        .join(', ');
      lines.push(`${READING_LABEL[rd.reading]}: ${verdictPhrase[rd.verdict]} (routing ${on})`);
    }
  else if (v.readings.length === 1) {
    const on = v.readings[0]!.perVariant.map(
      (p) => `${p.variant} ${VERDICT_SYMBOL[p.verdict]}${p.marginal ? ' (marginal)' : ''}`,
    ).join(', ');
    lines.push(`against the reported departure and arrival: routing ${on}`);
  }
  for (const e of v.conflictsWithEvents)
    lines.push(`conflicts with the reported ${eventWords(r, e)}`);
  if (v.conditions.length)
    lines.push(
      `fits the reported ${v.conditionalOnEvents.map((e) => `“${eventOf(r, e)?.name ?? e}”`).join(', ')} ${v.conditions.map((c) => conditionText(c, r)).join('; ')}`,
    );
  else
    for (const e of v.conditionalOnEvents)
      lines.push(`fits the reported ${eventWords(r, e)} only in part`);
  const impl = c?.implication;
  if (impl?.type === 'fact') {
    const f = impl.check;
    if (f.kind === 'elapsed')
      lines.push(
        `${f.fromDay} → ${f.toDay} is ${num(f.actualY)} years; the claim allows ${formatRange(f.claimedY, 'years')}`,
      );
    else if (f.kind === 'route')
      lines.push(
        f.perVariant
          .map((p) => `routing ${p.variant}: ${p.inOrder ? 'passes them in order' : 'does not'}`)
          .join('; '),
      );
    else
      lines.push(
        `${f.about}: reported ${formatWindow(f.referenceUtcMs, r.zones, Object.keys(r.zones)[0] ?? '')}`,
      );
  }
  const other = r.otherJourneys.find((o) => o.claim === v.claim);
  if (other) {
    if (other.timelineDurationH)
      lines.push(
        `that trip's reported departure and arrival give ${formatRange(other.timelineDurationH, 'h')}; the claim ${formatRange(other.claimedDurationH, 'h')} (${formatMargin(other.marginH)})`,
      );
    if (other.reportedDurationsH)
      lines.push(`other reports: ${formatRange(other.reportedDurationsH, 'h')}`);
  }
  if (v.disagreesWith.length)
    lines.push(`disagrees with another report: ${some(r, v.disagreesWith)}`);
  if (v.conditionalWith.length && v.standing === 'conditional' && v.timeline !== 'conditional')
    lines.push(`fits only partly with: ${some(r, v.conditionalWith)}`);
  let headline = STANDING_LABEL[v.standing];
  if (v.standing === 'contradicted' && impl?.type === 'fact')
    headline = 'Contradicted by the reference facts';
  if (v.standing === 'contradicted' && other)
    headline = "Contradicted by that trip's reported timeline";
  if (v.standing === 'fits' && v.timeline === null) headline = 'Agrees with the other reports';
  if (v.standing === 'disagrees' && v.timeline === 'consistent')
    headline = 'Fits the reported timeline; disagrees with another report';
  if (v.standing === 'disagrees' && v.timeline === 'conditional')
    headline = 'Fits the reported timeline only in part; disagrees with another report';
  if (v.standing === 'fits' && impl?.type === 'fact') headline = 'Fits the reference facts';
  return { symbol: STANDING_SYMBOL[v.standing], headline, lines };
}

/** The verdict card of an export: the finding's lines first, then what cannot be true. */
export function verdictCardLines(r: CheckReport, finding: string[], max = 6): string[] {
  return finding.slice(0, max);
}

/** One line per routing of what a claim implies, e.g. "routing A: 27.3 h for 1,364 km". */
export function implicationLines(r: CheckReport, c: ClaimReport): string[] {
  const impl = c.implication;
  switch (impl.type) {
    case 'time':
      return [formatWindow(impl.windowUtcMs, r.zones, impl.zone)];
    case 'speed':
      return [
        `${impl.mode === 'top' ? 'top speed' : 'speed'} ${formatRange(impl.speedKmh, 'km/h')}`,
        ...impl.perVariant.map(
          (v) =>
            `routing ${v.variant}: ${formatRange(v.durationH, 'h')} for ${formatKm(v.distanceKm)}`,
        ),
      ];
    case 'duration':
      return [
        formatRange(impl.durationH, 'h'),
        ...impl.perVariant.map(
          (v) => `routing ${v.variant}: average ${formatRange(v.speedKmh, 'km/h')}`,
        ),
      ];
    case 'distance':
      return [
        formatRange(impl.distanceKm, 'km', 0),
        ...impl.perVariant.map(
          (v) =>
            `routing ${v.variant}: measured ${formatKm(v.measuredKm)} (${v.differencePct >= 0 ? '+' : ''}${num(v.differencePct)} %)`,
        ),
      ];
    case 'fact':
      return [];
  }
}
