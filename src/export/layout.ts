import type { Position } from 'geojson';
import type { ExportView } from './types';
import { fitText, textHeight, type FittedText, type Measure } from './text-fit';
import { fitView, mercatorWorld, type Camera, type Padding } from './view';
import { clipPolyline } from 'lineclip';
import { locatorOf, type Locator } from './locator';

/** A box in CSS px, origin top left. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Sizes at decoration scale 1, i.e. a layout whose short side is 720 CSS px. */
export const SIZES = {
  margin: 16,
  gap: 10,
  pad: 12,
  titlePx: 30,
  titleMinPx: 18,
  subtitlePx: 17,
  subtitleMinPx: 12,
  legendPx: 14,
  legendTitlePx: 14,
  swatch: 30,
  verdictPx: 14,
  verdictMaxW: 380,
  captionPx: 20,
  scaleMaxPx: 150,
  scaleH: 32,
  northD: 40,
  locatorW: 170,
  locatorH: 130,
  attributionPx: 11,
  chartW: 420,
  /** Clear space kept around the route and its labels, CSS px. */
  clearance: 10,
} as const;

/** The decorations an export can carry; the map itself is fitted into the space they leave. */
export type PanelId = 'legend' | 'verdict' | 'chart' | 'caption' | 'scale' | 'locator';

/** A station or the border point: drawn with its label by the map, never covered. */
export interface Mark {
  lon: number;
  lat: number;
  /** Label text as the map draws it ('' for none). */
  label: string;
  /** Label size, CSS px. */
  px: number;
  /** The map labels it only from this zoom on (0: always). */
  minZoom: number;
}

/** What the layout places, with all text already chosen by the caller. */
export interface LayoutInput {
  /** Output size in CSS px. */
  width: number;
  height: number;
  title: string;
  subtitle: string;
  /** The caption of the moment ('' for none). */
  caption: string;
  /** Legend row labels (the swatches are drawn beside them). */
  legend: string[];
  legendTitle: string;
  /** Verdict card lines; empty for no card. */
  verdict: string[];
  /** Width / height of the chart panel; omitted for no chart. */
  chartAspect?: number;
  /** Place a locator inset (the view's region on a continent-sized map). */
  locator?: boolean;
  /** Attribution line(s), shown whole. */
  attribution: string;
  /** The box the map must show, and the bearing. */
  view: ExportView;
  /** Route lines (lon/lat) that nothing may cover. */
  lines: Position[][];
  marks: Mark[];
}

/**
 * Every text the layout measures: the decorations' and the map's station labels (their fonts must
 * be loaded before the layout measures them, or a label measured in a fallback font moves the
 * camera).
 */
export const layoutTexts = (input: LayoutInput): string[] => [
  input.title,
  input.subtitle,
  input.caption,
  input.legendTitle,
  input.attribution,
  ...input.legend,
  ...input.verdict,
  ...input.marks.map((m) => m.label),
];

/** A panel placed in a band at the frame's edge or floating over an empty part of the map. */
export interface PlacedPanel {
  id: PanelId;
  rect: Rect;
  /** True when the panel sits in a band beside the map rather than over it. */
  banded: boolean;
}

/** Where everything goes: text already wrapped, the camera fitted to the space left. */
export interface Layout {
  width: number;
  height: number;
  /** Decoration scale: 1 at a 720 CSS px short side. */
  s: number;
  camera: Camera;
  /** The part of the frame the map shows unobstructed (the route is fitted inside it). */
  area: Rect;
  header: { rect: Rect; title: FittedText; subtitle: FittedText | null };
  footer: { rect: Rect; text: FittedText };
  /** The side whose band holds panels that found no empty place on the map, if any. */
  band: { side: Side; rect: Rect } | null;
  panels: PlacedPanel[];
  legend: { rows: FittedText[]; title: FittedText } | null;
  verdict: FittedText[];
  caption: FittedText | null;
  /** The locator inset, when one was asked for. */
  locator: Locator | null;
  /** Boxes the decorations must not touch: the route's segments' boxes and its labels. */
  keepClear: Rect[];
}

/** Raised when the text cannot be laid out without cutting it. */
export class LayoutError extends Error {}

type Side = 'right' | 'left' | 'bottom' | 'top';
const SIDES: Side[] = ['right', 'bottom', 'left', 'top'];
/** Zoom levels within which two bands count as keeping the route equally large. */
const ZOOM_TIE = 0.05;

/** Decoration scale of a `width` × `height` CSS px layout. */
export function decorationScale(width: number, height: number): number {
  return Math.min(1.6, Math.max(0.55, Math.min(width, height) / 720));
}

const intersects = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const grow = (r: Rect, d: number): Rect => ({
  x: r.x - d,
  y: r.y - d,
  w: r.w + 2 * d,
  h: r.h + 2 * d,
});

/** Whether segment a–b crosses or lies in rectangle r. */
const segmentHits = (a: [number, number], b: [number, number], r: Rect): boolean =>
  clipPolyline([a, b], [r.x, r.y, r.x + r.w, r.y + r.h]).length > 0;

/** Distance from a point to a rectangle (0 inside). */
function pointRectDistance(p: [number, number], r: Rect): number {
  const dx = Math.max(r.x - p[0], 0, p[0] - (r.x + r.w));
  const dy = Math.max(r.y - p[1], 0, p[1] - (r.y + r.h));
  return Math.hypot(dx, dy);
}

/** The route projected by a camera: polylines thinned to ≥ 1.5 px steps, and label boxes. */
interface Projected {
  polylines: [number, number][][];
  labels: Rect[];
  points: [number, number][];
}

/** The route in Web Mercator world coordinates, computed once per layout. */
interface World {
  lines: [number, number][][];
  marks: { w: [number, number]; mark: Mark }[];
}

function worldOf(input: LayoutInput): World {
  return {
    lines: input.lines.map((l) => l.map((c) => mercatorWorld(c[0]!, c[1]!))),
    marks: input.marks.map((mark) => ({ w: mercatorWorld(mark.lon, mark.lat), mark })),
  };
}

/** World coordinates to CSS px for a camera (what `projector` does, without the Mercator step). */
function worldProjector(camera: Camera): (w: [number, number]) => [number, number] {
  const k = 2 ** camera.zoom;
  const [cx, cy] = mercatorWorld(camera.center[0], camera.center[1]);
  const θ = (-camera.bearingDeg * Math.PI) / 180;
  const cos = Math.cos(θ);
  const sin = Math.sin(θ);
  return ([x, y]) => {
    const dx = (x - cx) * k;
    const dy = (y - cy) * k;
    return [camera.cssWidth / 2 + dx * cos - dy * sin, camera.cssHeight / 2 + dx * sin + dy * cos];
  };
}

function project(world: World, camera: Camera, measure: Measure): Projected {
  const p = worldProjector(camera);
  const polylines = world.lines.map((line) => {
    const out: [number, number][] = [];
    for (const c of line) {
      const q = p(c);
      const last = out[out.length - 1];
      if (!last || Math.abs(q[0] - last[0]) + Math.abs(q[1] - last[1]) >= 1.5) out.push(q);
    }
    const end = line[line.length - 1];
    if (end && out.length === 1) out.push(p(end));
    return out;
  });
  const labels: Rect[] = [];
  const points: [number, number][] = [];
  for (const { w, mark } of world.marks) {
    const [x, y] = p(w);
    points.push([x, y]);
    if (!mark.label || camera.zoom < mark.minZoom) continue;
    // MapLibre's first choice: the label to the right of the point, 0.7 em away
    const tw = measure(mark.label, mark.px, false);
    labels.push({ x: x - 8, y: y - mark.px, w: tw + 0.7 * mark.px + 8, h: 2 * mark.px });
  }
  return { polylines, labels, points };
}

/** Smallest distance from a rectangle to the route, its labels and its marks (0 when touching). */
function clearanceOf(r: Rect, pr: Projected): number {
  let best = Infinity;
  for (const l of pr.labels) if (intersects(r, l)) return 0;
  for (const line of pr.polylines) {
    for (let i = 0; i < line.length; i++) {
      const a = line[i]!;
      if (i > 0 && segmentHits(line[i - 1]!, a, r)) return 0;
      best = Math.min(best, pointRectDistance(a, r));
    }
  }
  for (const pt of pr.points) best = Math.min(best, pointRectDistance(pt, r));
  for (const l of pr.labels) {
    const cx = Math.max(l.x, Math.min(r.x, l.x + l.w));
    const cy = Math.max(l.y, Math.min(r.y, l.y + l.h));
    best = Math.min(best, pointRectDistance([cx, cy], r));
  }
  return best;
}

interface PanelSize {
  id: PanelId;
  w: number;
  h: number;
  /** Preferred corners, best first (ties in clearance go to the earlier). */
  prefer: string[];
}

const ANCHORS = ['tl', 'tr', 'bl', 'br', 'tc', 'bc', 'ml', 'mr'] as const;

function anchored(a: string, w: number, h: number, area: Rect, m: number): Rect {
  const x =
    a[1] === 'l' ? area.x + m : a[1] === 'r' ? area.x + area.w - m - w : area.x + (area.w - w) / 2;
  const y =
    a[0] === 't' ? area.y + m : a[0] === 'b' ? area.y + area.h - m - h : area.y + (area.h - h) / 2;
  return { x, y, w, h };
}

/** Lays panels in a band: a column (left/right) or rows (top/bottom), returning band size. */
function bandLayout(
  side: Side,
  panels: PanelSize[],
  frame: Rect,
  gap: number,
  m: number,
): { rect: Rect; placed: PlacedPanel[] } {
  const placed: PlacedPanel[] = [];
  if (side === 'left' || side === 'right') {
    const colW = Math.max(...panels.map((p) => p.w));
    const x = side === 'right' ? frame.x + frame.w - m - colW : frame.x + m;
    let y = frame.y + m;
    for (const p of panels) {
      placed.push({ id: p.id, rect: { x: x + (colW - p.w) / 2, y, w: p.w, h: p.h }, banded: true });
      y += p.h + gap;
    }
    const rect = {
      x: side === 'right' ? x - m : frame.x,
      y: frame.y,
      w: colW + 2 * m,
      h: frame.h,
    };
    return { rect, placed };
  }
  // rows: left to right, wrapping
  const maxW = frame.w - 2 * m;
  let x = frame.x + m;
  let rowTop = 0;
  let rowH = 0;
  const rows: PlacedPanel[][] = [[]];
  for (const p of panels) {
    if (x + p.w > frame.x + m + maxW && rows[rows.length - 1]!.length) {
      rowTop += rowH + gap;
      rowH = 0;
      x = frame.x + m;
      rows.push([]);
    }
    const pp = { id: p.id, rect: { x, y: rowTop, w: p.w, h: p.h }, banded: true };
    rows[rows.length - 1]!.push(pp);
    placed.push(pp);
    x += p.w + gap;
    rowH = Math.max(rowH, p.h);
  }
  const h = rowTop + rowH + 2 * m;
  const y0 = side === 'bottom' ? frame.y + frame.h - h : frame.y;
  // centre each row
  for (const row of rows) {
    const last = row[row.length - 1];
    if (!last) continue;
    const used = last.rect.x + last.rect.w - row[0]!.rect.x;
    const shift = (maxW - used) / 2;
    for (const pp of row) pp.rect = { ...pp.rect, x: pp.rect.x + shift, y: y0 + m + pp.rect.y };
  }
  return { rect: { x: frame.x, y: y0, w: frame.w, h }, placed };
}

/**
 * Lays out an export: the title (wrapped onto two lines before it shrinks, never cut) and the
 * attribution take bands at the top and bottom; every other panel floats over the emptiest part of
 * the map where it touches neither the route, its stations, their labels nor another panel, or,
 * when no such place exists, moves into a band beside the map on the side that leaves the route
 * largest. The camera then fits the view into the space left, so nothing covers the route.
 * Pure: text is measured with `measure`, so Node tests lay out exactly as the page does.
 */
export function layoutExport(input: LayoutInput, measure: Measure): Layout {
  const W = input.width;
  const H = input.height;
  const s = decorationScale(W, H);
  const m = SIZES.margin * s;
  const gap = SIZES.gap * s;
  const pad = SIZES.pad * s;
  const textW = W - 2 * m - 2 * pad;

  const title =
    fitText(input.title, textW, SIZES.titlePx * s, SIZES.titleMinPx * s, 2, true, measure) ??
    fitText(input.title, textW, SIZES.titleMinPx * s, SIZES.titleMinPx * s, 4, true, measure);
  if (!title) {
    throw new LayoutError(
      `the title is too long to print whole at ${W} × ${H}; shorten it (about ${Math.floor(
        (4 * textW) / (0.6 * SIZES.titleMinPx * s),
      )} characters fit)`,
    );
  }
  const subtitle = input.subtitle.trim()
    ? (fitText(
        input.subtitle,
        textW,
        SIZES.subtitlePx * s,
        SIZES.subtitleMinPx * s,
        2,
        false,
        measure,
      ) ??
      fitText(
        input.subtitle,
        textW,
        SIZES.subtitleMinPx * s,
        SIZES.subtitleMinPx * s,
        4,
        false,
        measure,
      ))
    : null;
  if (input.subtitle.trim() && !subtitle) {
    throw new LayoutError(`the subtitle is too long to print whole at ${W} × ${H}; shorten it`);
  }
  const headerH = pad * 2 + textHeight(title) + (subtitle ? textHeight(subtitle) + 2 * s : 0);
  const header = { x: 0, y: 0, w: W, h: headerH };

  const attribution = fitText(
    input.attribution,
    W - 2 * m,
    SIZES.attributionPx * s,
    8 * s,
    3,
    false,
    measure,
  );
  if (!attribution) throw new LayoutError('the attribution does not fit the export');
  const footerH = textHeight(attribution) + 8 * s;
  const footer = { x: 0, y: H - footerH, w: W, h: footerH };
  const frame: Rect = { x: 0, y: headerH, w: W, h: H - headerH - footerH };
  if (frame.h < 40 * s) {
    throw new LayoutError(`${W} × ${H} leaves no room for the map under the title`);
  }

  // panel contents and sizes
  const panelMaxW = Math.min(SIZES.verdictMaxW * s, Math.max(W * 0.42, 160 * s));
  const sizes: PanelSize[] = [];
  let legend: Layout['legend'] = null;
  if (input.legend.length) {
    const labelMax = panelMaxW - 2 * pad - SIZES.swatch * s - gap;
    const rows = input.legend.map((l) => {
      const f = fitText(l, labelMax, SIZES.legendPx * s, 10 * s, 3, false, measure);
      if (!f) throw new LayoutError(`the legend entry "${l.slice(0, 40)}" is too long`);
      return f;
    });
    const lt = fitText(
      input.legendTitle,
      labelMax,
      SIZES.legendTitlePx * s,
      10 * s,
      2,
      true,
      measure,
    )!;
    legend = { rows, title: lt };
    const w =
      2 * pad +
      SIZES.swatch * s +
      gap +
      Math.max(lt.width - SIZES.swatch * s - gap, ...rows.map((r) => r.width));
    const h =
      2 * pad +
      textHeight(lt) +
      4 * s +
      rows.reduce((n, r) => n + Math.max(textHeight(r), SIZES.swatch * 0.7 * s), 0);
    sizes.push({ id: 'legend', w, h, prefer: ['tr', 'tl', 'br', 'bl'] });
  }
  const verdict = input.verdict
    .filter((l) => l.trim())
    .map((l, i) => {
      const f = fitText(l, panelMaxW - 2 * pad, SIZES.verdictPx * s, 10 * s, 6, i === 0, measure);
      if (!f) throw new LayoutError(`the verdict line "${l.slice(0, 40)}" is too long`);
      return f;
    });
  if (verdict.length) {
    sizes.push({
      id: 'verdict',
      w: 2 * pad + Math.max(...verdict.map((v) => v.width)),
      h: 2 * pad + verdict.reduce((n, v) => n + textHeight(v) + 3 * s, 0),
      prefer: ['bl', 'br', 'tl', 'tr'],
    });
  }
  if (input.chartAspect && input.chartAspect > 0) {
    const w = Math.min(SIZES.chartW * s, W * 0.45);
    sizes.push({ id: 'chart', w, h: w / input.chartAspect, prefer: ['br', 'bl', 'tr', 'tl'] });
  }
  if (input.locator) {
    sizes.push({
      id: 'locator',
      w: SIZES.locatorW * s,
      h: SIZES.locatorH * s,
      prefer: ['tl', 'tr', 'bl', 'br'],
    });
  }
  const captionIn = (maxW: number, maxLines: number) =>
    input.caption.trim()
      ? fitText(input.caption, maxW, SIZES.captionPx * s, 12 * s, maxLines, true, measure)
      : null;
  const captionSize = (c: FittedText): PanelSize => ({
    id: 'caption',
    w: c.width + 2 * pad,
    h: textHeight(c) + 2 * pad * 0.8,
    prefer: ['bl', 'tl', 'bc', 'br'],
  });
  const caption = captionIn(Math.min(W, 720 * s) - 2 * m - 2 * pad, 2);
  // in a column beside the map the caption wraps to the other panels' width instead of widening
  // the column to its one long line
  const captionNarrow = caption && (captionIn(panelMaxW - 2 * pad, 4) ?? caption);
  if (caption) sizes.push(captionSize(caption));
  const inColumn = (side: Side | null) => side === 'left' || side === 'right';
  sizes.push({
    id: 'scale',
    w: SIZES.scaleMaxPx * s + SIZES.northD * s + 3 * gap,
    h: Math.max(SIZES.scaleH, SIZES.northD) * s,
    prefer: ['br', 'bl', 'tr', 'tl'],
  });

  const world = worldOf(input);
  // iterate: float what finds an empty place, band the rest on the side that keeps the route largest
  let banded = new Set<PanelId>();
  for (let round = 0; round <= sizes.length; round++) {
    const inBand = sizes.filter((p) => banded.has(p.id));
    const options = (inBand.length ? SIDES : [null]).map((side) => {
      const panels = inBand.map((p) =>
        p.id === 'caption' && captionNarrow && inColumn(side) ? captionSize(captionNarrow) : p,
      );
      const band = side ? bandLayout(side, panels, frame, gap, m) : null;
      const area = areaBeside(frame, band?.rect ?? null, side);
      const fitted = fitInto(input, world, area, W, H, s, measure);
      return { side, band, area, ...fitted };
    });
    // the side that keeps the route largest; of sides within a hair of that, the one leaving the
    // map most room (a tall route loses nothing to a column, yet a row keeps the map wide)
    const top = Math.max(...options.map((o) => o.camera.zoom));
    const best = options
      .filter((o) => o.camera.zoom >= top - ZOOM_TIE)
      .reduce((a, b) => (b.area.w * b.area.h > a.area.w * a.area.h + 1e-9 ? b : a));
    const floating = sizes.filter((p) => !banded.has(p.id));
    const taken: Rect[] = [];
    const placed: PlacedPanel[] = [...(best.band?.placed ?? [])];
    const failed: PanelId[] = [];
    // largest first: they have the fewest places to go
    // the caption floats in its long shape, or wrapped to the panels' width where that fits
    let narrowCaption = false;
    for (const p of [...floating].sort((a, b) => b.w * b.h - a.w * a.h)) {
      let choice: { rect: Rect; score: number; narrow: boolean } | null = null;
      const shapes =
        p.id === 'caption' && captionNarrow && captionNarrow !== caption
          ? [p, captionSize(captionNarrow)]
          : [p];
      for (const [k, shape] of shapes.entries()) {
        for (const a of ANCHORS) {
          const rect = anchored(a, shape.w, shape.h, best.area, m);
          if (rect.w > best.area.w - 2 * m || rect.h > best.area.h - 2 * m) continue;
          if (taken.some((t) => intersects(grow(t, gap), rect))) continue;
          const clear = clearanceOf(rect, best.projected);
          if (clear < SIZES.clearance * s) continue;
          const rank = p.prefer.indexOf(a);
          const score = Math.min(clear, 60 * s) - (rank < 0 ? 40 : rank * 6) * s - k * 10 * s;
          if (!choice || score > choice.score) choice = { rect, score, narrow: k > 0 };
        }
      }
      if (!choice) failed.push(p.id);
      else {
        taken.push(choice.rect);
        placed.push({ id: p.id, rect: choice.rect, banded: false });
        if (p.id === 'caption') narrowCaption = choice.narrow;
      }
    }
    if (!failed.length) {
      return {
        width: W,
        height: H,
        s,
        camera: best.camera,
        area: best.area,
        header: { rect: header, title, subtitle },
        footer: { rect: footer, text: attribution },
        band: best.band && best.side ? { side: best.side, rect: best.band.rect } : null,
        panels: placed,
        legend,
        verdict,
        caption:
          narrowCaption || (banded.has('caption') && inColumn(best.side)) ? captionNarrow : caption,
        locator: locatorIn(placed, input.view, s),
        keepClear: best.projected.labels,
      };
    }
    banded = new Set([...banded, ...failed]);
  }
  throw new LayoutError(`the decorations do not fit a ${W} × ${H} export`);
}

/** The locator inset of the placed panels, if one of them is the locator. */
function locatorIn(placed: PlacedPanel[], view: ExportView, s: number): Locator | null {
  const panel = placed.find((p) => p.id === 'locator');
  return panel ? locatorOf(view, panel.rect, s) : null;
}

function areaBeside(frame: Rect, band: Rect | null, side: Side | null): Rect {
  if (!band || !side) return frame;
  if (side === 'right') return { ...frame, w: frame.w - band.w };
  if (side === 'left') return { ...frame, x: frame.x + band.w, w: frame.w - band.w };
  if (side === 'bottom') return { ...frame, h: frame.h - band.h };
  return { ...frame, y: frame.y + band.h, h: frame.h - band.h };
}

/**
 * The camera that fits the view into `area` with room for the labels: fitted once, then the
 * padding grows on any side a label pokes out of, and it is fitted again (three passes at most).
 */
function fitInto(
  input: LayoutInput,
  world: World,
  area: Rect,
  W: number,
  H: number,
  s: number,
  measure: Measure,
): { camera: Camera; projected: Projected } {
  const inner = 18 * s;
  const padding: Padding = {
    top: area.y + inner,
    left: area.x + inner,
    right: W - area.x - area.w + inner,
    bottom: H - area.y - area.h + inner,
  };
  let camera = fitView(input.view, W, H, padding);
  let projected = project(world, camera, measure);
  for (let pass = 0; pass < 3; pass++) {
    // each side grows by its largest overshoot (a sum over labels would push the route into a
    // corner: five labels poking out 100 px on the right do not need 500 px)
    const over = { left: 0, right: 0, top: 0, bottom: 0 };
    for (const l of projected.labels) {
      // only labels of points in the view: a zoomed-in view leaves most stations outside it,
      // and their labels must not push its edges out (they made a current-view export a world map)
      const [ax, ay] = [l.x + 8, l.y + l.h / 2];
      if (ax < area.x || ax > area.x + area.w || ay < area.y || ay > area.y + area.h) continue;
      over.left = Math.max(over.left, area.x + 2 - l.x);
      over.right = Math.max(over.right, l.x + l.w - (area.x + area.w - 2));
      over.top = Math.max(over.top, area.y + 2 - l.y);
      over.bottom = Math.max(over.bottom, l.y + l.h - (area.y + area.h - 2));
    }
    let changed = false;
    for (const k of ['left', 'right', 'top', 'bottom'] as const) {
      if (over[k] > 0.5) {
        padding[k] += over[k];
        changed = true;
      }
    }
    if (!changed) break;
    camera = fitView(input.view, W, H, padding);
    projected = project(world, camera, measure);
  }
  return { camera, projected };
}
