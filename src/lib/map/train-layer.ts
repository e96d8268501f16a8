import type { GeoJSONSource, Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, FeatureCollection, LineString, Point, Position } from 'geojson';
import type { MeasuredRoute } from '../journey/route';
import { positionAt, segmentIndexAt } from '../journey/position';
import { COLORS, FONT_STACK } from './style';
import { ROUTE_LAYERS } from './route-layers';

const SOURCE = 'moving';
const ICON = 'train-arrow';

export const TRAIN_LAYERS = { trail: 'trail', trains: 'trains', labels: 'train-labels' } as const;

/** One train on the map: where it is on the route and how it is drawn. */
export interface TrainMark {
  id: string;
  label: string;
  color: string;
  km: number;
  /** The main train draws the trail; ghosts are drawn smaller and translucent. */
  main: boolean;
}

/** An arrow pointing north, drawn once as an SDF icon so each train can be tinted. */
function arrowImage(size = 48): ImageData {
  const canvas = document.createElement('canvas');
  canvas.width = canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const s = size / 48;
  ctx.fillStyle = '#000';
  ctx.beginPath();
  ctx.moveTo(24 * s, 3 * s);
  ctx.lineTo(41 * s, 43 * s);
  ctx.lineTo(24 * s, 34 * s);
  ctx.lineTo(7 * s, 43 * s);
  ctx.closePath();
  ctx.fill();
  return ctx.getImageData(0, 0, size, size);
}

/** Adds the trail and train layers above the route (once per map style). */
export function addTrainLayers(map: MapLibreMap): void {
  if (map.getSource(SOURCE)) return;
  if (!map.hasImage(ICON)) map.addImage(ICON, arrowImage(), { sdf: true, pixelRatio: 2 });
  map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer(
    {
      id: TRAIN_LAYERS.trail,
      type: 'line',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-join': 'round', 'line-cap': 'round' },
      paint: {
        'line-color': ['match', ['get', 'country'], 'KP', COLORS.KP, COLORS.CN],
        'line-width': ['interpolate', ['linear'], ['zoom'], 4, 4.5, 10, 8],
      },
    },
    ROUTE_LAYERS.stations,
  );
  map.addLayer({
    id: TRAIN_LAYERS.trains,
    type: 'symbol',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'icon-image': ICON,
      'icon-size': ['case', ['get', 'main'], 1, 0.75],
      'icon-rotate': ['get', 'bearing'],
      'icon-rotation-alignment': 'map',
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
      'symbol-sort-key': ['case', ['get', 'main'], 1, 0],
    },
    paint: {
      'icon-color': ['get', 'color'],
      'icon-halo-color': '#ffffff',
      'icon-halo-width': 2,
      'icon-opacity': ['case', ['get', 'main'], 1, 0.85],
    },
  });
  map.addLayer({
    id: TRAIN_LAYERS.labels,
    type: 'symbol',
    source: SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    layout: {
      'text-field': ['get', 'label'],
      'text-font': FONT_STACK,
      'text-size': 11,
      'text-offset': [0, 1.6],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: {
      'text-color': ['get', 'color'],
      'text-halo-color': '#ffffff',
      'text-halo-width': 1.5,
    },
  });
}

/** The travelled part of the route up to `km`, split where the country changes. */
export function trailFeatures(route: MeasuredRoute, km: number): Feature<LineString>[] {
  const end = positionAt(route, km);
  const last = segmentIndexAt(route.cumKm, end.km);
  const out: Feature<LineString>[] = [];
  let coords: Position[] = [];
  let country = route.legs[route.legOfVertex[0] ?? 0]?.country ?? '';
  for (let i = 0; i <= last && i < route.lon.length; i++) {
    const c = route.legs[route.legOfVertex[i]!]?.country ?? '';
    const p: Position = [route.lon[i]!, route.lat[i]!];
    if (c !== country && coords.length) {
      coords.push(p);
      out.push(line(coords, country));
      coords = [];
      country = c;
    }
    coords.push(p);
  }
  coords.push([end.lon, end.lat]);
  if (coords.length > 1) out.push(line(coords, country));
  return out;
}

const line = (coordinates: Position[], country: string): Feature<LineString> => ({
  type: 'Feature',
  properties: { country },
  geometry: { type: 'LineString', coordinates },
});

/** Everything that moves, as one collection: the main train's trail and every train's marker. */
export function movingFeatures(route: MeasuredRoute, trains: TrainMark[]): FeatureCollection {
  const features: Feature[] = [];
  const main = trains.find((t) => t.main);
  if (main) features.push(...trailFeatures(route, main.km));
  for (const t of trains) {
    const p = positionAt(route, t.km);
    const point: Feature<Point> = {
      type: 'Feature',
      properties: { id: t.id, label: t.label, color: t.color, main: t.main, bearing: p.bearingDeg },
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
    };
    features.push(point);
  }
  return { type: 'FeatureCollection', features };
}

/** One `setData` per frame for everything that moves. */
export function updateTrains(map: MapLibreMap, data: FeatureCollection): void {
  (map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(data);
}

/** Dims the untravelled route while a journey is being played. */
export function setRouteFaded(map: MapLibreMap, faded: boolean): void {
  if (map.getLayer(ROUTE_LAYERS.line)) {
    map.setPaintProperty(ROUTE_LAYERS.line, 'line-opacity', faded ? 0.35 : 1);
  }
}
