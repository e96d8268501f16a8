import type { Layout, Rect } from './layout';
import type { Locator } from './locator';
import type { LegendEntry, Swatch } from './legend';
import type { FittedText } from './text-fit';
import { scaleBar } from './view';
import { ARROW_PATH } from '../map/train-arrow';

/** Colours of the decorations for a theme (cards, ink). */
export interface DecorationPalette {
  /** Background of the title and attribution bands and of banded panels. */
  paper: string;
  /** Floating cards over the map. */
  card: string;
  ink: string;
  muted: string;
  accent: string;
  /** Halo drawn around swatch lines (the route casing). */
  halo: string;
}

/**
 * One drawing instruction, in CSS px. The PNG (canvas 2D) and the SVG renderers draw the same
 * list, so the two formats cannot disagree about what goes where.
 */
export type Prim = PrimShape & {
  /** The group the instruction belongs to (an SVG `<g id>`: title, legend, attribution…). */
  g?: string;
};

type PrimShape =
  | {
      t: 'rect';
      x: number;
      y: number;
      w: number;
      h: number;
      r: number;
      fill: string;
      shadow?: boolean;
    }
  | {
      t: 'path';
      d: string;
      fill?: string;
      stroke?: string;
      width?: number;
      dash?: number[];
      cap?: 'round' | 'butt';
      /** Translate then rotate (degrees) then scale. */
      at?: { x: number; y: number; rot: number; k: number };
    }
  | {
      t: 'text';
      x: number;
      y: number;
      text: string;
      px: number;
      bold: boolean;
      fill: string;
      anchor: 'start' | 'middle' | 'end';
    }
  /** A box another renderer fills: the chart panel's contents, the locator's map. */
  | { t: 'slot'; slot: Slot; rect: Rect };

/** The boxes of {@link Prim} `slot`s, each filled by its own renderer. */
export type Slot = 'chart' | 'locator';

/** What the decorations show, beyond what the layout already holds. */
export interface DecorationContent {
  legend: LegendEntry[];
  palette: DecorationPalette;
}

const lines = (
  out: Prim[],
  f: FittedText,
  x: number,
  top: number,
  fill: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
) => {
  f.lines.forEach((text, i) => {
    out.push({
      t: 'text',
      x,
      // baseline: about 0.8 em below the top of each line box
      y: top + i * f.lineH + (f.lineH - f.px) / 2 + f.px * 0.82,
      text,
      px: f.px,
      bold: f.bold,
      fill,
      anchor,
    });
  });
};

function swatch(
  out: Prim[],
  sw: Swatch,
  x: number,
  y: number,
  w: number,
  s: number,
  p: DecorationPalette,
) {
  const mid = `M${x} ${y}L${x + w} ${y}`;
  if (sw.kind === 'line') {
    if (!sw.dashed) out.push({ t: 'path', d: mid, stroke: p.halo, width: 6 * s, cap: 'round' });
    out.push({
      t: 'path',
      d: mid,
      stroke: sw.color,
      width: (sw.dashed ? 3 : 3.5) * s,
      cap: sw.dashed ? 'butt' : 'round',
      ...(sw.dashed ? { dash: [6 * s, 4 * s] } : {}),
    });
  } else if (sw.kind === 'bridge') {
    out.push({ t: 'path', d: mid, stroke: sw.casing, width: 9 * s, cap: 'butt' });
    out.push({ t: 'path', d: mid, stroke: sw.color, width: 3 * s, cap: 'butt' });
  } else if (sw.kind === 'dot') {
    const r = sw.r * s;
    const cx = x + w / 2;
    out.push({
      t: 'path',
      d: `M${cx - r} ${y}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0Z`,
      fill: sw.fill,
      stroke: sw.stroke,
      width: 2 * s,
    });
  } else {
    out.push({
      t: 'path',
      d: ARROW_PATH,
      fill: sw.color,
      stroke: sw.halo,
      width: 4,
      at: { x: x + w / 2, y, rot: 90, k: (22 * s) / 48 },
    });
  }
}

/**
 * The decorations of a layout as drawing instructions: the title band, the attribution band,
 * the panels' cards with their legend, verdict, caption, scale bar and north arrow, the locator's
 * box, and slots for the chart and the locator's map.
 */
export function decorations(layout: Layout, content: DecorationContent): Prim[] {
  const { s } = layout;
  const p = content.palette;
  const pad = 12 * s;
  const out: Prim[] = [];
  let tagged = 0;
  /** Puts the instructions added since the last call into group `g`. */
  const group = (g: string) => {
    for (let i = tagged; i < out.length; i++) out[i]!.g = g;
    tagged = out.length;
  };
  const h = layout.header;
  out.push({ t: 'rect', ...h.rect, r: 0, fill: p.paper });
  lines(out, h.title, h.rect.x + 16 * s + pad, h.rect.y + pad, p.ink);
  if (h.subtitle) {
    lines(
      out,
      h.subtitle,
      h.rect.x + 16 * s + pad,
      h.rect.y + pad + h.title.lines.length * h.title.lineH + 2 * s,
      p.muted,
    );
  }
  group('title');
  const f = layout.footer;
  out.push({ t: 'rect', ...f.rect, r: 0, fill: p.paper });
  lines(out, f.text, f.rect.x + f.rect.w / 2, f.rect.y + 4 * s, p.muted, 'middle');
  group('attribution');
  if (layout.band) out.push({ t: 'rect', ...layout.band.rect, r: 0, fill: p.paper });
  group('band');

  for (const panel of layout.panels) {
    const r = panel.rect;
    const card = (fill = p.card) =>
      out.push({ t: 'rect', ...r, r: 8 * s, fill, shadow: !panel.banded });
    if (panel.id === 'legend' && layout.legend) {
      card();
      const lg = layout.legend;
      lines(out, lg.title, r.x + pad, r.y + pad, p.ink);
      let y = r.y + pad + lg.title.lines.length * lg.title.lineH + 4 * s;
      const sw = 30 * s;
      lg.rows.forEach((row, i) => {
        const rowH = Math.max(row.lines.length * row.lineH, sw * 0.7);
        const entry = content.legend[i];
        if (entry)
          swatch(out, entry.swatch, r.x + pad, y + Math.min(rowH, row.lineH) / 2, sw, s, p);
        lines(
          out,
          row,
          r.x + pad + sw + 10 * s,
          y + (rowH - row.lines.length * row.lineH) / 2,
          p.ink,
        );
        y += rowH;
      });
    } else if (panel.id === 'verdict') {
      card();
      let y = r.y + pad;
      for (const v of layout.verdict) {
        lines(out, v, r.x + pad, y, p.ink);
        y += v.lines.length * v.lineH + 3 * s;
      }
    } else if (panel.id === 'caption' && layout.caption) {
      card();
      lines(out, layout.caption, r.x + pad, r.y + pad * 0.8, p.ink);
    } else if (panel.id === 'chart') {
      card();
      out.push({ t: 'slot', slot: 'chart', rect: r });
    } else if (panel.id === 'scale') {
      scaleAndNorth(out, r, layout, s, p);
    } else if (panel.id === 'locator' && layout.locator) {
      card();
      locatorBox(out, layout.locator, s, p);
    }
    group(panel.id === 'scale' ? 'scale-bar' : panel.id);
  }
  return out;
}

/** The locator's map and, on it, the exported view's box (drawn with a halo, so any land shows it). */
function locatorBox(out: Prim[], loc: Locator, s: number, p: DecorationPalette) {
  out.push({ t: 'slot', slot: 'locator', rect: loc.map });
  const b = loc.box;
  const d = `M${b.x} ${b.y}H${b.x + b.w}V${b.y + b.h}H${b.x}Z`;
  out.push({ t: 'path', d, stroke: p.halo, width: 4 * s, cap: 'butt' });
  out.push({ t: 'path', d, stroke: p.accent, width: 2 * s, cap: 'butt' });
}

function scaleAndNorth(out: Prim[], r: Rect, layout: Layout, s: number, p: DecorationPalette) {
  const cam = layout.camera;
  const nd = 40 * s;
  const maxBar = r.w - nd - 30 * s;
  const bar = scaleBar(cam.center[1], cam.zoom, maxBar);
  const label = bar.meters >= 1000 ? `${bar.meters / 1000} km` : `${bar.meters} m`;
  // scale bar card
  const bx = r.x + 8 * s;
  const by = r.y + r.h - 9 * s;
  out.push({
    t: 'rect',
    x: r.x,
    y: r.y,
    w: bar.cssPx + 16 * s,
    h: r.h,
    r: 6 * s,
    fill: p.card,
    shadow: true,
  });
  out.push({
    t: 'path',
    d: `M${bx} ${by - 6 * s}L${bx} ${by}L${bx + bar.cssPx} ${by}L${bx + bar.cssPx} ${by - 6 * s}`,
    stroke: p.ink,
    width: 2 * s,
    cap: 'butt',
  });
  out.push({
    t: 'text',
    x: bx + 2 * s,
    y: by - 9 * s,
    text: label,
    px: 12 * s,
    bold: false,
    fill: p.ink,
    anchor: 'start',
  });
  // north arrow, rotated with the map
  const cx = r.x + r.w - nd / 2;
  const cy = r.y + r.h / 2;
  const nr = nd / 2;
  out.push({ t: 'rect', x: cx - nr, y: cy - nr, w: nd, h: nd, r: nr, fill: p.card, shadow: true });
  out.push({
    t: 'path',
    d: `M0 ${-nr * 0.2}L${nr * 0.36} ${nr * 0.75}L0 ${nr * 0.5}L${-nr * 0.36} ${nr * 0.75}Z`,
    fill: p.accent,
    at: { x: cx, y: cy, rot: -cam.bearingDeg, k: 1 },
  });
  const θ = (-cam.bearingDeg * Math.PI) / 180;
  out.push({
    t: 'text',
    x: cx + Math.sin(θ) * nr * 0.55,
    y: cy - Math.cos(θ) * nr * 0.55 + 4 * s,
    text: 'N',
    px: 12 * s,
    bold: true,
    fill: p.ink,
    anchor: 'middle',
  });
}
