import { describe, expect, it } from 'vitest';
import { equatorKpCn } from '../../../tests/fixtures/routes';
import { measureRoute } from '../route/route';
import {
  adjacentTick,
  formatDuration,
  kmAtInstant,
  readoutsAt,
  stationTicks,
  timeRange,
  type PlaybackScenario,
} from './playback';

const route = equatorKpCn();
const measured = measureRoute(route);
const zones = {
  KP: { label: 'Pyongyang', utcOffsetMin: 540 },
  CN: { label: 'Beijing', utcOffsetMin: 480 },
};

/** Constant speed over the whole route in `hours`, leaving at 2025-09-01 15:00 UTC (00:00 KST Tue). */
function constant(hours: number, departUtcMs = Date.UTC(2025, 8, 1, 15)): PlaybackScenario {
  const durationSec = hours * 3600;
  return {
    id: `${hours}h`,
    label: `${hours} h`,
    departUtcMs,
    durationSec,
    kmAt: (t) => (Math.min(Math.max(t, 0), durationSec) / durationSec) * measured.totalKm,
    timeAt: (km) => (km / measured.totalKm) * durationSec,
  };
}

describe('playback', () => {
  it('timeRange(scenarios) spans from the first departure to the last arrival', () => {
    const a = constant(2);
    const b = constant(4, a.departUtcMs + 3_600_000);
    expect(timeRange([a, b])).toEqual([a.departUtcMs, a.departUtcMs + 5 * 3_600_000]);
  });

  it('kmAtInstant(scenario, t) is 0 before departure and the whole route after arrival', () => {
    const s = constant(2);
    expect(kmAtInstant(s, s.departUtcMs - 1e6)).toBe(0);
    expect(kmAtInstant(s, s.departUtcMs + 1e9)).toBeCloseTo(measured.totalKm, 9);
  });

  it('readoutsAt shows Pyongyang time before the border and Beijing time after it', () => {
    const s = constant(2);
    const before = readoutsAt(measured, s, s.departUtcMs + 0.9 * 3_600_000, zones);
    const after = readoutsAt(measured, s, s.departUtcMs + 1.1 * 3_600_000, zones);
    expect(before.localTime).toBe('Tue 2 Sep 00:54 Pyongyang (UTC+9)');
    expect(after.localTime).toBe('Tue 2 Sep 00:06 Beijing (UTC+8)');
    expect(before.line).toBe('KP line');
    expect(after.line).toBe('CN line');
  });

  it('readoutsAt reports the speed of a constant-speed train', () => {
    const s = constant(2);
    const r = readoutsAt(measured, s, s.departUtcMs + 3_600_000, zones);
    expect(r.speedKmh).toBeCloseTo(measured.totalKm / 2, 6);
    expect(r.elapsedSec).toBe(3600);
    expect(r.remainingSec).toBe(3600);
    expect(r.km + r.kmRemaining).toBeCloseTo(measured.totalKm, 9);
  });

  it('stationTicks places the border tick at the time the train reaches it', () => {
    const s = constant(2);
    const [border] = stationTicks(measured, s);
    expect(border!.kind).toBe('border');
    expect(border!.tMs).toBeCloseTo(s.departUtcMs + 3_600_000, -1);
  });

  it('adjacentTick finds the next and the previous tick', () => {
    const ticks = [10_000, 20_000, 30_000].map((tMs) => ({
      kind: 'station' as const,
      label: String(tMs),
      tMs,
      km: 0,
    }));
    expect(adjacentTick(ticks, 20_000, 1)?.tMs).toBe(30_000);
    expect(adjacentTick(ticks, 20_000, -1)?.tMs).toBe(10_000);
    expect(adjacentTick(ticks, 30_000, 1)).toBeUndefined();
  });

  it('formatDuration(seconds) writes hours and minutes', () => {
    expect(formatDuration(3 * 3600 + 5 * 60)).toBe('3 h 05 min');
  });
});
