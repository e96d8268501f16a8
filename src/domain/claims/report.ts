import type { Interval } from '../time/interval';
import type {
  DistanceOnVariant,
  DurationOnVariant,
  SpeedOnVariant,
  VariantMeasure,
} from './claims';
import type { Stretch, TimelineCheck, TimelineReading } from './timeline';
import type { Verdict } from './verdict';

export type { Verdict } from './verdict';

/** One machine-readable condition under which a pair (or a claim) can be true. */
export type Condition =
  | { kind: 'variant'; variants: string[] }
  | { kind: 'time'; event: string; windowUtcMs: Interval }
  | { kind: 'speed'; speedKmh: Interval }
  | { kind: 'duration'; durationH: Interval };

/** A stretch between two events' windows on one routing, for a pair of time claims. */
export interface StretchOnVariant {
  variant: string;
  distanceKm: number;
  /** Later window minus earlier window, hours (may start below 0). */
  durationH: Interval;
  /** The shortest time the stretch can take: distance at the speed cap plus the shortest stops. */
  minDurationH: number;
  dwellH: Interval;
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
      /** The windows meet in one instant only (afternoon until 18:00, evening from 18:00). */
      touching: boolean;
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
  /** One claim repeats the other's figure: neither is evidence for the other. */
  | { kind: 'same-report' }
  | { kind: 'independent' };

/** One cell of the consistency matrix. */
export interface PairVerdict {
  a: string;
  b: string;
  verdict: Verdict;
  /** Empty unless conditional. */
  conditions: Condition[];
  numbers: PairNumbers;
}

/** A claim of fact off the route (a date, a time elapsed, the places passed) against a reference. */
export type FactCheck =
  | {
      kind: 'elapsed';
      claimedY: Interval;
      actualY: number;
      fromDay: string;
      toDay: string;
      verdict: Verdict;
      marginY: number;
    }
  | {
      kind: 'date';
      about: string;
      claimedUtcMs: Interval;
      referenceUtcMs: Interval;
      verdict: Verdict;
    }
  | {
      kind: 'route';
      via: string[];
      /** Per routing, the km of each place (null: not on it) and whether they come in order. */
      perVariant: { variant: string; km: (number | null)[]; inOrder: boolean }[];
      verdict: Verdict;
    };

/** What one claim implies, by claim type. */
export type ClaimImplication =
  | {
      type: 'time';
      kind: string;
      event: string | null;
      windowUtcMs: Interval;
      /** Zone the window is best shown in. */
      zone: string;
      widthH: number;
    }
  | {
      type: 'speed';
      speedKmh: Interval;
      mode: 'average' | 'top';
      scope: string;
      readings: TimelineReading[];
      perVariant: SpeedOnVariant[];
    }
  | { type: 'duration'; durationH: Interval; scope: string; perVariant: DurationOnVariant[] }
  | { type: 'distance'; distanceKm: Interval; scope: string; perVariant: DistanceOnVariant[] }
  | { type: 'fact'; check: FactCheck };

/** A claim in the report: where it comes from and what it implies. */
export interface ClaimReport {
  id: string;
  basis: 'article' | 'reference';
  /** Article id, for article claims. */
  article: string | null;
  source: string;
  quote: string;
  /** English translation of a quote in another language; null when the quote is English. */
  translation: string | null;
  journey: string;
  /** Which group the claim belongs to in lists. */
  group: ClaimGroup;
  implication: ClaimImplication;
}

/** Groups of claims, in the order a reader wants them. */
export type ClaimGroup =
  | 'speed-duration'
  | 'departure'
  | 'border'
  | 'passing'
  | 'arrival'
  | 'distance'
  | 'other-trips'
  | 'other';

/** Check of a claim about another journey against that journey's reported timeline. */
export interface OtherJourneyCheck {
  claim: string;
  journey: string;
  claimedDurationH: Interval;
  distanceKm: Interval;
  impliedSpeedKmh: Interval;
  /** Other reports of the duration (those the claim repeats left out). */
  reportedDurationsH: Interval | null;
  timelineDurationH: Interval | null;
  /** Against the timeline (or, without one, the other reports). */
  verdict: Verdict;
  /** Against the other reports. */
  reportsVerdict: Verdict | null;
  marginH: number;
}

/** Another journey's reported timeline, for comparison. */
export interface OtherJourneyTimeline {
  journey: string;
  title: string;
  distanceKm: Interval;
  durationH: Interval;
  speedKmh: Interval;
}

/** The overall standing of a claim, in the order of precedence. */
export type Standing =
  /** Cannot be true given the reported timeline (or the reference facts). */
  | 'contradicted'
  /** Fits the timeline (or is not checked against it) but cannot be true with another report. */
  | 'disagrees'
  | 'conditional'
  | 'fits'
  /** The claim is one of the reports the timeline is made of. */
  | 'timeline-source'
  | 'unchecked';

/** One reading of a speed (or a duration) against the timeline, over the routings. */
export interface ReadingVerdict {
  reading: TimelineReading;
  verdict: Verdict;
  perVariant: { variant: string; verdict: Verdict; marginal: boolean }[];
}

/** One verdict per claim: the same in every view. */
export interface ClaimVerdict {
  claim: string;
  standing: Standing;
  /** Against the reported timeline (or the reference facts); null when not checked. */
  timeline: Verdict | null;
  readings: ReadingVerdict[];
  /** Reported events the claim cannot be true with, and those it fits only partly. */
  conflictsWithEvents: string[];
  conditionalOnEvents: string[];
  /** Other claims it cannot be true with (never one it repeats), and those it fits only partly. */
  disagreesWith: string[];
  conditionalWith: string[];
  /** Under which conditions it fits the reported events (time claims). */
  conditions: Condition[];
  marginal: boolean;
}

/** How many claims the pairwise matrix is computed for, at most. */
export interface MatrixLimit {
  claims: number;
  limit: number;
  /** False when there were more claims than the limit: the matrix is empty. */
  computed: boolean;
}

/** The whole fact-check of a journey against its route. */
export interface CheckReport {
  journey: { id: string; title: string };
  speedCap: { kmh: number; source: string };
  stops: {
    id: string;
    name: string;
    dwellH: Interval;
    source: string | null;
    assumption: string | null;
  }[];
  variants: VariantMeasure[];
  events: {
    id: string;
    name: string;
    kind: 'start' | 'end' | 'border' | 'station';
    windowUtcMs: Interval;
    zone: string;
    source: string;
  }[];
  zones: Record<string, { label: string; utcOffsetMin: number }>;
  claims: ClaimReport[];
  /** Every speed and duration claim against the reported timeline, per routing and stretch. */
  timeline: { stretches: Stretch[]; checks: TimelineCheck[] };
  verdicts: ClaimVerdict[];
  matrix: PairVerdict[];
  matrixLimit: MatrixLimit;
  otherJourneys: OtherJourneyCheck[];
  comparisons: OtherJourneyTimeline[];
}

/** Claims by id, per report (the finding and the words about a report look claims up often). */
const claimIndex = new WeakMap<CheckReport, Map<string, CheckReport['claims'][number]>>();

/** The claim `id` of a report, found through an index made once per report. */
export function reportClaim(r: CheckReport, id: string): CheckReport['claims'][number] | undefined {
  let index = claimIndex.get(r);
  if (!index) {
    index = new Map(r.claims.map((c) => [c.id, c]));
    claimIndex.set(r, index);
  }
  return index.get(id);
}
