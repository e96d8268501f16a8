import { describe, expect, it } from 'vitest';
import { equatorKpCn } from '../../../tests/fixtures/routes';
import { measureRoute } from '../route/route';
import {
  clockToMin,
  formatLocal,
  formatUtcOffset,
  isoToUtcMs,
  localDayStartUtcMs,
  zoneIdAtKm,
} from './timezone';

const PYONGYANG = { label: 'Pyongyang', utcOffsetMin: 540 };
const BEIJING = { label: 'Beijing', utcOffsetMin: 480 };

/** Two legs meeting on a border at longitude 1: KP then CN. */
const border = equatorKpCn();

describe('timezone', () => {
  it('formatLocal(utcMs, zone) names the zone: "Tue 2 Sep 03:00 Pyongyang (UTC+9)"', () => {
    expect(formatLocal(isoToUtcMs('2025-09-01T18:00:00Z'), PYONGYANG)).toBe(
      'Tue 2 Sep 03:00 Pyongyang (UTC+9)',
    );
    expect(formatLocal(isoToUtcMs('2025-09-01T18:00:00Z'), BEIJING)).toBe(
      'Tue 2 Sep 02:00 Beijing (UTC+8)',
    );
  });

  it('formatUtcOffset writes half-hour and negative offsets', () => {
    expect(formatUtcOffset(510)).toBe('UTC+8:30');
    expect(formatUtcOffset(-180)).toBe('UTC-3');
    expect(formatUtcOffset(0)).toBe('UTC+0');
  });

  it('localDayStartUtcMs puts Monday 1 Sep 00:00 Pyongyang at 15:00 UTC the day before', () => {
    expect(new Date(localDayStartUtcMs('2025-09-01', 540)).toISOString()).toBe(
      '2025-08-31T15:00:00.000Z',
    );
    expect(clockToMin('03:30')).toBe(210);
  });

  it('the local clock goes back an hour at the border while UTC advances', () => {
    const route = measureRoute(border, 'A');
    const borderKm = route.legs[1]!.startKm;
    const crossing = isoToUtcMs('2025-09-02T03:00:00+09:00');
    const zones = { KP: PYONGYANG, CN: BEIJING };
    const before = crossing - 60_000;
    const after = crossing + 60_000;
    const shown = (utcMs: number, km: number): string =>
      formatLocal(utcMs, zones[zoneIdAtKm(route, km) as 'KP' | 'CN']);
    expect(zoneIdAtKm(route, borderKm - 0.01)).toBe('KP');
    expect(zoneIdAtKm(route, borderKm + 0.01)).toBe('CN');
    expect(after).toBeGreaterThan(before);
    expect(shown(before, borderKm - 0.01)).toBe('Tue 2 Sep 02:59 Pyongyang (UTC+9)');
    expect(shown(after, borderKm + 0.01)).toBe('Tue 2 Sep 02:01 Beijing (UTC+8)');
  });

  it('a journey past midnight changes the local date and weekday', () => {
    const depart = isoToUtcMs('2025-09-01T22:30:00+09:00');
    expect(formatLocal(depart, PYONGYANG)).toBe('Mon 1 Sep 22:30 Pyongyang (UTC+9)');
    expect(formatLocal(depart + 2 * 3_600_000, PYONGYANG)).toBe(
      'Tue 2 Sep 00:30 Pyongyang (UTC+9)',
    );
    // the same instant is still Monday in Beijing
    expect(formatLocal(depart + 2 * 3_600_000, BEIJING)).toBe('Mon 1 Sep 23:30 Beijing (UTC+8)');
  });
});
