import type { MeasuredRoute } from '../route/route';
import { positionAt } from '../route/position';
import { MS_PER_MIN } from './units';

/** A fixed-offset time zone, as the journey data names it. */
export interface ZoneLike {
  label: string;
  utcOffsetMin: number;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** "UTC+9", "UTC+8", "UTC+8:30", "UTC-3". */
export function formatUtcOffset(utcOffsetMin: number): string {
  const sign = utcOffsetMin < 0 ? '-' : '+';
  const abs = Math.abs(utcOffsetMin);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m ? `:${pad2(m)}` : ''}`;
}

/** The UTC instant (ms) at which a local calendar day (YYYY-MM-DD) begins in a zone. */
export function localDayStartUtcMs(day: string, utcOffsetMin: number): number {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) - utcOffsetMin * MS_PER_MIN;
}

/** Minutes after local midnight of "HH:MM". */
export function clockToMin(clock: string): number {
  const [h, m] = clock.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/** UTC ms of an ISO 8601 instant that carries its own offset. */
export function isoToUtcMs(iso: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`not an ISO instant: ${iso}`);
  return ms;
}

/** The local wall-clock fields of a UTC instant in a fixed-offset zone. */
export function localParts(utcMs: number, utcOffsetMin: number) {
  const d = new Date(utcMs + utcOffsetMin * MS_PER_MIN);
  return {
    weekday: WEEKDAYS[d.getUTCDay()]!,
    day: d.getUTCDate(),
    month: MONTHS[d.getUTCMonth()]!,
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    isoDate: d.toISOString().slice(0, 10),
  };
}

/**
 * A UTC instant shown in a zone's local time, the zone named:
 * "Tue 2 Sep 03:00 Pyongyang (UTC+9)".
 */
export function formatLocal(utcMs: number, zone: ZoneLike): string {
  if (!Number.isFinite(utcMs)) return utcMs > 0 ? 'any time after' : 'any time before';
  const p = localParts(utcMs, zone.utcOffsetMin);
  return `${p.weekday} ${p.day} ${p.month} ${pad2(p.hour)}:${pad2(p.minute)} ${zone.label} (${formatUtcOffset(zone.utcOffsetMin)})`;
}

/**
 * The zone id (the country of the leg) where the train is at `km` along a measured route: the
 * clock changes where the legs change country, e.g. mid-bridge on the Yalu.
 */
export function zoneIdAtKm(route: MeasuredRoute, km: number): string {
  const leg = route.legs[positionAt(route, km).legIndex];
  return leg?.country ?? route.legs[0]?.country ?? '';
}
