import type { Map as MapLibreMap } from 'maplibre-gl';
import { isStation, type RouteCollection, type StationProps } from '../domain/route/route';
import { onRouting } from '../domain/route/routing';
import { routeBounds } from './bounds';
import {
  endStations,
  LABEL_RADIAL_EM,
  PRINCIPAL_LABEL_ZOOM,
  ROUTE_LAYERS,
  STATION_LABEL_PX,
} from './route-layers';

/** A label to place: its point and text size in CSS px, placed in array order (first wins). */
export interface LabelMark {
  x: number;
  y: number;
  /** Text width, CSS px. */
  w: number;
  /** Text size, CSS px. */
  size: number;
}

/** Room around the route, CSS px. */
export interface Padding {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** MapLibre's default `text-padding`: the room kept around a label when it tests collisions. */
const TEXT_PADDING = 2;
/** MapLibre's default `text-max-width`, in ems: longer labels wrap. */
const MAX_WIDTH_EM = 10;

/** A label's box for its one-line text width: MapLibre breaks lines longer than 10 em. */
export function labelSize(textW: number, size: number): { w: number; h: number } {
  const lines = Math.ceil(textW / (MAX_WIDTH_EM * size));
  const w = lines > 1 ? Math.min(textW / lines + size, MAX_WIDTH_EM * size) : textW;
  return { w, h: 1.2 * size * Math.max(lines, 1) };
}

/**
 * Where MapLibre puts each label of `marks` with the station layer's variable anchors: the first
 * of right of the point, left, below and above (`text-variable-anchor` left, right, top, bottom)
 * that collides with no label placed before it; null when none fits. Like MapLibre, the edges of
 * the viewport play no part — which is why a label can run off the screen.
 */
export function placeLabels(
  marks: readonly LabelMark[],
  radialEm = LABEL_RADIAL_EM,
): (Box | null)[] {
  const placed: Box[] = [];
  const hits = (b: Box) =>
    placed.some(
      (p) =>
        b.x0 - TEXT_PADDING < p.x1 &&
        b.x1 + TEXT_PADDING > p.x0 &&
        b.y0 - TEXT_PADDING < p.y1 &&
        b.y1 + TEXT_PADDING > p.y0,
    );
  return marks.map(({ x, y, w: textW, size }) => {
    const r = radialEm * size;
    const { w, h } = labelSize(textW, size);
    const candidates: Box[] = [
      { x0: x + r, x1: x + r + w, y0: y - h / 2, y1: y + h / 2 },
      { x0: x - r - w, x1: x - r, y0: y - h / 2, y1: y + h / 2 },
      { x0: x - w / 2, x1: x + w / 2, y0: y + r, y1: y + r + h },
      { x0: x - w / 2, x1: x + w / 2, y0: y - r - h, y1: y - r },
    ];
    const box = candidates.find((b) => !hits(b)) ?? null;
    if (box) placed.push(box);
    return box;
  });
}

/** How far the boxes run past each edge of a `width` × `height` view kept `margin` px clear. */
export function overshoot(
  boxes: readonly (Box | null)[],
  width: number,
  height: number,
  margin: number,
): Padding {
  const over = { top: 0, bottom: 0, left: 0, right: 0 };
  for (const b of boxes) {
    if (!b) continue;
    over.left = Math.max(over.left, margin - b.x0);
    over.right = Math.max(over.right, b.x1 - (width - margin));
    over.top = Math.max(over.top, margin - b.y0);
    over.bottom = Math.max(over.bottom, b.y1 - (height - margin));
  }
  return over;
}

/** A first-view label's text and font, as the station label layer draws it. */
function labelOf(p: StationProps): { text: string; bold: boolean; size: number } {
  const border = p.kind === 'border';
  return {
    text: border ? p.name : `${p.name} ${p.name_local ?? ''}`.trim(),
    bold: !border,
    size: STATION_LABEL_PX[border ? 'border' : 'principal'],
  };
}

/**
 * `padding` widened on each side by `over`, never past 45 % of the view on one side (the route
 * keeps at least a tenth of it); null when no side grows by half a pixel or more.
 */
export function grownPadding(
  padding: Padding,
  over: Padding,
  width: number,
  height: number,
): Padding | null {
  const out = { ...padding };
  let changed = false;
  for (const k of ['left', 'right', 'top', 'bottom'] as const) {
    const room = (k === 'left' || k === 'right' ? width : height) * 0.45;
    const grown = Math.min(room, padding[k] + over[k]);
    if (grown - padding[k] > 0.5) {
      out[k] = grown;
      changed = true;
    }
  }
  return changed ? out : null;
}

/**
 * The labels the first view shows at `zoom`: the border points, then the route's ends, then (from
 * `PRINCIPAL_LABEL_ZOOM`) the principal stations of `routing`, as the station label layer does.
 */
function firstViewLabels(route: RouteCollection, routing: string, zoom: number) {
  const ends = endStations(route);
  const out: ({ lonLat: [number, number] } & ReturnType<typeof labelOf>)[] = [];
  for (const kind of ['border', 'station'] as const) {
    for (const f of route.features) {
      if (!isStation(f)) continue;
      const p = f.properties;
      if (p.kind !== kind || !onRouting(p, routing)) continue;
      const end = ends.has(f);
      if (kind === 'station' && !end && !(p.principal && Math.floor(zoom) >= PRINCIPAL_LABEL_ZOOM))
        continue;
      out.push({ lonLat: f.geometry.coordinates as [number, number], ...labelOf(p) });
    }
  }
  return out;
}

/** Text width in CSS px, with the fonts the labels are drawn in (loaded before the map starts). */
function measurer(): (text: string, size: number, bold: boolean) => number {
  const ctx = document.createElement('canvas').getContext('2d');
  return (text, size, bold) => {
    if (!ctx) return 0.6 * size * text.length;
    ctx.font = `${size}px ${bold ? '"Noto Sans Bold"' : '"Noto Sans"'}, "Noto Sans SC", "Noto Sans KR", sans-serif`;
    return ctx.measureText(text).width;
  };
}

/**
 * Fits the route into the map with `base` padding, then widens the padding on each side by the
 * furthest any first-view label runs past it (so "Pyongyang 평양" at the east end is not cut on
 * a phone), at most three times, as the export layout does for its labels.
 */
export function fitRouteWithLabels(
  map: MapLibreMap,
  route: RouteCollection,
  routing: string,
  base: Padding,
): Padding {
  const bounds = routeBounds(route);
  const measure = measurer();
  const { clientWidth: W, clientHeight: H } = map.getContainer();
  let padding = base;
  for (let pass = 0; pass < 3; pass++) {
    const camera = map.cameraForBounds(bounds, { padding });
    if (!camera) return padding;
    map.jumpTo(camera);
    const boxes = placeLabels(
      firstViewLabels(route, routing, map.getZoom()).map((l) => {
        const { x, y } = map.project(l.lonLat);
        return { x, y, w: measure(l.text, l.size, l.bold), size: l.size };
      }),
    );
    const grown = grownPadding(padding, overshoot(boxes, W, H, 4), W, H);
    if (!grown) return padding;
    padding = grown;
  }
  const camera = map.cameraForBounds(bounds, { padding });
  if (camera) map.jumpTo(camera);
  return padding;
}

/** The names of the route labels MapLibre placed across the columns x0–x1 (CSS px) of the map. */
function labelsBetween(map: MapLibreMap): (x0: number, x1: number) => string[] {
  const H = map.getContainer().clientHeight;
  return (x0, x1) =>
    map
      .queryRenderedFeatures(
        [
          [x0, 0],
          [x1, H],
        ],
        { layers: [ROUTE_LAYERS.labels] },
      )
      .map((f) => String(f.properties.name));
}

/** The route labels MapLibre placed across the left or right edge of the map. */
export function labelsAtEdges(map: MapLibreMap): string[] {
  const namesIn = labelsBetween(map);
  const W = map.getContainer().clientWidth;
  return [...new Set([...namesIn(0, 1), ...namesIn(W - 1, W)])];
}

/** How far beyond the viewport MapLibre keeps placed labels in its collision index, CSS px. */
const COLLISION_BEYOND_PX = 100;

/**
 * How far the route labels MapLibre placed run past the left and right edges, CSS px, plus
 * `margin`: for each label found in a strip at an edge, the furthest 1-px column beyond the edge
 * that MapLibre says it still covers (its collision index reaches past the viewport).
 */
function edgeOvershoot(map: MapLibreMap, margin: number): Padding {
  const { clientWidth: W } = map.getContainer();
  const over: Padding = { top: 0, bottom: 0, left: 0, right: 0 };
  const namesIn = labelsBetween(map);
  for (const side of ['left', 'right'] as const) {
    // the column d px beyond this edge
    const beyond = (d: number) =>
      side === 'left' ? namesIn(-d - 1, -d) : namesIn(W + d, W + d + 1);
    for (const name of side === 'left' ? namesIn(0, margin) : namesIn(W - margin, W)) {
      let lo = -margin;
      let hi = COLLISION_BEYOND_PX;
      if (beyond(hi).includes(name)) lo = hi;
      while (hi - lo > 1) {
        const mid = (lo + hi) / 2;
        if (beyond(mid).includes(name)) lo = mid;
        else hi = mid;
      }
      over[side] = Math.max(over[side], lo + 1 + margin);
    }
  }
  return over;
}

/**
 * Once MapLibre has placed the labels of the first view: while a route label runs past the left
 * or right edge (the placement picks another side for a label when its first choice collides,
 * which no estimate foresees exactly), widens that side's padding by as much and fits again, at
 * most three times. Resolves when the view has settled.
 */
export async function settleEdgeLabels(
  map: MapLibreMap,
  route: RouteCollection,
  padding: Padding,
): Promise<void> {
  const bounds = routeBounds(route);
  const { clientWidth: W, clientHeight: H } = map.getContainer();
  for (let pass = 0; pass < 3; pass++) {
    // the trains' labels, placed before the stations', can arrive a frame after the first idle
    map.triggerRepaint();
    await map.once('idle');
    const grown = grownPadding(padding, edgeOvershoot(map, 3), W, H);
    if (!grown) return;
    padding = grown;
    const camera = map.cameraForBounds(bounds, { padding });
    if (!camera) return;
    map.jumpTo(camera);
    await map.once('idle');
  }
}
