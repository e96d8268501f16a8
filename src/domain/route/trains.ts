import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { MeasuredRoute } from './route';
import { positionAt, segmentIndexAt } from './position';

/** One train on the route: where it is on the route and how it is drawn. */
export interface TrainMark {
  id: string;
  label: string;
  color: string;
  km: number;
  /** The main train draws the trail; ghosts are drawn smaller and translucent. */
  main: boolean;
  /** Drawn larger: the train the pointer is over on the chart or in the list. */
  highlight?: boolean;
}

/**
 * The travelled part of the route up to `km`, split where the country changes: O(n), for exports
 * (the live map moves a gradient instead).
 */
export function trailFeatures(route: MeasuredRoute, km: number): Feature<LineString>[] {
  const end = positionAt(route, km);
  const last = segmentIndexAt(route.cumKm, end.km);
  const out: Feature<LineString>[] = [];
  const countryAt = (i: number) => route.legs[route.legOfVertex[i]!]?.country ?? '';
  let coords: Position[] = [];
  let country = countryAt(0);
  for (let i = 0; i <= last && i < route.lon.length; i++) {
    const p: Position = [route.lon[i]!, route.lat[i]!];
    if (countryAt(i) !== country && coords.length) {
      coords.push(p);
      out.push(trailLine(coords, country));
      coords = [];
      country = countryAt(i);
    }
    coords.push(p);
  }
  coords.push([end.lon, end.lat]);
  if (coords.length > 1) out.push(trailLine(coords, country));
  return out;
}

const trailLine = (coordinates: Position[], country: string): Feature<LineString> => ({
  type: 'Feature',
  properties: { country },
  geometry: { type: 'LineString', coordinates },
});

/** Every train's marker as one collection; with `withTrail`, the main train's trail as lines too. */
export function movingFeatures(
  route: MeasuredRoute,
  trains: TrainMark[],
  withTrail = false,
): FeatureCollection {
  const main = trains.find((t) => t.main);
  const trail = withTrail && main ? trailFeatures(route, main.km) : [];
  const features: Feature<Point>[] = trains.map((t) => {
    const p = positionAt(route, t.km);
    return {
      type: 'Feature',
      properties: {
        id: t.id,
        label: t.label,
        color: t.color,
        main: t.main,
        highlight: t.highlight ?? false,
        bearing: p.bearingDeg,
      },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    };
  });
  return { type: 'FeatureCollection', features: [...trail, ...features] };
}
