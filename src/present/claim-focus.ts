import type { Feature, LineString, Position } from 'geojson';
import { reportClaim, type CheckReport } from '../domain/claims/report';
import type { MeasuredRoute } from '../domain/route/route';
import { positionAt, segmentIndexAt } from '../domain/route/position';

/** The stretch of route (km) and the time window (UTC ms) a claim concerns. */
export interface ClaimFocus {
  fromKm: number;
  toKm: number;
  windowUtcMs: [number, number] | null;
}

const EVENT_SPAN_KM = 6;

/** Where and when a claim applies, from its implication in the report. */
export function claimFocus(
  report: CheckReport,
  id: string,
  route: MeasuredRoute,
  borderKm: number | null,
): ClaimFocus | null {
  const claim = reportClaim(report, id);
  if (!claim) return null;
  const impl = claim.implication;
  if (impl.type === 'time') {
    const eventKm =
      impl.kind === 'departure'
        ? 0
        : impl.kind === 'arrival'
          ? route.totalKm
          : impl.kind === 'border'
            ? (borderKm ?? 0)
            : null;
    const window: [number, number] = [impl.windowUtcMs.lo, impl.windowUtcMs.hi];
    const km = eventKm;
    if (km === null) return { fromKm: 0, toKm: route.totalKm, windowUtcMs: window };
    return {
      fromKm: Math.max(km - EVENT_SPAN_KM, 0),
      toKm: Math.min(km + EVENT_SPAN_KM, route.totalKm),
      windowUtcMs: window,
    };
  }
  if (impl.type === 'fact') return { fromKm: 0, toKm: route.totalKm, windowUtcMs: null };
  const scope = impl.scope;
  const legs = route.legs.filter((l) =>
    scope === 'whole'
      ? true
      : scope.startsWith('country:')
        ? l.country === scope.slice(8)
        : scope === `leg:${l.id}`,
  );
  if (legs.length === 0) return { fromKm: 0, toKm: route.totalKm, windowUtcMs: null };
  return {
    fromKm: Math.min(...legs.map((l) => l.startKm)),
    toKm: Math.max(...legs.map((l) => l.endKm)),
    windowUtcMs: null,
  };
}

/** The part of a measured route between two km, as a LineString. */
export function routeSlice(
  route: MeasuredRoute,
  fromKm: number,
  toKm: number,
): Feature<LineString> {
  const a = positionAt(route, fromKm);
  const b = positionAt(route, toKm);
  const coords: Position[] = [[a.lon, a.lat]];
  const i0 = segmentIndexAt(route.cumKm, a.km) + 1;
  const i1 = segmentIndexAt(route.cumKm, b.km);
  for (let i = i0; i <= i1; i++) coords.push([route.lon[i]!, route.lat[i]!]);
  coords.push([b.lon, b.lat]);
  return { type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: coords } };
}
