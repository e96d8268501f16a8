import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { bboxClip } from '@turf/turf';

type Ring = Position[];

/** True when a ring has an edge that jumps more than 180° of longitude (it wraps the antimeridian). */
export function ringCrossesAntimeridian(ring: Ring): boolean {
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) > 180) return true;
  }
  return false;
}

/** Makes longitudes continuous along a ring or line: every jump over 180° is unwrapped by ±360°. */
export function unwrapLongitudes(coords: Ring): Ring {
  const out: Ring = [];
  let shift = 0;
  for (let i = 0; i < coords.length; i++) {
    const [lon, lat, ...rest] = coords[i]!;
    if (i > 0) {
      const prev = coords[i - 1]![0]!;
      const jump = lon! - prev;
      if (jump > 180) shift -= 360;
      else if (jump < -180) shift += 360;
    }
    out.push([lon! + shift, lat!, ...rest]);
  }
  return out;
}

function shiftPolygon(rings: Ring[], dLon: number): Ring[] {
  return rings.map((ring) => ring.map(([lon, lat]) => [lon! + dLon, lat!]));
}

/**
 * Splits polygons whose rings wrap the antimeridian into parts that each stay within −180…180,
 * so a renderer does not draw a band across the whole map. Polygons that do not wrap are returned as they are.
 */
export function splitAtAntimeridian(
  feature: Feature<Polygon | MultiPolygon>,
): Feature<Polygon | MultiPolygon> {
  const polygons =
    feature.geometry.type === 'Polygon'
      ? [feature.geometry.coordinates]
      : feature.geometry.coordinates;
  if (!polygons.some((rings) => rings.some(ringCrossesAntimeridian))) return feature;

  const parts: Ring[][] = [];
  for (const rings of polygons) {
    if (!rings.some(ringCrossesAntimeridian)) {
      parts.push(rings);
      continue;
    }
    const unwrapped = rings.map(unwrapLongitudes);
    const minLon = Math.min(...unwrapped[0]!.map((p) => p[0]!));
    const base = minLon < -180 ? -360 : 0;
    for (const offset of [base, base + 360]) {
      const window = shiftPolygon(unwrapped, -offset);
      const clipped = bboxClip({ type: 'Polygon', coordinates: window }, [-180, -90, 180, 90]);
      const coords = clipped.geometry.coordinates as Ring[];
      if (coords.length > 0 && coords[0]!.length >= 4) parts.push(coords);
    }
  }
  return {
    ...feature,
    geometry: { type: 'MultiPolygon', coordinates: parts },
  };
}
