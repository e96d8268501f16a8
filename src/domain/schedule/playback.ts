import type { MeasuredRoute } from '../route/route';
import { positionAt } from '../route/position';
import { formatLocal, zoneIdAtKm, type ZoneLike } from '../time/timezone';

/** A schedule as playback needs it: where the train is at each instant. */
export interface PlaybackScenario {
  id: string;
  label: string;
  departUtcMs: number;
  durationSec: number;
  /** km along the route at `tSec` seconds after departure (clamped). */
  kmAt(tSec: number): number;
  /** Seconds after departure at which the train reaches `km`. */
  timeAt(km: number): number;
}

export const arrivalMs = (s: PlaybackScenario): number => s.departUtcMs + s.durationSec * 1000;

/** The time axis that holds every scenario from the first departure to the last arrival. */
export function timeRange(scenarios: PlaybackScenario[]): [number, number] {
  if (scenarios.length === 0) return [0, 1];
  return [Math.min(...scenarios.map((s) => s.departUtcMs)), Math.max(...scenarios.map(arrivalMs))];
}

/** km along the route of a scenario's train at a UTC instant (0 before it leaves). */
export function kmAtInstant(s: PlaybackScenario, tMs: number): number {
  return s.kmAt((tMs - s.departUtcMs) / 1000);
}

/**
 * The clock's zones: fixed zones by id (the country of the leg), or a function of the place (km)
 * and instant, for zones with daylight saving (imported journeys).
 */
export type ZoneLookup = Record<string, ZoneLike> | ((km: number, tMs: number) => ZoneLike);

export interface Readouts {
  /** "Tue 2 Sep 03:00 Pyongyang (UTC+9)" — local time where the train is. */
  localTime: string;
  zoneId: string;
  /** UTC offset of that local time, minutes. */
  utcOffsetMin: number;
  elapsedSec: number;
  remainingSec: number;
  km: number;
  kmRemaining: number;
  legIndex: number;
  line: string;
  from: string;
  to: string;
  /** Average speed over the minute around the instant, km/h. */
  speedKmh: number;
}

/** Everything the player shows about one train at one instant. O(log n). */
export function readoutsAt(
  route: MeasuredRoute,
  s: PlaybackScenario,
  tMs: number,
  zones: ZoneLookup,
): Readouts {
  const tSec = Math.min(Math.max((tMs - s.departUtcMs) / 1000, 0), s.durationSec);
  const km = s.kmAt(tSec);
  const pos = positionAt(route, km);
  const leg = route.legs[pos.legIndex];
  const zoneId = zoneIdAtKm(route, km);
  const zone =
    typeof zones === 'function'
      ? zones(km, tMs)
      : (zones[zoneId] ?? { label: 'UTC', utcOffsetMin: 0 });
  const half = 30;
  const a = Math.max(tSec - half, 0);
  const b = Math.min(tSec + half, s.durationSec);
  const speedKmh = b > a ? ((s.kmAt(b) - s.kmAt(a)) / (b - a)) * 3600 : 0;
  return {
    localTime: formatLocal(tMs, zone),
    zoneId,
    utcOffsetMin: zone.utcOffsetMin,
    elapsedSec: tSec,
    remainingSec: s.durationSec - tSec,
    km,
    kmRemaining: route.totalKm - km,
    legIndex: pos.legIndex,
    line: leg?.line ?? '',
    from: leg?.from ?? '',
    to: leg?.to ?? '',
    speedKmh,
  };
}

export interface Tick {
  kind: 'station' | 'border' | 'event';
  label: string;
  tMs: number;
  km: number;
}

/** Timeline ticks: when the main train passes each station and the border. */
export function stationTicks(route: MeasuredRoute, s: PlaybackScenario): Tick[] {
  return route.stations
    .filter((st) => st.principal || st.kind === 'border')
    .map((st) => ({
      kind: st.kind,
      label: st.name,
      km: st.km,
      tMs: s.departUtcMs + s.timeAt(st.km) * 1000,
    }));
}

/** The next tick after (dir 1) or before (dir −1) an instant, with a one-second dead band. */
export function adjacentTick(ticks: Tick[], tMs: number, dir: 1 | -1): Tick | undefined {
  const sorted = [...ticks].sort((x, y) => x.tMs - y.tMs);
  return dir > 0
    ? sorted.find((t) => t.tMs > tMs + 1000)
    : [...sorted].reverse().find((t) => t.tMs < tMs - 1000);
}

/** "3 h 05 min" */
export function formatDuration(sec: number): string {
  const m = Math.round(Math.max(sec, 0) / 60);
  return `${Math.floor(m / 60)} h ${String(m % 60).padStart(2, '0')} min`;
}
