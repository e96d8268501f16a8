import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { isLeg, type RouteCollection } from '../domain/route/route';

/** The bounding box of a route's legs, as [[west, south], [east, north]]. */
export function routeBounds(route: RouteCollection): [[number, number], [number, number]] {
  const legs: FeatureCollection = {
    type: 'FeatureCollection',
    features: route.features.filter(isLeg),
  };
  const [w, s, e, n] = bbox(legs.features.length ? legs : route);
  return [
    [w, s],
    [e, n],
  ];
}
