import { bbox, lineString, pointToLineDistance } from '@turf/turf';
import type { BBox, Feature, LineString, Point } from 'geojson';

/** 0.01° is over 800 m at these latitudes: a piece within 200 m of a point passes the box test. */
const MARGIN_DEG = 0.01;
/** Vertices per piece: consecutive pieces share their joint vertex, so no segment is lost. */
const PIECE = 16;

/**
 * Distance (m) from a point to the nearest of some legs. Each leg is cut into short pieces with
 * bounding boxes once; a point is measured with Turf's exact point–line distance only against the
 * pieces whose box (plus a margin) holds it.
 */
export function nearestLegFinder(legs: Feature<LineString>[]) {
  const pieces: { leg: Feature<LineString>; line: Feature<LineString>; box: BBox }[] = [];
  for (const leg of legs) {
    const c = leg.geometry.coordinates;
    for (let i = 0; i < c.length - 1; i += PIECE - 1) {
      const line = lineString(c.slice(i, i + PIECE));
      pieces.push({ leg, line, box: bbox(line) });
    }
  }
  return (p: Feature<Point>, among: Feature<LineString>[] = legs): number => {
    const [x, y] = p.geometry.coordinates as [number, number];
    let best = Infinity;
    for (const { leg, line, box } of pieces) {
      const [x0, y0, x1, y1] = box as [number, number, number, number];
      if (x < x0 - MARGIN_DEG || x > x1 + MARGIN_DEG || y < y0 - MARGIN_DEG || y > y1 + MARGIN_DEG)
        continue;
      if (!among.includes(leg)) continue;
      best = Math.min(best, pointToLineDistance(p, line, { units: 'meters' }));
    }
    return best;
  };
}
