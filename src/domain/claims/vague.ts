import { hullOf, interval, type Interval } from '../time/interval';
import type {
  ElapsedReading,
  PhraseEntry,
  QuantityReading,
  TimeReading,
  VagueWords,
  Zone,
} from '../data/journey';
import { clockToMin, localDayStartUtcMs } from '../time/timezone';
import { MS_PER_MIN } from '../time/units';

/** The phrase kinds a time reading may use. */
export const TIME_PHRASE_KINDS: readonly PhraseEntry['kind'][] = [
  'time-of-day',
  'rest-of-day',
  'clock',
];

/** The table entry for a phrase; throws if the phrase is missing (journey.ts validates first). */
export function phraseEntry(table: VagueWords, phrase: string): PhraseEntry {
  const entry = table.phrases[phrase];
  if (!entry) throw new RangeError(`phrase "${phrase}" is not in the vague-words table`);
  return entry;
}

/** One zone's reading of a local-time phrase, as a UTC interval (ms). */
function windowInZone(
  reading: TimeReading,
  entry: PhraseEntry,
  utcOffsetMin: number,
  afterUtcMs: Interval | undefined,
): Interval {
  const dayStart = localDayStartUtcMs(reading.day, utcOffsetMin);
  const at = (min: number): number => dayStart + min * MS_PER_MIN;
  switch (entry.kind) {
    case 'time-of-day':
      return interval(at(entry.fromMin), at(entry.toMin));
    case 'clock': {
      if (reading.clock === undefined) throw new RangeError('a clock phrase needs `clock`');
      const min = clockToMin(reading.clock);
      return interval(at(min - entry.toleranceMin), at(min + entry.toleranceMin));
    }
    case 'rest-of-day':
      return interval(Math.min(Math.max(dayStart, afterUtcMs?.lo ?? dayStart), at(1440)), at(1440));
    default:
      throw new RangeError(`phrase kind "${entry.kind}" is not a time of day`);
  }
}

/**
 * A time reading ("Monday afternoon", zone KP) as the UTC interval (ms) it allows. When the text
 * leaves the zone open, the hull of its readings in every candidate zone. `afterUtcMs` is the
 * window of the claim named by `after`, for "later in the day".
 */
export function timeWindowUtcMs(
  reading: TimeReading,
  table: VagueWords,
  zones: Record<string, Zone>,
  afterUtcMs?: Interval,
): Interval {
  const entry = phraseEntry(table, reading.phrase);
  return hullOf(
    reading.zones.map((z) => {
      const zone = zones[z];
      if (!zone) throw new RangeError(`unknown zone "${z}"`);
      return windowInZone(reading, entry, zone.utcOffsetMin, afterUtcMs);
    }),
  );
}

/** How a speed figure is read: as the average, or as a top speed bounding the average. */
export type SpeedMode = 'average' | 'top';

/**
 * A stated figure with its qualifier ("nearly 20", "about 60", "just 50") as an interval, in the
 * figure's base unit (km/h, h, km, years). `valueHi` is the upper end of a stated range
 * ("50–60"). `stated` is the figure with its rounding; `interval` is what it bounds: for a top
 * speed, any average from 0 up to it.
 */
export function quantityInterval(
  value: number,
  phrase: string,
  table: VagueWords,
  valueHi = value,
): { interval: Interval; stated: Interval; mode: SpeedMode } {
  const entry = phraseEntry(table, phrase);
  if (entry.kind !== 'factor' && entry.kind !== 'speed')
    throw new RangeError(`phrase "${phrase}" (${entry.kind}) is not a quantity qualifier`);
  const stated = interval(value * entry.loFactor, valueHi * entry.hiFactor);
  if (entry.kind === 'speed' && entry.mode === 'top')
    return { interval: interval(0, stated.hi), stated, mode: 'top' };
  return { interval: stated, stated, mode: 'average' };
}

/** Whether a phrase fits a reading: time phrases for time readings, factors for quantities. */
export function phraseFits(
  table: VagueWords,
  reading: TimeReading | QuantityReading | ElapsedReading,
): boolean {
  const entry = table.phrases[reading.phrase];
  if (!entry) return false;
  if ('zones' in reading) {
    if (!TIME_PHRASE_KINDS.includes(entry.kind)) return false;
    if (entry.kind === 'clock' && reading.clock === undefined) return false;
    return entry.kind !== 'rest-of-day' || reading.after !== undefined;
  }
  if (entry.kind === 'speed') return reading.kind === 'speed';
  return entry.kind === 'factor';
}
