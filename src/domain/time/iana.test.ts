import { describe, expect, it } from 'vitest';
import { ianaOffsetMin, ianaZoneAt, ianaZoneAtKm, stretchZones } from './iana';
import { formatLocal } from './timezone';

describe('IANA zones', () => {
  it('ianaZoneAt(Europe/Paris) is CEST, UTC+2, in July and CET, UTC+1, in January', () => {
    expect(ianaZoneAt('Europe/Paris', Date.UTC(2025, 6, 14, 6))).toEqual({
      label: 'CEST',
      utcOffsetMin: 120,
    });
    expect(ianaZoneAt('Europe/Paris', Date.UTC(2025, 0, 14, 6))).toEqual({
      label: 'CET',
      utcOffsetMin: 60,
    });
  });

  it('ianaOffsetMin follows the change to summer time at 01:00 UTC on the last Sunday of March', () => {
    expect(ianaOffsetMin('Europe/Berlin', Date.UTC(2025, 2, 30, 0, 59))).toBe(60);
    expect(ianaOffsetMin('Europe/Berlin', Date.UTC(2025, 2, 30, 1, 0))).toBe(120);
  });

  it('ianaZoneAt calls a zone without an abbreviation "local time", never by a city of another country', () => {
    expect(ianaZoneAt('Asia/Shanghai', 0)).toEqual({ label: 'local time', utcOffsetMin: 480 });
    // Hanoi's zone in the offline data is Asia/Bangkok
    expect(ianaZoneAt('Asia/Bangkok', 0).label).toBe('local time');
    expect(ianaZoneAt('Asia/Kolkata', 0).utcOffsetMin).toBe(330);
  });

  it('stretchZones gives the zone of the stretch a km lies in, at the instant', () => {
    const zones = stretchZones([
      { fromKm: 0, tz: 'Europe/Paris' },
      { fromKm: 500, tz: 'Europe/London' },
    ]);
    const july = Date.UTC(2025, 6, 1, 12);
    expect(ianaZoneAtKm([{ fromKm: 0, tz: 'Europe/Paris' }], 10)).toBe('Europe/Paris');
    expect(zones(10, july)).toEqual({ label: 'CEST', utcOffsetMin: 120 });
    expect(zones(600, july)).toEqual({ label: 'BST', utcOffsetMin: 60 });
    expect(formatLocal(july, zones(10, july))).toBe('Tue 1 Jul 14:00 CEST (UTC+2)');
  });
});
