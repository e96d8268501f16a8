import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapCamera } from '../domain/data/url-state';

/** Where the map looks now, in the URL's terms. */
export function cameraOf(map: MapLibreMap): MapCamera {
  const c = map.getCenter();
  return { zoom: map.getZoom(), lat: c.lat, lon: c.lng, bearing: map.getBearing() };
}

/** Whether the user asked the system for less motion. */
export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

/**
 * Keeps a moving point in view. Normally the map is re-centred on it every frame (smooth because
 * the frames are); with reduced motion the map only jumps when the point leaves the middle 60% of
 * the view, so the picture stays still most of the time.
 */
export function followPoint(
  map: MapLibreMap,
  lngLat: [number, number],
  reducedMotion: boolean,
): void {
  if (!reducedMotion) {
    map.jumpTo({ center: lngLat });
    return;
  }
  const p = map.project(lngLat);
  const { clientWidth: w, clientHeight: h } = map.getContainer();
  const inside = p.x > w * 0.2 && p.x < w * 0.8 && p.y > h * 0.2 && p.y < h * 0.8;
  if (!inside) map.jumpTo({ center: lngLat });
}
