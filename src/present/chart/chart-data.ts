import type { MeasuredVariant } from '../../domain/claims/claims';
import { placeKm } from '../../domain/claims/claims';
import type { JourneyEvent, Place } from '../../domain/data/journey';
import { timeAtKm } from '../../domain/schedule/schedule';
import { isoToUtcMs, type ZoneLike } from '../../domain/time/timezone';
import type { ChartData, ChartTrain, ChartWindow, ChartZone } from './time-distance';

/** The short name of a window on the chart, from where its event happens. */
export function windowLabel(at: Place): string {
  if (at.kind === 'station') return at.name;
  return { start: 'Departure', end: 'Arrival', border: 'Border' }[at.kind];
}

/** The clock along the main train's run: a new zone where the routing enters a new country. */
export function chartZones(
  measured: MeasuredVariant,
  main: ChartTrain | undefined,
  zones: Record<string, ZoneLike>,
): ChartZone[] {
  const utc: ZoneLike = { label: 'UTC', utcOffsetMin: 0 };
  const legs = measured.route.legs;
  const first = zones[legs[0]?.country ?? ''] ?? utc;
  const out: ChartZone[] = [{ startUtcMs: -Infinity, ...pick(first) }];
  if (!main) return out;
  for (let i = 1; i < legs.length; i++) {
    const leg = legs[i]!;
    const zone = zones[leg.country];
    if (!zone || leg.country === legs[i - 1]!.country) continue;
    const last = out[out.length - 1]!;
    if (zone.utcOffsetMin === last.utcOffsetMin && zone.label === last.label) continue;
    const s = main.scenario;
    out.push({ startUtcMs: s.departUtcMs + timeAtKm(s, leg.startKm) * 1000, ...pick(zone) });
  }
  return out;
}

const pick = (z: ZoneLike) => ({ label: z.label, utcOffsetMin: z.utcOffsetMin });

/**
 * What the time–distance chart shows for one routing: the trains, the principal stations and
 * borders, each reported event whose place lies on the routing as a window, and the clock.
 */
export function chartData(o: {
  trains: ChartTrain[];
  measured: MeasuredVariant;
  events: readonly JourneyEvent[];
  zones: Record<string, ZoneLike>;
  timeRange: [number, number];
}): ChartData {
  const windows: ChartWindow[] = o.events.flatMap((e) => {
    const km = placeKm(o.measured, e.at);
    if (km === null) return [];
    return [
      {
        id: e.id,
        label: windowLabel(e.at),
        km,
        fromUtcMs: isoToUtcMs(e.window.from),
        toUtcMs: isoToUtcMs(e.window.to),
        ...(e.confidence ? { confidence: e.confidence } : {}),
      },
    ];
  });
  return {
    trains: o.trains,
    stations: o.measured.route.stations.map((s) => ({
      name: s.name,
      km: s.km,
      border: s.kind === 'border',
      principal: s.principal,
    })),
    windows,
    zones: chartZones(
      o.measured,
      o.trains.find((t) => t.main),
      o.zones,
    ),
    totalKm: o.measured.summary.totalKm,
    timeRange: o.timeRange,
  };
}
