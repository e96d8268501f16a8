import type { Position } from 'geojson';
import { measureVariants, type MeasuredVariant } from '../domain/claims/claims';
import { isLeg, legsOf, type LegFeature, type RouteCollection } from '../domain/route/route';
import type { ImportedJourney, ImportedTimeline } from './types';
import { haversineKm } from './route-build';
import { zoneStretches } from './zones';
import { dpImportance, keepMostImportant, segmentDistance } from './simplify';

/** The map draws at most this many route vertices; the rest only count for distances. */
export const DISPLAY_MAX_VERTICES = 20_000;
/** Timelines are thinned to at most this many knots (Douglas–Peucker on km over time). */
export const TIMELINE_MAX_KNOTS = 20_000;

/** Cumulative km along a routing's legs, vertex by vertex, gaps between legs included. */
function cumulativeKm(legs: LegFeature[]): number[] {
  const out: number[] = [];
  let km = 0;
  let prev: Position | undefined;
  for (const leg of legs)
    for (const p of leg.geometry.coordinates) {
      if (prev) km += haversineKm(prev[0]!, prev[1]!, p[0]!, p[1]!);
      out.push(km);
      prev = p;
    }
  return out;
}

/** A monotone map from km along the drawn line to km along the full line, linear between vertices. */
function kmMap(displayKm: number[], fullKm: number[]): (km: number) => number {
  const n = displayKm.length;
  return (km) => {
    if (n === 0) return km;
    let lo = 0;
    let hi = n - 1;
    if (km <= displayKm[0]!) return fullKm[0]!;
    if (km >= displayKm[hi]!) return fullKm[hi]! + (km - displayKm[hi]!);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (displayKm[mid]! <= km) lo = mid;
      else hi = mid;
    }
    const span = displayKm[hi]! - displayKm[lo]!;
    const f = span > 0 ? (km - displayKm[lo]!) / span : 0;
    return fullKm[lo]! + (fullKm[hi]! - fullKm[lo]!) * f;
  };
}

/** A measured routing with every km carried over to the full line's km. */
function remap(m: MeasuredVariant, toFull: (km: number) => number): MeasuredVariant {
  const r = m.route;
  const cumKm = r.cumKm.map(toFull);
  const totalKm = toFull(r.totalKm);
  const legs = r.legs.map((l) => {
    const startKm = toFull(l.startKm);
    const endKm = toFull(l.endKm);
    return { ...l, startKm, endKm, lengthKm: endKm - startKm };
  });
  const countryKm: Record<string, number> = {};
  for (const l of legs) countryKm[l.country] = (countryKm[l.country] ?? 0) + l.lengthKm;
  return {
    route: {
      ...r,
      cumKm,
      totalKm,
      legs,
      stations: r.stations.map((s) => ({ ...s, km: toFull(s.km) })),
    },
    summary: {
      ...m.summary,
      totalKm,
      borderKm: m.summary.borderKm === null ? null : toFull(m.summary.borderKm),
      countryKm,
      legs: m.summary.legs.map((l, i) => ({
        ...l,
        startKm: legs[i]!.startKm,
        lengthKm: legs[i]!.lengthKm,
      })),
    },
  };
}

/**
 * The route with at most `max` vertices, by Douglas–Peucker over all legs together; every leg
 * keeps at least its two ends (their importance is Infinity), so a route of more than `max / 2`
 * legs keeps exactly its legs' ends: 2 × legs vertices.
 */
export function simplifyRoute(route: RouteCollection, max: number): RouteCollection {
  const legs = route.features.filter(isLeg);
  const lon: number[] = [];
  const lat: number[] = [];
  const importance: number[] = [];
  for (const leg of legs) {
    const c = leg.geometry.coordinates;
    const lo = c.map((p) => p[0]!);
    const la = c.map((p) => p[1]!);
    const meanLat = la.reduce((a, b) => a + b, 0) / Math.max(la.length, 1);
    const imp = dpImportance(
      c.length,
      segmentDistance(lo, la, Math.cos((meanLat * Math.PI) / 180)),
    );
    for (let i = 0; i < c.length; i++) {
      lon.push(lo[i]!);
      lat.push(la[i]!);
      importance.push(imp[i]!);
    }
  }
  const keep = keepMostImportant(Float64Array.from(importance), Math.max(max, 2 * legs.length));
  let k = 0;
  const simplified = new Map<LegFeature, Position[]>();
  for (const leg of legs) {
    const kept: Position[] = [];
    for (let i = 0; i < leg.geometry.coordinates.length; i++, k++)
      if (keep[k]) kept.push(leg.geometry.coordinates[i]!);
    simplified.set(leg, kept.length > 1 ? kept : [kept[0]!, kept[0]!]);
  }
  return {
    ...route,
    features: route.features.map((f) => {
      const kept = isLeg(f) ? simplified.get(f) : undefined;
      return kept ? { ...f, geometry: { type: 'LineString', coordinates: kept } } : f;
    }),
  };
}

/** At most `max` knots, by Douglas–Peucker on km against time (first and last kept). */
export function thinTimeline(t: ImportedTimeline, max = TIMELINE_MAX_KNOTS): ImportedTimeline {
  const { knots } = t;
  if (knots.length <= max) return t;
  const importance = dpImportance(knots.length, (i, a, b) => {
    const ka = knots[a]!;
    const kb = knots[b]!;
    const ki = knots[i]!;
    const f = (ki.tSec - ka.tSec) / (kb.tSec - ka.tSec);
    return Math.abs(ki.km - (ka.km + (kb.km - ka.km) * f));
  });
  const keep = keepMostImportant(importance, max);
  return { departUtcMs: t.departUtcMs, knots: knots.filter((_, i) => keep[i]) };
}

/**
 * Readies an imported journey for the page: the route is simplified for drawing to at most
 * `maxVertices` vertices, while every distance stays the full line's. Each routing is measured
 * once on the drawn line and its km carried over to the full line's km (they coincide at every
 * drawn vertex, which the full line also has), so positions stay on the drawn line and distances,
 * the timeline and the checks use the full one. Long timelines are thinned likewise. Runs in the
 * import worker; the page only receives the small result.
 */
export function prepareImport(
  imported: ImportedJourney,
  maxVertices = DISPLAY_MAX_VERTICES,
): ImportedJourney {
  const full = imported.route;
  const vertices = full.features
    .filter(isLeg)
    .reduce((n, l) => n + l.geometry.coordinates.length, 0);
  const display = vertices > maxVertices ? simplifyRoute(full, maxVertices) : full;
  const displayVertices = display.features
    .filter(isLeg)
    .reduce((n, l) => n + l.geometry.coordinates.length, 0);
  let measured = measureVariants(display);
  if (display !== full) {
    measured = measured.map((m) => {
      const fullLegs = legsOf(full, m.summary.variant);
      const displayLegs = legsOf(display, m.summary.variant);
      const fullKm = cumulativeKm(fullLegs);
      const displayKm = cumulativeKm(displayLegs);
      // full km at each drawn vertex: walk both lines, matching vertices by identity
      const fullAtDrawn: number[] = [];
      let j = 0;
      fullLegs.forEach((leg, li) => {
        const kept = displayLegs[li]!.geometry.coordinates;
        let k = 0;
        for (const p of leg.geometry.coordinates) {
          while (k < kept.length && kept[k] === p) {
            fullAtDrawn.push(fullKm[j]!);
            k++;
          }
          j++;
        }
        while (fullAtDrawn.length < displayKm.length && k < kept.length) {
          fullAtDrawn.push(fullAtDrawn[fullAtDrawn.length - 1] ?? 0);
          k++;
        }
      });
      return remap(m, kmMap(displayKm, fullAtDrawn));
    });
  }
  const fullKm = measured[0]?.summary.totalKm ?? 0;
  const main = measured[0]?.route;
  return {
    ...imported,
    ...(main ? { timeZones: zoneStretches(main) } : {}),
    route: display,
    ...(imported.timeline ? { timeline: thinTimeline(imported.timeline) } : {}),
    measuredVariants: measured,
    stats: { vertices, displayVertices, fullKm },
  };
}
