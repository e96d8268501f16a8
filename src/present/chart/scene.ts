/**
 * A chart as a flat list of drawing primitives in CSS px: the one description of a drawing that
 * the app (as SVG markup), the SVG export (as a string) and the raster exports (on a canvas) all
 * draw, so the three cannot drift apart.
 */

/** Attributes shared by every primitive. */
interface Common {
  /** `data-*` attributes in SVG (e.g. `{ train: 'reconstructed' }`); ignored on a canvas. */
  data?: Record<string, string>;
  /** Opacity of the whole primitive, 0…1. */
  opacity?: number;
}

export interface RectItem extends Common {
  kind: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: string;
  fillOpacity?: number;
  stroke?: string;
  strokeWidth?: number;
  dash?: number[];
}

export interface PathItem extends Common {
  kind: 'path';
  /** SVG path data (also understood by `Path2D`). */
  d: string;
  stroke?: string;
  strokeWidth?: number;
  fill?: string;
  dash?: number[];
}

export interface CircleItem extends Common {
  kind: 'circle';
  cx: number;
  cy: number;
  r: number;
  fill?: string;
  stroke?: string;
  strokeWidth?: number;
}

export interface TextItem extends Common {
  kind: 'text';
  x: number;
  y: number;
  text: string;
  /** Font size, CSS px. */
  size: number;
  fill: string;
  weight?: 400 | 600 | 700;
  anchor?: 'start' | 'middle' | 'end';
  /** Where `y` is on the text: its baseline (default) or its middle. */
  baseline?: 'alphabetic' | 'middle';
  /** Draws a white outline under the text so it reads over lines. */
  /** The colour of a halo drawn under the text (the background it stands on). */
  halo?: string;
}

/** One drawing primitive. */
export type SceneItem = RectItem | PathItem | CircleItem | TextItem;

/** Rounds to 0.1 px: smaller SVG, no visible change. */
export const r1 = (v: number): number => Math.round(v * 10) / 10;

const XML_ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  "'": '&apos;',
  '"': '&quot;',
};

/** Escapes text for XML content and attribute values, dropping characters XML 1.0 forbids. */
export function escapeXml(s: string): string {
  return s
    .replace(/[<>&'"]/g, (c) => XML_ENTITIES[c]!)
    .replace(/./gsu, (c) => {
      const cp = c.codePointAt(0)!;
      return cp === 0x9 || cp === 0xa || cp === 0xd || cp >= 0x20 ? c : '';
    });
}

function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) {
    if (v === undefined) continue;
    out += ` ${k}="${escapeXml(typeof v === 'number' ? String(r1(v)) : v)}"`;
  }
  return out;
}

function commonAttrs(item: Common): Record<string, string | number | undefined> {
  const out: Record<string, string | number | undefined> = {
    opacity: item.opacity === undefined || item.opacity === 1 ? undefined : item.opacity,
  };
  for (const [k, v] of Object.entries(item.data ?? {})) out[`data-${k}`] = v;
  return out;
}

const dashAttr = (dash: number[] | undefined) => (dash?.length ? dash.join(' ') : undefined);

/** One primitive as an SVG element. */
export function itemSvg(item: SceneItem): string {
  switch (item.kind) {
    case 'rect':
      return `<rect${attrs({
        x: item.x,
        y: item.y,
        width: item.w,
        height: item.h,
        fill: item.fill ?? 'none',
        'fill-opacity': item.fillOpacity,
        stroke: item.stroke,
        'stroke-width': item.strokeWidth,
        'stroke-dasharray': dashAttr(item.dash),
        ...commonAttrs(item),
      })}/>`;
    case 'path':
      return `<path${attrs({
        d: item.d,
        fill: item.fill ?? 'none',
        stroke: item.stroke,
        'stroke-width': item.strokeWidth,
        'stroke-dasharray': dashAttr(item.dash),
        'stroke-linejoin': 'round',
        'stroke-linecap': 'round',
        ...commonAttrs(item),
      })}/>`;
    case 'circle':
      return `<circle${attrs({
        cx: item.cx,
        cy: item.cy,
        r: item.r,
        fill: item.fill ?? 'none',
        stroke: item.stroke,
        'stroke-width': item.strokeWidth,
        ...commonAttrs(item),
      })}/>`;
    case 'text':
      return `<text${attrs({
        x: item.x,
        y: item.y,
        'font-size': item.size,
        'font-weight': item.weight,
        'text-anchor': item.anchor === 'start' ? undefined : item.anchor,
        'dominant-baseline': item.baseline === 'middle' ? 'central' : undefined,
        fill: item.fill,
        ...(item.halo
          ? {
              stroke: item.halo,
              'stroke-width': 3,
              'stroke-linejoin': 'round',
              'paint-order': 'stroke',
            }
          : {}),
        ...commonAttrs(item),
      })}>${escapeXml(item.text)}</text>`;
  }
}

/** A list of primitives as SVG markup (no outer `<svg>`). */
export const sceneSvg = (items: readonly SceneItem[]): string => items.map(itemSvg).join('');

/**
 * Approximate width of a text in Noto Sans, CSS px (no DOM to measure with): 0.56 em a Latin
 * character, 1 em a CJK or Hangul one.
 */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const c of text) em += c.codePointAt(0)! >= 0x2e80 ? 1 : 0.56;
  return em * size;
}
