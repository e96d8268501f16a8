import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseVagueWords, type TimeReading, type VagueWords } from '../data/journey';
import { isoToUtcMs } from '../time/timezone';
import { phraseFits, quantityInterval, timeWindowUtcMs } from './vague';

const file = new URL('../../../geo/journeys/vague-words.json', import.meta.url);
const parsed = parseVagueWords(readFileSync(file, 'utf8'), 'vague-words.json');
if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
const table: VagueWords = parsed.value;
const zones = {
  KP: { label: 'Pyongyang', utcOffsetMin: 540, source: 't' },
  CN: { label: 'Beijing', utcOffsetMin: 480, source: 't' },
};
const reading = (r: Partial<TimeReading>): TimeReading => ({
  kind: 'departure',
  day: '2025-09-01',
  phrase: 'afternoon',
  zones: ['KP'],
  ...r,
});

describe('vague words', () => {
  it('every entry of the bundled table has a note', () => {
    for (const entry of Object.values(table.phrases)) expect(entry.note.length).toBeGreaterThan(5);
  });

  it('timeWindowUtcMs reads "Monday afternoon" in Pyongyang as 12:00–18:00 UTC+9', () => {
    expect(timeWindowUtcMs(reading({}), table, zones)).toEqual({
      lo: isoToUtcMs('2025-09-01T12:00:00+09:00'),
      hi: isoToUtcMs('2025-09-01T18:00:00+09:00'),
    });
  });

  it('timeWindowUtcMs reads "late Monday night" as 21:00–24:00', () => {
    const w = timeWindowUtcMs(reading({ phrase: 'late night' }), table, zones);
    expect(w.lo).toBe(isoToUtcMs('2025-09-01T21:00:00+09:00'));
    expect(w.hi).toBe(isoToUtcMs('2025-09-02T00:00:00+09:00'));
  });

  it('timeWindowUtcMs spans both zones when the text leaves the zone open', () => {
    const w = timeWindowUtcMs(
      reading({ kind: 'border', day: '2025-09-02', phrase: 'early hours', zones: ['KP', 'CN'] }),
      table,
      zones,
    );
    expect(w.lo).toBe(isoToUtcMs('2025-09-02T00:00:00+09:00'));
    expect(w.hi).toBe(isoToUtcMs('2025-09-02T06:00:00+08:00'));
  });

  it('timeWindowUtcMs reads "about 03:00" as ±30 minutes', () => {
    const w = timeWindowUtcMs(reading({ phrase: 'about clock', clock: '03:00' }), table, zones);
    expect(w.hi - w.lo).toBe(3_600_000);
    expect(w.lo).toBe(isoToUtcMs('2025-09-01T02:30:00+09:00'));
  });

  it('timeWindowUtcMs reads "later in the day" from the previous event to midnight', () => {
    const after = { lo: isoToUtcMs('2025-09-02T03:00:00+09:00'), hi: 0 };
    const w = timeWindowUtcMs(
      reading({ kind: 'arrival', day: '2025-09-02', phrase: 'later in the day', zones: ['CN'] }),
      table,
      zones,
      after,
    );
    expect(w.lo).toBe(after.lo);
    expect(w.hi).toBe(isoToUtcMs('2025-09-03T00:00:00+08:00'));
  });

  it('quantityInterval reads "nearly 20" as 17–20 and "about 60" as 54–66', () => {
    expect(quantityInterval(20, 'nearly', table).interval).toEqual({ lo: 17, hi: 20 });
    const about = quantityInterval(60, 'about', table).interval;
    expect(about.lo).toBeCloseTo(54, 9);
    expect(about.hi).toBeCloseTo(66, 9);
  });

  it('quantityInterval reads "just 50 km/h" as an average of 47.5–52.5 km/h', () => {
    const r = quantityInterval(50, 'just', table);
    expect(r.mode).toBe('average');
    expect(r.interval.lo).toBeCloseTo(47.5, 9);
    expect(r.interval.hi).toBeCloseTo(52.5, 9);
  });

  it('quantityInterval reads a top speed as any average from 0 up to it, and keeps the stated figure', () => {
    const r = quantityInterval(59.546, 'top speed', table);
    expect(r.mode).toBe('top');
    expect(r.interval.lo).toBe(0);
    expect(r.interval.hi).toBeCloseTo(62.52, 2);
    expect(r.stated.lo).toBeCloseTo(59.546 * 0.95, 6);
  });

  it('quantityInterval reads a stated range "50–60" with its qualifier on both ends', () => {
    const r = quantityInterval(50, 'about', table, 60);
    expect(r.interval.lo).toBeCloseTo(45, 9);
    expect(r.interval.hi).toBeCloseTo(66, 9);
  });

  it('phraseFits rejects a quantity phrase on a time reading', () => {
    expect(phraseFits(table, reading({ phrase: 'nearly' }))).toBe(false);
    expect(phraseFits(table, reading({ phrase: 'about clock' }))).toBe(false); // no clock given
    expect(phraseFits(table, reading({ phrase: 'evening' }))).toBe(true);
  });
});
