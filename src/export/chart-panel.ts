import { FONT_STACK } from '../map/style';
import { r1, sceneSvg, type SceneItem } from '../present/chart/scene';
import {
  chartCursor,
  cursorItems,
  timeDistanceChart,
  type ChartData,
  type TimeDistanceChart,
} from '../present/chart/time-distance';

/** Where the chart panel goes: under the map, or beside it on the right. */
export type ChartPlacement = 'bottom' | 'right';

/** A rectangle of the frame, CSS px. */
export interface PanelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const FAMILY = [...FONT_STACK.map((f) => `"${f}"`), 'sans-serif'].join(', ');
const TITLE = 'Time and distance: one line per train, its slope its speed';

/** Draws scene primitives on a 2D canvas (the transform maps scene px to device px). */
export function drawScene(ctx: CanvasRenderingContext2D, items: readonly SceneItem[]): void {
  for (const it of items) {
    ctx.save();
    ctx.globalAlpha = it.opacity ?? 1;
    if (it.kind === 'text') {
      ctx.font = `${it.weight ?? 400} ${it.size}px ${FAMILY}`;
      ctx.textAlign = it.anchor === 'middle' ? 'center' : it.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = it.baseline === 'middle' ? 'middle' : 'alphabetic';
      if (it.halo) {
        ctx.strokeStyle = it.halo;
        ctx.lineWidth = 3;
        ctx.lineJoin = 'round';
        ctx.strokeText(it.text, it.x, it.y);
      }
      ctx.fillStyle = it.fill;
      ctx.fillText(it.text, it.x, it.y);
      ctx.restore();
      continue;
    }
    const path = new Path2D();
    if (it.kind === 'rect') path.rect(it.x, it.y, it.w, it.h);
    else if (it.kind === 'circle') path.arc(it.cx, it.cy, it.r, 0, 2 * Math.PI);
    else path.addPath(new Path2D(it.d));
    const fill = it.fill && it.fill !== 'none' ? it.fill : null;
    if (fill) {
      ctx.fillStyle = fill;
      ctx.globalAlpha = (it.opacity ?? 1) * (it.kind === 'rect' ? (it.fillOpacity ?? 1) : 1);
      ctx.fill(path);
      ctx.globalAlpha = it.opacity ?? 1;
    }
    if (it.stroke) {
      ctx.strokeStyle = it.stroke;
      ctx.lineWidth = it.strokeWidth ?? 1;
      ctx.lineJoin = 'round';
      ctx.lineCap = 'round';
      if (it.kind !== 'circle' && it.dash?.length) ctx.setLineDash(it.dash);
      ctx.stroke(path);
    }
    ctx.restore();
  }
}

/** The chart panel of an export, laid out once; only its cursor changes from frame to frame. */
export interface ChartPanel {
  rect: PanelRect;
  chart: TimeDistanceChart;
  /** Every text the panel draws (to load its fonts before drawing). */
  text: string;
  /** Draws the panel with the cursor at `tMs` (ctx in CSS px scaled by `pixelRatio`). */
  draw(ctx: CanvasRenderingContext2D, pixelRatio: number, tMs: number): void;
  /** The panel as an SVG group in the frame's CSS px, the cursor at `tMs`. */
  svg(tMs: number): string;
}

/**
 * The time–distance chart as a panel of an export frame: a white card with a title line and the
 * chart with its key, laid out for `rect` (CSS px); text scales with the panel like the rest of
 * the composition. The static drawing is drawn once and reused for every frame.
 */
export function chartPanel(data: ChartData, rect: PanelRect): ChartPanel {
  const s = Math.min(1.6, Math.max(0.75, Math.min(rect.width / 900, rect.height / 330)));
  const pad = 12;
  const titleH = 22;
  const w = rect.width / s;
  const h = rect.height / s;
  const chart = timeDistanceChart(data, {
    width: w - 2 * pad,
    height: h - titleH - pad,
    fontPx: 11,
    legend: true,
  });
  const frame: SceneItem[] = [
    { kind: 'rect', x: 0, y: 0, w, h, fill: '#ffffff' },
    { kind: 'path', d: `M0 0.5H${r1(w)}`, stroke: '#d9dee3', strokeWidth: 1 },
    { kind: 'text', x: pad, y: 17, text: TITLE, size: 13, weight: 700, fill: '#1f2933' },
  ];
  const at = (tMs: number) => cursorItems(chartCursor(chart, data.zones, tMs), chart.fontPx);
  let cached: { canvas: HTMLCanvasElement; pixelRatio: number } | null = null;
  const staticCanvas = (pixelRatio: number) => {
    if (cached?.pixelRatio === pixelRatio) return cached.canvas;
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(rect.width * pixelRatio);
    canvas.height = Math.round(rect.height * pixelRatio);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('2D canvas unavailable');
    ctx.scale(s * pixelRatio, s * pixelRatio);
    drawScene(ctx, frame);
    ctx.translate(pad, titleH);
    drawScene(ctx, chart.items);
    cached = { canvas, pixelRatio };
    return canvas;
  };
  return {
    rect,
    chart,
    text: [TITLE, ...chart.items.flatMap((i) => (i.kind === 'text' ? [i.text] : []))].join(' '),
    draw(ctx, pixelRatio, tMs) {
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(
        staticCanvas(pixelRatio),
        Math.round(rect.x * pixelRatio),
        Math.round(rect.y * pixelRatio),
      );
      ctx.setTransform(
        s * pixelRatio,
        0,
        0,
        s * pixelRatio,
        (rect.x + pad * s) * pixelRatio,
        (rect.y + titleH * s) * pixelRatio,
      );
      drawScene(ctx, at(tMs));
      ctx.restore();
    },
    svg(tMs) {
      return (
        `<g id="chart-panel" transform="translate(${r1(rect.x)} ${r1(rect.y)}) scale(${Math.round(s * 1000) / 1000})" font-family="${FAMILY.replace(/"/g, "'")}">` +
        sceneSvg(frame) +
        `<g transform="translate(${pad} ${titleH})">${sceneSvg(chart.items)}<g id="chart-cursor">${sceneSvg(at(tMs))}</g></g>` +
        `</g>`
      );
    },
  };
}

/** Loads the Noto faces for every text of the panel (canvas text draws only loaded fonts). */
export async function loadChartFonts(panel: ChartPanel): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = `${panel.text} 0123456789 Mon Tue Wed Thu Fri Sat Sun`;
  const faces = FONT_STACK.flatMap((f) => [`11px "${f}"`, `700 11px "${f}"`, `600 11px "${f}"`]);
  await Promise.all(faces.map((face) => document.fonts.load(face, sample)));
}
