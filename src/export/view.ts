import type { ExportView } from './types';

/** MapLibre's tile size: the world is 512 × 2^zoom CSS pixels wide. */
const TILE = 512;
const DEG = Math.PI / 180;
/** Earth's equatorial circumference in metres (the WGS84 sphere MapLibre's scale control uses). */
const EARTH_CIRCUMFERENCE_M = 2 * Math.PI * 6378137;
const MAX_LAT = 85.051129;

/** A Web Mercator camera: what MapLibre's `jumpTo({ center, zoom, bearing })` shows. */
export interface Camera {
  center: [number, number];
  zoom: number;
  bearingDeg: number;
  /** Viewport size in CSS pixels. */
  cssWidth: number;
  cssHeight: number;
}

/** Padding in CSS pixels. */
export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** Lon/lat to world coordinates at zoom 0 (0..512, y down), as MapLibre computes them. */
export function mercatorWorld(lon: number, lat: number): [number, number] {
  const φ = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * DEG;
  const x = ((180 + lon) / 360) * TILE;
  const y = ((180 - Math.log(Math.tan(Math.PI / 4 + φ / 2)) / DEG) / 360) * TILE;
  return [x, y];
}

/** World coordinates at zoom 0 back to lon/lat. */
export function mercatorLngLat(x: number, y: number): [number, number] {
  const lon = (x / TILE) * 360 - 180;
  const y2 = 180 - (y / TILE) * 360;
  const lat = (360 / Math.PI) * Math.atan(Math.exp(y2 * DEG)) - 90;
  return [lon, lat];
}

/**
 * The camera that fits `view.bounds` into a viewport with padding, rotated by the view's bearing
 * (MapLibre's `cameraForBounds` in plain maths), so the raster map and the SVG share one view.
 */
export function fitView(
  view: ExportView,
  cssWidth: number,
  cssHeight: number,
  padding: Padding,
  maxZoom = 12,
): Camera {
  const [[w, s], [e, n]] = view.bounds;
  const θ = -view.bearingDeg * DEG;
  const corners = [
    mercatorWorld(w, n),
    mercatorWorld(e, n),
    mercatorWorld(e, s),
    mercatorWorld(w, s),
  ];
  const rotated = corners.map(([x, y]) => [
    x * Math.cos(θ) - y * Math.sin(θ),
    x * Math.sin(θ) + y * Math.cos(θ),
  ]);
  const xs = rotated.map((p) => p[0]!);
  const ys = rotated.map((p) => p[1]!);
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys),
  ];
  const innerW = Math.max(1, cssWidth - padding.left - padding.right);
  const innerH = Math.max(1, cssHeight - padding.top - padding.bottom);
  const scale = Math.min(
    innerW / Math.max(maxX - minX, 1e-9),
    innerH / Math.max(maxY - minY, 1e-9),
  );
  const zoom = Math.min(maxZoom, Math.log2(scale));
  const k = 2 ** zoom;
  // the box's centre in the rotated frame, shifted so it lands in the padded area's centre
  const cx = (minX + maxX) / 2 - (padding.left - padding.right) / 2 / k;
  const cy = (minY + maxY) / 2 - (padding.top - padding.bottom) / 2 / k;
  // back to the unrotated world frame
  const x = cx * Math.cos(-θ) - cy * Math.sin(-θ);
  const y = cx * Math.sin(-θ) + cy * Math.cos(-θ);
  return { center: mercatorLngLat(x, y), zoom, bearingDeg: view.bearingDeg, cssWidth, cssHeight };
}

/** A function from lon/lat to CSS pixels in the camera's viewport (same as `map.project`). */
export function projector(camera: Camera): (lon: number, lat: number) => [number, number] {
  const k = 2 ** camera.zoom;
  const [cx, cy] = mercatorWorld(camera.center[0], camera.center[1]);
  const θ = -camera.bearingDeg * DEG;
  const cos = Math.cos(θ);
  const sin = Math.sin(θ);
  return (lon, lat) => {
    const [x, y] = mercatorWorld(lon, lat);
    const dx = (x - cx) * k;
    const dy = (y - cy) * k;
    return [camera.cssWidth / 2 + dx * cos - dy * sin, camera.cssHeight / 2 + dx * sin + dy * cos];
  };
}

/** Ground metres per CSS pixel at a latitude and zoom. */
export function metersPerPixel(lat: number, zoom: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos(lat * DEG)) / (TILE * 2 ** zoom);
}

/**
 * A round scale-bar length (1, 2 or 5 × 10ⁿ metres) that is at most `maxCssPx` long, and its
 * length in CSS pixels.
 */
export function scaleBar(
  lat: number,
  zoom: number,
  maxCssPx: number,
): { meters: number; cssPx: number } {
  const mpp = metersPerPixel(lat, zoom);
  const maxM = mpp * maxCssPx;
  const pow = 10 ** Math.floor(Math.log10(maxM));
  const step = [5, 2, 1].find((d) => d * pow <= maxM) ?? 1;
  const meters = step * pow;
  return { meters, cssPx: meters / mpp };
}
