import type { DataError, Parsed } from './data-error';

export type { DataError, Parsed };
// reading and validating journey files lives in parse-journey.ts; named here too for its callers
export { checkJourneyValue, parseJourney, parseVagueWords } from './parse-journey';

/** A time zone of a country the route crosses. */
export interface Zone {
  label: string;
  utcOffsetMin: number;
  source: string;
}

/** Where on the route an event happens. */
export type Place = { kind: 'start' | 'end' | 'border' } | { kind: 'station'; name: string };

/** A window between two ISO instants with explicit offsets. */
export interface IsoWindow {
  from: string;
  to: string;
  source?: string;
}

/** A reference event of the journey (leave, cross, pass, arrive) with its reference window. */
export interface JourneyEvent {
  id: string;
  name: string;
  at: Place;
  zone: string;
  window: IsoWindow;
  /** The single instant used for the reconstructed timeline. */
  best: string;
  source: string;
  /** How sure the sources are of the window (the reference facts' H, M, L); absent: ungraded. */
  confidence?: Confidence;
  note?: string;
}

/** A source's grade of a reported time: high, medium or low. */
export type Confidence = 'high' | 'medium' | 'low';

/** An article that reported the journey. */
export interface Article {
  id: string;
  file: string;
  publisher: string;
  headline: string | null;
  date: string | null;
  byline?: string;
  note?: string;
}

/** Kinds of time reading: an event's time, an announcement of it, or "somewhere en route". */
export type TimeKind = 'departure' | 'border' | 'passing' | 'arrival' | 'report' | 'en-route';

/** A claim about when something happened, as a local day plus a phrase from the vague-words table. */
export interface TimeReading {
  kind: TimeKind;
  event?: string;
  /** Local calendar date, YYYY-MM-DD. */
  day: string;
  phrase: string;
  /** Local clock time HH:MM, for "about HH:MM" phrases. */
  clock?: string;
  /** Id of the claim this one comes after ("later in the day"). */
  after?: string;
  /** The zone(s) the local time may be in. */
  zones: string[];
}

/** A claim about a speed, duration or distance. */
export interface QuantityReading {
  kind: 'speed' | 'duration' | 'distance';
  value: number;
  /** Upper end when the figure is a range ("50–60 km/h"). */
  valueHi?: number;
  unit: 'km/h' | 'mph' | 'h' | 'km' | 'mi';
  phrase: string;
  /** "whole", "country:KP", "leg:pyongui" or "variant:A". */
  scope: string;
}

/** A time elapsed between two dated facts ("first return in nearly five years"). */
export interface ElapsedReading {
  kind: 'elapsed';
  value: number;
  unit: 'y';
  phrase: string;
  from: { day: string; source: string };
  to: { day: string; source: string };
}

/** When something off the route happened ("the parade on Wednesday"), against a reference window. */
export interface DateReading {
  kind: 'date';
  about: string;
  claimed: IsoWindow;
  reference: IsoWindow & { source: string };
}

/** Places the route passes, in order. */
export interface RouteReading {
  kind: 'route';
  via: string[];
}

/** A reading checked against reference facts rather than the route's timeline. */
export type FactReading = ElapsedReading | DateReading | RouteReading;

/** Any structured reading of a claim. */
export type Reading = TimeReading | QuantityReading | FactReading;

/** How a speed figure may be read: door-to-door average, average while moving, or top speed. */
export type SpeedReadingKind = 'door-to-door' | 'running' | 'top';

/** One claim: from an article (with its exact quote) or a public reference fact. */
export interface Claim {
  id: string;
  basis: 'article' | 'reference';
  article?: string;
  source?: string;
  /** "this", or the id of another journey the claim is about. */
  journey: string;
  quote: string;
  /** English translation when the quote is in another language. */
  translation?: string;
  otherQuotes?: string[];
  reading: Reading;
  /** For a speed: the readings the quote supports, each with why. */
  readings?: { as: SpeedReadingKind; note: string }[];
  /** Id of the claim whose figure this one repeats: never evidence for each other. */
  repeats?: string;
  note?: string;
}

/** A known or assumed stop; its dwell adds to the stretch it lies on. */
export interface Stop {
  id: string;
  name: string;
  at: Place;
  dwellH: { lo: number; hi: number };
  source?: string;
  assumption?: string;
  note?: string;
}

/** Reference facts about another journey, to check claims about it. */
export interface OtherJourney {
  id: string;
  title: string;
  distance: { value: number; unit: 'km' | 'mi'; phrase: string; source: string };
  reportedDurationsH: { value: number; source: string; repeatedBy?: string[]; note?: string }[];
  timeline?: { depart: IsoWindow; arrive: IsoWindow };
  note?: string;
}

/** A journey file, validated. */
export interface Journey {
  id: string;
  title: string;
  route: string;
  vagueWords: string;
  articlesDir?: string;
  zones: Record<string, Zone>;
  /** The highest average speed any stretch is taken at: the highest reported for this train. */
  speedCap?: { value: number; unit: 'km/h' | 'mph'; source: string; note?: string };
  events: JourneyEvent[];
  stops?: Stop[];
  articles: Article[];
  claims: Claim[];
  otherJourneys?: OtherJourney[];
}

/** One row of the vague-words table. */
export type PhraseEntry =
  | { kind: 'time-of-day'; fromMin: number; toMin: number; note: string }
  | { kind: 'rest-of-day'; note: string }
  | { kind: 'clock'; toleranceMin: number; note: string }
  | { kind: 'factor'; loFactor: number; hiFactor: number; note: string }
  | { kind: 'speed'; mode: 'average' | 'top'; loFactor: number; hiFactor: number; note: string };

/** The vague-words table, validated. */
export interface VagueWords {
  note: string;
  phrases: Record<string, PhraseEntry>;
}
