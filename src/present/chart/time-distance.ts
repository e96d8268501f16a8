import { scaleLinear } from 'd3-scale';
import { line as d3line } from 'd3-shape';
import { utcDay, utcHour } from 'd3-time';
import { averageSpeedKmh, kmAtTime, timeAtKm, type Scenario } from '../../domain/schedule/schedule';
import { formatDuration } from '../../domain/schedule/playback';
import type { Confidence } from '../../domain/data/journey';
import { formatUtcOffset, localParts } from '../../domain/time/timezone';
import { r1, textWidth, type SceneItem, type TextItem } from './scene';
import { clipPolyline } from 'lineclip';

/** A train on the chart: a scenario of the player, in its colour. */
export interface ChartTrain {
  id: string;
  /** Short name ("Reconstructed", "Constant 50 km/h"). */
  label: string;
  color: string;
  main: boolean;
  scenario: Scenario;
}

/** A station along the routing, drawn as a tick on the distance axis. */
export interface ChartStation {
  name: string;
  km: number;
  border: boolean;
  principal: boolean;
}

/** A reported event window: the train was at `km` some time between `fromUtcMs` and `toUtcMs`. */
export interface ChartWindow {
  id: string;
  /** Short name ("Departure", "Border", "Shenyang", "Arrival"). */
  label: string;
  km: number;
  fromUtcMs: number;
  toUtcMs: number;
  /** Unstated when the data does not grade it. */
  confidence?: Confidence;
}

/** The clock in force from `startUtcMs` on (the first zone also covers everything before). */
export interface ChartZone {
  startUtcMs: number;
  label: string;
  utcOffsetMin: number;
}

/** Everything the chart shows, as plain data. */
export interface ChartData {
  trains: ChartTrain[];
  stations: ChartStation[];
  windows: ChartWindow[];
  /** In time order; at least one. */
  zones: ChartZone[];
  totalKm: number;
  /** The player's time axis, UTC ms. */
  timeRange: [number, number];
}

export interface ChartOptions {
  /** Size of the drawing, CSS px. */
  width: number;
  height: number;
  /** Base font size, CSS px (default 11). */
  fontPx?: number;
  /** Draw the key of the lines inside the drawing (exports); the app shows it as HTML. */
  legend?: boolean;
  /** Colours (default: the light `CHART_STYLE`). */
  palette?: ChartPalette;
}

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Where a train is when it reaches a window's km, and by how much it misses the window. */
export interface WindowHit {
  trainId: string;
  windowId: string;
  /** The instant the train reaches the window's km, UTC ms. */
  atUtcMs: number;
  /** 0 inside the window; negative: seconds too early; positive: seconds too late. */
  gapSec: number;
  hit: boolean;
  x: number;
  y: number;
}

export interface ChartLine {
  id: string;
  label: string;
  color: string;
  main: boolean;
  /** SVG path data of the line. */
  d: string;
  /** The points of the path, CSS px. */
  points: [number, number][];
  avgSpeedKmh: number;
  durationSec: number;
  /** The windows this train misses. */
  misses: WindowHit[];
  train: ChartTrain;
}

export interface ChartBox {
  id: string;
  label: string;
  x: number;
  y: number;
  w: number;
  h: number;
  confidence: Confidence | 'unstated';
  /** Fill opacity, higher for a surer window. */
  fillOpacity: number;
}

/** The chart laid out for one size: scales, the static drawing, and its parts as data. */
export interface TimeDistanceChart {
  width: number;
  height: number;
  fontPx: number;
  plot: Rect;
  /** The instants the chart spans (the player's range widened to every window and train), UTC ms. */
  domain: [number, number];
  xOf(tMs: number): number;
  yOf(km: number): number;
  /** The instant at a horizontal position (inverse of `xOf`). */
  tAt(x: number): number;
  /** The km at a vertical position (inverse of `yOf`). */
  kmAt(y: number): number;
  lines: ChartLine[];
  boxes: ChartBox[];
  hits: WindowHit[];
  /** The key of the lines: one sentence per train. */
  legend: { id: string; color: string; text: string }[];
  /** The static drawing: everything but the cursor. */
  items: SceneItem[];
}

/** Colours and widths of the chart, read by every renderer. */
export interface ChartPalette {
  /** The background the chart stands on (text halos, the rims of the cursor's dots). */
  paper: string;
  ink: string;
  muted: string;
  grid: string;
  /** Grid lines at local midnight. */
  midnight: string;
  border: string;
  box: string;
  boxFill: string;
  /** The names of the reported windows above their boxes. */
  boxText: string;
  zone: string;
  cursor: string;
  /** The main train's line where its map colour would not show on this paper. */
  mainLine?: string;
}

/** The chart on a light page (the app's light panels and every export). */
export const CHART_STYLE = {
  paper: '#ffffff',
  ink: '#1f2933',
  muted: '#52606d',
  grid: '#e4e7eb',
  midnight: '#cbd2d9',
  border: '#111111',
  box: '#d97706',
  boxFill: '#f59e0b',
  boxText: '#92400e',
  zone: '#7b8794',
  cursor: '#1f2933',
  mainWidth: 2.6,
  ghostWidth: 1.8,
} as const;

/** The chart on the app's dark panels (`--panel` in app.css's dark palette). */
export const CHART_DARK: ChartPalette = {
  paper: '#18212b',
  ink: '#e4e7eb',
  muted: '#a3adb8',
  grid: '#2c3844',
  midnight: '#4a5866',
  border: '#f1efe9',
  box: '#f59e0b',
  boxFill: '#f59e0b',
  boxText: '#fcd34d',
  zone: '#a3adb8',
  cursor: '#f1efe9',
  // the map draws the near-black main train with a light halo; the chart draws it light
  mainLine: '#f1efe9',
};

/** Fill opacity of a window by confidence: the surer the report, the darker the box. */
export const CONFIDENCE_OPACITY: Record<Confidence | 'unstated', number> = {
  high: 0.55,
  medium: 0.35,
  low: 0.17,
  unstated: 0.3,
};

const HOUR = 3_600_000;
const TICK_STEPS_H = [1, 2, 3, 6, 12, 24, 48];

/** The zone in force at an instant. */
export function zoneAt(zones: readonly ChartZone[], tMs: number): ChartZone {
  let z = zones[0]!;
  for (const zone of zones) if (zone.startUtcMs <= tMs) z = zone;
  return z;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "03:00" on the local clock of a zone. */
export function localClock(tMs: number, zone: ChartZone): string {
  const p = localParts(tMs, zone.utcOffsetMin);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "Tue 2 Sep" on the local calendar of a zone. */
export function localDay(tMs: number, zone: ChartZone): string {
  const p = localParts(tMs, zone.utcOffsetMin);
  return `${p.weekday} ${p.day} ${p.month}`;
}

/** "Pyongyang UTC+9". */
export const zoneName = (z: ChartZone): string =>
  z.label === 'UTC' && z.utcOffsetMin === 0
    ? 'UTC'
    : `${z.label} ${formatUtcOffset(z.utcOffsetMin)}`;

/** Whether a train reaches each window's km inside the window, and by how much it misses. */
export function windowHits(
  train: ChartTrain,
  windows: readonly ChartWindow[],
): Omit<WindowHit, 'x' | 'y'>[] {
  const s = train.scenario;
  return windows.map((w) => {
    const atUtcMs = s.departUtcMs + timeAtKm(s, w.km) * 1000;
    const gapMs =
      atUtcMs < w.fromUtcMs ? atUtcMs - w.fromUtcMs : atUtcMs > w.toUtcMs ? atUtcMs - w.toUtcMs : 0;
    return { trainId: train.id, windowId: w.id, atUtcMs, gapSec: gapMs / 1000, hit: gapMs === 0 };
  });
}

/** Average speed of a train over the two minutes around an instant, km/h (for hover readouts). */
export function speedAtKmh(train: ChartTrain, tMs: number): number {
  const s = train.scenario;
  const t = (tMs - s.departUtcMs) / 1000;
  const a = Math.max(t - 60, 0);
  const b = Math.min(t + 60, s.durationSec);
  return b > a ? ((kmAtTime(s, b) - kmAtTime(s, a)) / (b - a)) * 3600 : 0;
}

/** "early by 4 h 10 min" / "late by 35 min". */
export function gapText(gapSec: number): string {
  const d = formatDuration(Math.abs(gapSec)).replace(/^0 h /, '');
  return `${gapSec < 0 ? 'early' : 'late'} by ${d}`;
}

/** The key sentence of a train: its average speed, its duration, the windows it misses. */
export function legendText(line: ChartLine, windows: readonly ChartWindow[]): string {
  const speed = `${line.avgSpeedKmh.toFixed(0)} km/h average`;
  const took = formatDuration(line.durationSec);
  if (!windows.length) return `${line.label}: ${speed}, ${took}`;
  if (!line.misses.length) return `${line.label}: ${speed}, ${took}, inside every window`;
  const names = line.misses.map((m) => windows.find((w) => w.id === m.windowId)?.label ?? '');
  return `${line.label}: ${speed}, ${took}, misses ${names.join(', ')}`;
}

interface Box2 {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

const overlaps = (a: Box2, b: Box2) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** The box a text item covers (approximately). */
function textBox(t: TextItem): Box2 {
  const w = textWidth(t.text, t.size);
  const x0 = t.anchor === 'end' ? t.x - w : t.anchor === 'middle' ? t.x - w / 2 : t.x;
  const y0 = t.baseline === 'middle' ? t.y - t.size / 2 : t.y - t.size * 0.8;
  return { x0, y0, x1: x0 + w, y1: y0 + t.size };
}

/** Moves a text inside 0…width, anchoring it to the edge it would cross. */
function inWidth(t: TextItem, width: number): TextItem {
  const b = textBox(t);
  if (b.x1 > width) return { ...t, anchor: 'end', x: width - 1 };
  if (b.x0 < 0) return { ...t, anchor: 'start', x: 1 };
  return t;
}

/** Whether a segment crosses or lies in a box. */
const segmentHitsBox = (a: [number, number], b: [number, number], box: Box2): boolean =>
  clipPolyline([a, b], [box.x0, box.y0, box.x1, box.y1]).length > 0;

/** Keeps the points of a polyline that move at least half a pixel (a GPX may have 10⁶). */
function decimate(points: [number, number][]): [number, number][] {
  if (points.length <= 2) return points;
  const out: [number, number][] = [points[0]!];
  for (let i = 1; i < points.length - 1; i++) {
    const p = points[i]!;
    const q = out[out.length - 1]!;
    if (Math.abs(p[0] - q[0]) >= 0.5 || Math.abs(p[1] - q[1]) >= 0.5) out.push(p);
  }
  out.push(points[points.length - 1]!);
  return out;
}

/** The hour step of the time ticks: the smallest that leaves `minPx` between ticks. */
export function tickStepH(spanMs: number, widthPx: number, minPx: number): number {
  for (const h of TICK_STEPS_H) if ((widthPx * h * HOUR) / Math.max(spanMs, 1) >= minPx) return h;
  return TICK_STEPS_H[TICK_STEPS_H.length - 1]!;
}

/** Local-clock ticks in each zone's part of the time axis: `{ tMs, zone }`, in time order. */
export function timeTicks(
  zones: readonly ChartZone[],
  domain: [number, number],
  stepH: number,
): { tMs: number; zone: ChartZone }[] {
  const out: { tMs: number; zone: ChartZone }[] = [];
  zones.forEach((zone, i) => {
    const from = i === 0 ? domain[0] : Math.max(zone.startUtcMs, domain[0]);
    const to = Math.min(zones[i + 1]?.startUtcMs ?? Infinity, domain[1] + 1);
    if (!(to > from)) return;
    const shift = zone.utcOffsetMin * 60_000;
    const interval = stepH >= 24 ? utcDay.every(stepH / 24)! : utcHour.every(stepH)!;
    for (const d of interval.range(new Date(from + shift), new Date(to + shift)))
      out.push({ tMs: d.getTime() - shift, zone });
  });
  return out;
}

/**
 * Lays the time–distance (Marey) chart out for one size: time on the local clock across (the
 * zone changes marked), km along the routing up (stations as ticks, each border a line), one line
 * per train (its slope is its speed), the reported windows as boxes shaded by confidence, and a
 * marker where a train reaches a window's km: filled inside the window, hollow outside it.
 * Pure: no DOM; every renderer draws `items`.
 */
export function timeDistanceChart(data: ChartData, opts: ChartOptions): TimeDistanceChart {
  const font = opts.fontPx ?? 11;
  const small = font - 1;
  const { width, height } = opts;
  const S: ChartPalette = opts.palette ?? CHART_STYLE;

  const domain: [number, number] = [
    Math.min(
      data.timeRange[0],
      ...data.windows.map((w) => w.fromUtcMs),
      ...data.trains.map((t) => t.scenario.departUtcMs),
    ),
    Math.max(
      data.timeRange[1],
      ...data.windows.map((w) => w.toUtcMs),
      ...data.trains.map((t) => t.scenario.departUtcMs + t.scenario.durationSec * 1000),
    ),
  ];
  if (!(domain[1] > domain[0])) domain[1] = domain[0] + HOUR;

  // distance labels: ends, borders and the windows' stations first, then the others that fit
  const maxLabelW = Math.max(width * 0.28, 40);
  const label = (st: ChartStation) => (st.border ? 'Border' : st.name);
  const fit = (text: string, room: number) => {
    let t = text;
    while (t.length > 2 && textWidth(t, small) > room) t = `${t.slice(0, -2)}…`;
    return t;
  };
  const candidates = data.stations.filter((s) => s.principal || s.border);
  const windowKms = data.windows.map((w) => w.km);
  const rank = (s: ChartStation, i: number) =>
    i === 0 || i === candidates.length - 1
      ? 0
      : s.border
        ? 1
        : windowKms.some((k) => Math.abs(k - s.km) < 0.5)
          ? 2
          : 3;
  const ranked = candidates
    .map((s, i) => ({ s, r: rank(s, i), i }))
    .sort((a, b) => a.r - b.r || a.i - b.i);
  const leftW = Math.min(
    maxLabelW,
    Math.max(30, ...candidates.map((s) => textWidth(label(s), small))) + 10,
  );

  // legend: inside the plot if it fits there, else under it
  const legendRowH = font + 5;
  const plotFor = (legendBelow: number): Rect => ({
    left: leftW,
    top: font + 8,
    right: width - 12,
    bottom: height - (2 * font + 16) - legendBelow,
  });

  const layout = (plot: Rect) => {
    const boxH = Math.max(6, Math.min(14, (plot.bottom - plot.top) * 0.07));
    const x = scaleLinear().domain(domain).range([plot.left, plot.right]);
    const y = scaleLinear()
      .domain([0, Math.max(data.totalKm, 1e-6)])
      .range([plot.bottom - boxH / 2 - 1, plot.top + boxH / 2 + 1]);
    const lines: ChartLine[] = data.trains.map((t) => {
      const s = t.scenario;
      const points = decimate(
        s.knots.map((k): [number, number] => [r1(x(s.departUtcMs + k.tSec * 1000)), r1(y(k.km))]),
      );
      return {
        id: t.id,
        label: t.label,
        color: (t.main && S.mainLine) || t.color,
        main: t.main,
        d: d3line()(points) ?? '',
        points,
        avgSpeedKmh: averageSpeedKmh(s),
        durationSec: s.durationSec,
        misses: [],
        train: t,
      };
    });
    const hits: WindowHit[] = data.trains.flatMap((t) =>
      windowHits(t, data.windows).map((h) => ({
        ...h,
        x: x(h.atUtcMs),
        y: y(data.windows.find((w) => w.id === h.windowId)!.km),
      })),
    );
    for (const l of lines) l.misses = hits.filter((h) => h.trainId === l.id && !h.hit);
    const boxes: ChartBox[] = data.windows.map((w) => {
      const x0 = x(w.fromUtcMs);
      const conf = w.confidence ?? 'unstated';
      return {
        id: w.id,
        label: w.label,
        x: x0,
        y: y(w.km) - boxH / 2,
        w: Math.max(x(w.toUtcMs) - x0, 2),
        h: boxH,
        confidence: conf,
        fillOpacity: CONFIDENCE_OPACITY[conf],
      };
    });
    return { x, y, lines, hits, boxes, boxH };
  };

  const legendRows = (lines: ChartLine[]) =>
    lines.map((l) => ({ id: l.id, color: l.color, text: legendText(l, data.windows) }));

  // first try the legend inside the plot (top left, then bottom right); else below the plot
  let plot = plotFor(0);
  let parts = layout(plot);
  let legendAt: { x: number; y: number } | null = null;
  if (opts.legend) {
    const rows = keyRows(legendRows(parts.lines), data.windows.length > 0, S.box);
    const legW = Math.min(
      Math.max(...rows.map((r) => textWidth(r.text, small))) + 38,
      width - plot.left,
    );
    const legH = rows.length * legendRowH + 8;
    const free = (b: Box2) =>
      b.x0 >= plot.left &&
      b.x1 <= plot.right &&
      b.y0 >= plot.top &&
      b.y1 <= plot.bottom &&
      !parts.boxes.some((bx) =>
        overlaps(b, { x0: bx.x, y0: bx.y, x1: bx.x + bx.w, y1: bx.y + bx.h }),
      ) &&
      !parts.lines.some((l) =>
        l.points.some((p, i) => i > 0 && segmentHitsBox(l.points[i - 1]!, p, b)),
      );
    const tries = [
      { x: plot.left + 6, y: plot.top + 4 },
      { x: plot.right - legW - 6, y: plot.bottom - legH - 4 },
    ];
    legendAt =
      tries.find((p) => free({ x0: p.x, y0: p.y, x1: p.x + legW, y1: p.y + legH })) ?? null;
    if (!legendAt) {
      plot = plotFor(legH + 4);
      parts = layout(plot);
      legendAt = { x: plot.left, y: height - legH - 2 };
    }
  }
  const { x, y, lines, hits, boxes } = parts;

  const items: SceneItem[] = [];
  const placed: Box2[] = [];
  const place = (t: TextItem, force = false): boolean => {
    const b = textBox(t);
    if (!force && placed.some((p) => overlaps(p, b))) return false;
    placed.push(b);
    items.push(t);
    return true;
  };

  // frame and km grid: a faint line per labelled station
  items.push({
    kind: 'rect',
    x: plot.left,
    y: plot.top,
    w: plot.right - plot.left,
    h: plot.bottom - plot.top,
    fill: S.paper,
    stroke: S.grid,
    strokeWidth: 1,
  });
  const yLabels: TextItem[] = [];
  const usedY: number[] = [];
  for (const { s } of ranked) {
    const yy = y(s.km);
    if (usedY.some((u) => Math.abs(u - yy) < small + 1)) continue;
    usedY.push(yy);
    yLabels.push({
      kind: 'text',
      x: plot.left - 6,
      y: yy,
      text: fit(label(s), leftW - 10),
      size: small,
      fill: s.border ? S.border : S.ink,
      weight: s.border ? 600 : 400,
      anchor: 'end',
      baseline: 'middle',
    });
  }
  for (const s of candidates) {
    const yy = r1(y(s.km));
    items.push({
      kind: 'path',
      d: s.border
        ? `M${plot.left} ${yy}H${plot.right}`
        : `M${plot.left - 4} ${yy}H${usedY.includes(y(s.km)) ? plot.right : plot.left}`,
      stroke: s.border ? S.border : S.grid,
      strokeWidth: s.border ? 1.2 : 1,
      ...(s.border ? { dash: [5, 3] } : {}),
      data: { station: s.name },
    });
  }

  // the clock: local-time ticks per zone, a line where the zone changes, days and zone names
  const stepH = tickStepH(
    domain[1] - domain[0],
    plot.right - plot.left,
    textWidth('00:00', small) + 14,
  );
  const ticks = timeTicks(data.zones, domain, stepH);
  const tickY = plot.bottom + small + 5;
  const dayY = tickY + small + 5;
  const axisText = (tx: number, ty: number, text: string, extra: Partial<TextItem> = {}) =>
    inWidth({ kind: 'text', x: tx, y: ty, text, size: small, fill: S.muted, ...extra }, width);
  /** Places the first variant that overlaps nothing placed. */
  const placeFirst = (variants: TextItem[]) => variants.some((t) => place(t));
  const changes = data.zones
    .slice(1)
    .filter((z) => z.startUtcMs > domain[0] && z.startUtcMs < domain[1]);
  for (const z of changes) {
    const zx = r1(x(z.startUtcMs));
    const before = zoneAt(data.zones, z.startUtcMs - 1);
    items.push({
      kind: 'path',
      d: `M${zx} ${plot.top}V${plot.bottom + 4}`,
      stroke: S.zone,
      strokeWidth: 1,
      dash: [2, 3],
      data: { zone: z.label },
    });
    const clocks = [localClock(z.startUtcMs, before), localClock(z.startUtcMs, z)];
    placeFirst([
      axisText(zx, tickY, clocks.join('→'), { fill: S.ink, weight: 600, anchor: 'middle' }),
      axisText(zx, tickY, clocks[1]!, { fill: S.ink, weight: 600, anchor: 'middle' }),
    ]);
  }
  // day and zone names under the ticks: where the axis starts, where each zone begins, midnights
  for (const z of changes) {
    const zx = r1(x(z.startUtcMs));
    placeFirst([
      axisText(zx + 4, dayY, zoneName(z)),
      axisText(zx + 4, dayY, formatUtcOffset(z.utcOffsetMin)),
    ]);
  }
  const first = zoneAt(data.zones, domain[0]);
  placeFirst([
    axisText(plot.left, dayY, `${localDay(domain[0], first)} · ${zoneName(first)}`),
    axisText(plot.left, dayY, localDay(domain[0], first)),
  ]);
  for (const t of ticks) {
    const tx = r1(x(t.tMs));
    if (tx < plot.left - 1 || tx > plot.right + 1) continue;
    const midnight = localClock(t.tMs, t.zone) === '00:00';
    if (!place(axisText(tx, tickY, localClock(t.tMs, t.zone), { anchor: 'middle' }))) continue;
    items.push({
      kind: 'path',
      d: `M${tx} ${plot.top}V${plot.bottom + 3}`,
      stroke: midnight ? S.midnight : S.grid,
      strokeWidth: 1,
    });
  }
  for (const t of timeTicks(data.zones, domain, 24)) {
    const tx = r1(x(t.tMs));
    if (tx > plot.left + 1 && tx < plot.right)
      place(axisText(tx, dayY, localDay(t.tMs, t.zone), { anchor: 'middle' }));
  }
  items.push(...yLabels);
  for (const l of yLabels) placed.push(textBox(l));

  // the reported windows, shaded by confidence, named above (or below) the box
  for (const b of boxes) {
    items.push({
      kind: 'rect',
      x: b.x,
      y: b.y,
      w: b.w,
      h: b.h,
      fill: S.boxFill,
      fillOpacity: b.fillOpacity,
      stroke: S.box,
      strokeWidth: 1,
      ...(b.confidence === 'low' || b.confidence === 'unstated' ? { dash: [3, 2] } : {}),
      data: { window: b.id, confidence: b.confidence },
    });
  }

  // the trains: ghosts first, the main train on top
  const order = [...lines].sort((a, b) => Number(a.main) - Number(b.main));
  for (const l of order) {
    items.push({
      kind: 'path',
      d: l.d,
      stroke: l.color,
      strokeWidth: l.main ? CHART_STYLE.mainWidth : CHART_STYLE.ghostWidth,
      ...(l.main ? {} : { opacity: 0.9 }),
      data: { train: l.id },
    });
  }

  // where each train reaches each window's km: a dot inside, a ring outside joined to the box
  for (const b of boxes) {
    const row = hits.filter((h) => h.windowId === b.id);
    const early = row.filter((h) => h.gapSec < 0);
    const late = row.filter((h) => h.gapSec > 0);
    const cy = r1(b.y + b.h / 2);
    if (early.length) {
      const x0 = Math.min(...early.map((h) => h.x));
      items.push({
        kind: 'path',
        d: `M${r1(x0)} ${cy}H${r1(b.x)}`,
        stroke: S.box,
        strokeWidth: 1,
        dash: [1.5, 2.5],
      });
    }
    if (late.length) {
      const x1 = Math.max(...late.map((h) => h.x));
      items.push({
        kind: 'path',
        d: `M${r1(b.x + b.w)} ${cy}H${r1(x1)}`,
        stroke: S.box,
        strokeWidth: 1,
        dash: [1.5, 2.5],
      });
    }
  }
  for (const h of hits) {
    const l = lines.find((ln) => ln.id === h.trainId)!;
    items.push(
      h.hit
        ? {
            kind: 'circle',
            cx: h.x,
            cy: h.y,
            r: 2.6,
            fill: l.color,
            stroke: S.paper,
            strokeWidth: 1,
          }
        : {
            kind: 'circle',
            cx: h.x,
            cy: h.y,
            r: 3.4,
            fill: S.paper,
            stroke: l.color,
            strokeWidth: 1.6,
            data: { miss: `${h.trainId} ${h.windowId}` },
          },
    );
  }
  for (const b of boxes) {
    const above: TextItem = {
      kind: 'text',
      x: b.x + b.w / 2,
      y: b.y - 3,
      text: b.label,
      size: small,
      fill: S.boxText,
      weight: 600,
      anchor: 'middle',
      halo: S.paper,
    };
    const below: TextItem = { ...above, y: b.y + b.h + small };
    if (textBox(above).y0 < plot.top - font) above.y = b.y + b.h + small;
    const inside = (t: TextItem) => {
      const bb = textBox(t);
      return bb.x0 >= 0 && bb.x1 <= width;
    };
    for (const t of [above, below]) {
      if (!inside(t)) t.anchor = textBox(t).x0 < 0 ? 'start' : 'end';
      if (!inside(t))
        t.x = t.anchor === 'start' ? Math.max(b.x, 2) : Math.min(b.x + b.w, width - 2);
    }
    if (!place(above)) place(below);
  }

  const legend = legendRows(lines);
  if (opts.legend && legendAt) {
    const rows = keyRows(legend, data.windows.length > 0, S.box);
    const legW = Math.min(
      Math.max(...rows.map((r) => textWidth(r.text, small))) + 38,
      width - legendAt.x - 2,
    );
    items.push({
      kind: 'rect',
      x: legendAt.x,
      y: legendAt.y,
      w: legW,
      h: rows.length * legendRowH + 8,
      fill: S.paper,
      fillOpacity: 0.92,
      stroke: S.grid,
      strokeWidth: 1,
    });
    rows.forEach((row, i) => {
      const ry = r1(legendAt.y + 4 + legendRowH * (i + 0.5));
      const main = lines.find((l) => l.id === row.id)?.main;
      items.push(
        row.id === WINDOW_KEY
          ? {
              kind: 'rect',
              x: legendAt.x + 8,
              y: ry - 4,
              w: 18,
              h: 8,
              fill: S.boxFill,
              fillOpacity: CONFIDENCE_OPACITY.medium,
              stroke: S.box,
              strokeWidth: 1,
            }
          : {
              kind: 'path',
              d: `M${r1(legendAt.x + 8)} ${ry}h18`,
              stroke: row.color,
              strokeWidth: main ? CHART_STYLE.mainWidth : CHART_STYLE.ghostWidth,
            },
        {
          kind: 'text',
          x: legendAt.x + 32,
          y: ry,
          text: fit(row.text, legW - 36),
          size: small,
          fill: S.ink,
          baseline: 'middle',
          ...(main ? { weight: 600 as const } : {}),
        },
      );
    });
  }

  return {
    width,
    height,
    fontPx: font,
    plot,
    domain,
    xOf: (t) => x(t),
    yOf: (km) => y(km),
    tAt: (px) => x.invert(px),
    kmAt: (py) => y.invert(py),
    lines,
    boxes,
    hits,
    legend,
    items,
  };
}

const WINDOW_KEY = '#windows';

/** The key's rows: one per train, then what the boxes and rings mean (when there are windows). */
function keyRows(
  legend: TimeDistanceChart['legend'],
  windows: boolean,
  boxColor: string,
): TimeDistanceChart['legend'] {
  if (!windows) return legend;
  return [
    ...legend,
    {
      id: WINDOW_KEY,
      color: boxColor,
      text: 'Reported time window (the darker, the surer the source); a ring: a train outside it',
    },
  ];
}

/** Distance from a point to a segment, px. */
function toSegmentPx(p: [number, number], a: [number, number], b: [number, number]): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const k = len2 ? Math.min(Math.max(((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2, 0), 1) : 0;
  return Math.hypot(p[0] - (a[0] + k * dx), p[1] - (a[1] + k * dy));
}

/** The line nearest to a point of the drawing, if one passes within `maxPx` of it (hover). */
export function nearestLine(
  chart: TimeDistanceChart,
  x: number,
  y: number,
  maxPx = 8,
): ChartLine | null {
  let best: ChartLine | null = null;
  let bestPx = maxPx;
  for (const l of chart.lines) {
    for (let i = 1; i < l.points.length; i++) {
      const d = toSegmentPx([x, y], l.points[i - 1]!, l.points[i]!);
      if (d < bestPx || (d === bestPx && l.main)) {
        best = l;
        bestPx = d;
      }
    }
  }
  return best;
}

/** The cursor at an instant: a vertical line, each train's position on it, the local time. */
export interface ChartCursor {
  x: number;
  top: number;
  bottom: number;
  dots: { id: string; cy: number; color: string }[];
  /** "Tue 03:12" on the local clock where the main train is. */
  label: string;
  /** Where the label sits against the line, so it stays inside the drawing. */
  anchor: 'start' | 'middle' | 'end';
  /** The label's x against the line, px. */
  labelDx: number;
  /**
   * The plate under the label (x against the line): the label is the live thing, so it covers a
   * window's name it crosses instead of printing over it.
   */
  plate: { dx: number; y: number; w: number; h: number };
}

/** The cursor's geometry at `tMs` (clamped to the chart); O(trains · log knots). */
export function chartCursor(
  chart: TimeDistanceChart,
  zones: readonly ChartZone[],
  tMs: number,
): ChartCursor {
  const t = Math.min(Math.max(tMs, chart.domain[0]), chart.domain[1]);
  const x = chart.xOf(t);
  const zone = zoneAt(zones, t);
  const p = localParts(t, zone.utcOffsetMin);
  const label = `${p.weekday} ${localClock(t, zone)}`;
  const half = textWidth(label, chart.fontPx) / 2 + 4;
  const anchor =
    x - half < 0 ? 'start' : x + half > chart.width ? 'end' : ('middle' as ChartCursor['anchor']);
  const w = 2 * half;
  const labelDx = anchor === 'start' ? 3 : anchor === 'end' ? -3 : 0;
  const plate = {
    dx: anchor === 'start' ? -1 : anchor === 'end' ? 1 - w : -half,
    y: chart.plot.top - 5 - chart.fontPx,
    w,
    h: chart.fontPx + 4,
  };
  return {
    x,
    top: chart.plot.top,
    bottom: chart.plot.bottom,
    dots: chart.lines.map((l) => ({
      id: l.id,
      cy: chart.yOf(kmAtTime(l.train.scenario, (t - l.train.scenario.departUtcMs) / 1000)),
      color: l.color,
    })),
    label,
    anchor,
    labelDx,
    plate,
  };
}

/** The cursor as drawing primitives (exports; the app moves its own cursor element). */
export function cursorItems(
  c: ChartCursor,
  fontPx: number,
  palette: ChartPalette = CHART_STYLE,
): SceneItem[] {
  const x = r1(c.x);
  return [
    {
      kind: 'path',
      d: `M${x} ${r1(c.top)}V${r1(c.bottom)}`,
      stroke: palette.cursor,
      strokeWidth: 1.5,
    },
    ...c.dots.map((d): SceneItem => ({
      kind: 'circle',
      cx: x,
      cy: d.cy,
      r: 3.5,
      fill: d.color,
      stroke: palette.paper,
      strokeWidth: 1.5,
    })),
    {
      kind: 'rect',
      x: r1(x + c.plate.dx),
      y: r1(c.plate.y),
      w: r1(c.plate.w),
      h: r1(c.plate.h),
      fill: palette.paper,
    },
    {
      kind: 'text',
      x: x + c.labelDx,
      y: c.top - 4,
      text: c.label,
      size: fontPx,
      weight: 700,
      fill: palette.cursor,
      anchor: c.anchor,
      halo: palette.paper,
    },
  ];
}
