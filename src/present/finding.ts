import {
  findingNumbers,
  findingOf,
  type Finding,
  type FindingItem,
  type FindingNumber,
  type FindingRange,
} from '../domain/claims/finding';
import { reportClaim, type CheckReport, type Verdict } from '../domain/claims/report';
import { READING_LABEL, formatKm, formatWindow, groupSameClaims, sameClaimWords } from './verdict';
import { formatNumber, shorten } from './format';

const n1 = (x: number): string => formatNumber(x, 1);
/** Hours to two decimals where the second one matters (a 0.25 h stop). */
const n2 = (x: number): string => formatNumber(x, 1, 2);

const h = (r: FindingRange): string =>
  n1(r.lo.value) === n1(r.hi.value)
    ? `${n1(r.lo.value)} h`
    : Number.isFinite(r.hi.value)
      ? `${n1(r.lo.value)}–${n1(r.hi.value)} h`
      : `at least ${n1(r.lo.value)} h`;
const dwell = (r: FindingRange): string => `${n2(r.lo.value)}–${n2(r.hi.value)} h`;
const kmh = (r: FindingRange): string =>
  r.lo.value <= 0
    ? `up to ${n1(r.hi.value)} km/h`
    : n1(r.lo.value) === n1(r.hi.value)
      ? `${n1(r.lo.value)} km/h`
      : Number.isFinite(r.hi.value)
        ? `${n1(r.lo.value)}–${n1(r.hi.value)} km/h`
        : `at least ${n1(r.lo.value)} km/h`;
const km = (x: FindingNumber): string => formatKm(x.value);

const eventName = (r: CheckReport, id: string): string =>
  r.events.find((e) => e.id === id)?.name ?? id;
const eventZone = (r: CheckReport, id: string): string =>
  r.events.find((e) => e.id === id)?.zone ?? '';
const win = (r: CheckReport, range: FindingRange, zone: string): string =>
  formatWindow({ lo: range.lo.value, hi: range.hi.value }, r.zones, zone);

const list = (xs: string[]): string =>
  xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} and ${xs[xs.length - 1]}`;

const WORD: Record<Verdict, string> = {
  consistent: 'fits',
  conditional: 'fits in part',
  inconsistent: 'is impossible',
  independent: 'is not checked',
};

/** The claims of a list named once each: copies merged, with what is said of each (`rest`). */
const named = <T>(
  r: CheckReport,
  entries: readonly T[],
  claimOf: (e: T) => string,
  max: number,
  rest: (e: T) => string = () => '',
): string =>
  list(
    groupSameClaims(r, entries, claimOf, rest).map(
      (g) => `${sameClaimWords(r, g.claims, max)}${rest(g.first)}`,
    ),
  );

/**
 * One sentence per finding item: the templates. `claimWords` names the item's own claim (for the
 * items about one claim): with its copies when they are merged.
 */
function sentence(
  r: CheckReport,
  item: FindingItem,
  claimWords: (id: string, max: number) => string,
): string | null {
  switch (item.kind) {
    case 'timeline': {
      const evs = item.events.map(
        (e) => `${eventName(r, e.event)}: ${win(r, e.window, eventZone(r, e.event))}`,
      );
      const segs = item.segments.map(
        (s) =>
          `${eventName(r, s.from)} → ${eventName(r, s.to)}: ${km(s.distanceKm)} in ${h(s.windowH)} (${kmh(s.speedKmh)})`,
      );
      const split = segs.length ? ` Split at the border: ${segs.join('; ')}.` : '';
      return `The reported timeline (${evs.join('; ')}) gives ${h(item.windowH)} door to door for the ${km(item.distanceKm)} of routing ${item.variant}: an average of ${kmh(item.speedKmh)}.${split}`;
    }
    case 'speed-takes': {
      const depart = item.departUtcMs
        ? `, only if it left within ${win(r, item.departUtcMs, eventZone(r, r.events.find((e) => e.kind === 'start')?.id ?? ''))}`
        : '';
      const verdict =
        item.verdict === 'consistent'
          ? 'fits the reported timeline'
          : item.verdict === 'conditional'
            ? `fits the reported timeline only in part${depart}`
            : 'cannot fit the reported timeline';
      const published = item.publishedDurationH
        ? ` (marginal: ${h(item.publishedDurationH)} by the published length)`
        : '';
      return `At ${kmh(item.speedKmh)}, ${claimWords(item.claim, 50)}, the route takes ${h(item.durationH)}${published}: it ${verdict}.`;
    }
    case 'duration-needs': {
      const dz = eventZone(r, item.departEvent);
      const depart = `a departure within ${win(r, item.departUtcMs, dz)}`;
      const running =
        item.runningKmh && item.dwellH
          ? ` With ${dwell(item.dwellH)} of stops it would need ${kmh(item.runningKmh)} while moving.`
          : '';
      if (item.verdict === 'inconsistent')
        return `${claimWords(item.claim, 50)} needs an average of ${kmh(item.speedKmh)}; it fits only with ${depart}, which misses the reported “${eventName(r, item.departEvent)}” (${win(r, item.departWindow, dz)}) by ${n1(-item.marginH.value)} h.${running}`;
      return `${claimWords(item.claim, 50)} needs an average of ${kmh(item.speedKmh)} and ${depart}: it ${item.verdict === 'consistent' ? 'fits' : 'fits only in part'}.${running}`;
    }
    case 'top-speed': {
      const tops = item.claims.map((claim, i) => ({ claim, top: item.topKmh[i]!.value }));
      const claims = named(
        r,
        tops,
        (t) => t.claim,
        40,
        (t) => ` (${n1(t.top)} km/h at most)`,
      );
      return `${eventName(r, item.from)} → ${eventName(r, item.to)}: ${km(item.distanceKm)} in ${h(item.windowH)} needs ${kmh(item.doorToDoorKmh)} door to door (${kmh(item.runningKmh)} while moving, with ${dwell(item.dwellH)} of stops), so read as a top speed ${claims} cannot be true.`;
    }
    case 'standing': {
      const claims = named(r, item.claims, (c) => c, 45);
      return item.standing === 'contradicted'
        ? `Cannot be true given the reported timeline and reference facts: ${claims}.`
        : `Fit the timeline but cannot be true together with another report: ${claims}.`;
    }
    case 'routings': {
      if (!item.differences.length)
        return `On routing${item.others.length > 1 ? 's' : ''} ${list(item.others)} the timeline verdicts are the same.`;
      const diffs = named(
        r,
        item.differences,
        (d) => d.claim,
        40,
        (d) =>
          ` ${READING_LABEL[d.reading]} ${WORD[d.here]} on ${item.variant} but ${WORD[d.verdict]} on ${d.variant}`,
      );
      return `On other routings: ${diffs}.`;
    }
    case 'comparison': {
      const title = r.comparisons.find((c) => c.journey === item.journey)?.title ?? item.journey;
      return `For comparison, ${title}: ${h(item.durationH)} door to door, ${kmh(item.speedKmh)}.`;
    }
  }
}

/** The assumptions the finding rests on, one line each. */
export function assumptionLines(r: CheckReport, f: Finding): string[] {
  const a = f.assumptions;
  const lines = [
    `Routing ${a.variant}${a.variants.length > 1 ? ` of ${list(a.variants)} (which one the train took is not confirmed)` : ''}.`,
  ];
  for (const s of a.stops) {
    const stop = r.stops.find((x) => x.id === s.stop);
    lines.push(
      `Stop: ${stop?.name ?? s.stop}, ${n2(s.dwellH.lo.value)}–${n2(s.dwellH.hi.value)} h (${s.assumed ? `assumed: ${stop?.assumption ?? ''}` : `source: ${stop?.source ?? ''}`})`,
    );
  }
  if (!a.stops.length) lines.push('No stops listed: durations are running time only.');
  if (a.capKmh)
    lines.push(`No stretch averages more than ${n1(a.capKmh.value)} km/h: ${r.speedCap.source}.`);
  return lines;
}

/** An item about one claim: the finding says the same of each copy of that claim. */
type ClaimItem = Extract<FindingItem, { kind: 'speed-takes' | 'duration-needs' }>;
const isClaimItem = (i: FindingItem): i is ClaimItem =>
  i.kind === 'speed-takes' || i.kind === 'duration-needs';

/** Each finding's merged items, computed once (a finding is not changed once made). */
const merged = new WeakMap<Finding, { item: FindingItem; claims: string[] }[]>();

/**
 * The finding's items with the copies of a claim merged: items about claims with the same words,
 * of which the finding says the same, become one item naming all of them (`claims`), where the
 * first stands. Other items keep their place, with no claims.
 */
export function mergedItems(r: CheckReport, f: Finding): { item: FindingItem; claims: string[] }[] {
  // the card asks for it twice (sentences and short lines): merge once per finding
  const done = merged.get(f);
  if (done) return done;
  const groups = groupSameClaims(
    r,
    f.items.filter(isClaimItem),
    (i) => i.claim,
    (i) => sentence(r, i, () => '') ?? '',
  );
  const at = new Map(groups.map((g) => [g.first as FindingItem, g.claims]));
  const out = f.items.flatMap((item): { item: FindingItem; claims: string[] }[] => {
    if (!isClaimItem(item)) return [{ item, claims: [] }];
    const claims = at.get(item);
    return claims ? [{ item, claims }] : [];
  });
  merged.set(f, out);
  return out;
}

/** The finding as sentences, assumptions apart; copies of a claim are named once. */
export function findingSentences(r: CheckReport, f: Finding): string[] {
  return mergedItems(r, f).flatMap(
    ({ item, claims }) => sentence(r, item, (_, max) => sameClaimWords(r, claims, max)) ?? [],
  );
}

/** The finding as the CLI's `--json` gives it: text, the numbers it states with units, assumptions. */
export function findingJson(r: CheckReport, variant?: string) {
  const f = findingOf(r, variant);
  return {
    variant: f.variant,
    text: findingSentences(r, f).join(' '),
    sentences: findingSentences(r, f),
    numbers: findingNumbers(f).map((x) => ({ value: x.value, unit: x.unit, path: x.path })),
    assumptions: assumptionLines(r, f),
  };
}

/** Where a quote's figure starts, with the word that qualifies it ("nearly 20 hours"). */
const FIGURE = /(?:\b(?:just|nearly|about|around|almost|roughly|only|over|under)\s+)?\d/i;

/** A quote cut to its figure, so a short line keeps what was reported: “nearly 20 hours long”. */
const shortQuote = (r: CheckReport, id: string, max = 28): string => {
  const c = reportClaim(r, id);
  const t = c?.translation ?? c?.quote ?? id;
  const at = t.search(FIGURE);
  const from = at > 0 && t.length > max ? `…${t.slice(at)}` : t;
  return `“${shorten(from, max)}”`;
};

/** "(reported 40 times)" after a line about a claim reported more than once. */
const times = (claims: string[]): string =>
  claims.length > 1 ? ` (reported ${claims.length} times)` : '';

/**
 * The finding in short lines for the export's verdict card (first line: its title); copies of a
 * claim make one line.
 */
export function findingCardLines(r: CheckReport, f: Finding, max = 7): string[] {
  const out = [`Finding · routing ${f.variant}`];
  for (const { item, claims } of mergedItems(r, f)) {
    if (item.kind === 'timeline')
      out.push(`Reported timeline: ${h(item.windowH)} door to door (${kmh(item.speedKmh)})`);
    else if (item.kind === 'speed-takes')
      out.push(
        `${shortQuote(r, item.claim)} → ${h(item.durationH)}: ${WORD[item.verdict]}${times(claims)}`,
      );
    else if (item.kind === 'duration-needs')
      out.push(
        `${shortQuote(r, item.claim)} needs ${kmh(item.speedKmh)}: ${item.verdict === 'inconsistent' ? 'contradicted' : WORD[item.verdict]}${times(claims)}`,
      );
    else if (item.kind === 'top-speed') {
      const quotes = [...new Set(item.claims.map((c) => shortQuote(r, c, 24)))];
      out.push(
        `As a top speed, ${quotes.join(', ')} ${quotes.length > 1 ? 'are' : 'is'} impossible: ${kmh(item.doorToDoorKmh)} needed`,
      );
    }
  }
  return out.slice(0, max);
}
