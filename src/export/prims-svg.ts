import type { Prim, Slot } from './decorations';
import type { Rect } from './layout';

/** Whether a code point may appear in XML 1.0 text. */
const isXmlChar = (cp: number) => cp === 0x9 || cp === 0xa || cp === 0xd || cp >= 0x20;

/** Escapes text for XML content and attribute values (and drops characters XML forbids). */
export function xmlEscape(s: string): string {
  return s
    .replace(
      /[<>&'"]/g,
      (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c]};`,
    )
    .replace(/./gsu, (c) => (isXmlChar(c.codePointAt(0)!) ? c : ''));
}

export const r1 = (v: number): string => String(Math.round(v * 10) / 10);

/** ` k="v"` pairs, undefined values left out, values escaped. */
export const attrs = (a: Record<string, string | number | undefined>): string =>
  Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${xmlEscape(String(v))}"`)
    .join('');

/** SVG markup of a slot's contents (the chart panel's, the locator's map) for its box. */
export type SlotSvg = (rect: Rect) => string;

/** Rounds the numbers of a path string to 0.1 px. */
const roundPath = (d: string) => d.replace(/-?\d+(\.\d+)?(e-?\d+)?/g, (n) => r1(Number(n)));

/** The same decoration instructions as {@link drawPrims}, as SVG elements. */
export function primsToSvg(prims: Prim[], slots: Partial<Record<Slot, SlotSvg>> = {}): string {
  const out: string[] = [];
  let open: string | undefined;
  for (const p of prims) {
    if (p.g !== open) {
      if (open !== undefined) out.push('</g>');
      if (p.g !== undefined) out.push(`<g id="${xmlEscape(p.g)}">`);
      open = p.g;
    }
    if (p.t === 'rect') {
      out.push(
        `<rect${attrs({
          x: r1(p.x),
          y: r1(p.y),
          width: r1(p.w),
          height: r1(p.h),
          rx: p.r ? r1(p.r) : undefined,
          fill: p.fill,
          filter: p.shadow ? 'url(#card-shadow)' : undefined,
        })}/>`,
      );
    } else if (p.t === 'path') {
      out.push(
        `<path${attrs({
          d: roundPath(p.d),
          fill: p.fill ?? 'none',
          stroke: p.stroke,
          'stroke-width': p.width === undefined ? undefined : r1(p.width),
          'stroke-linecap': p.stroke ? (p.cap ?? 'round') : undefined,
          'stroke-linejoin': p.stroke ? 'round' : undefined,
          'stroke-dasharray': p.dash?.map(r1).join(' '),
          'paint-order': p.stroke && p.fill ? 'stroke' : undefined,
          transform: p.at
            ? `translate(${r1(p.at.x)} ${r1(p.at.y)}) rotate(${r1(p.at.rot)}) scale(${p.at.k})`
            : undefined,
        })}/>`,
      );
    } else if (p.t === 'text') {
      out.push(
        `<text${attrs({
          x: r1(p.x),
          y: r1(p.y),
          'font-size': r1(p.px),
          'font-weight': p.bold ? 700 : undefined,
          fill: p.fill,
          'text-anchor': p.anchor === 'start' ? undefined : p.anchor,
        })}>${xmlEscape(p.text)}</text>`,
      );
    } else {
      const svg = slots[p.slot]?.(p.rect);
      if (svg) out.push(svg);
    }
  }
  if (open !== undefined) out.push('</g>');
  return out.join('\n');
}

/** The drop shadow of floating cards (matches the canvas shadow). */
export const CARD_SHADOW_DEF =
  '<filter id="card-shadow" x="-10%" y="-10%" width="120%" height="120%"><feDropShadow dx="0" dy="0" stdDeviation="4" flood-color="#000000" flood-opacity="0.18"/></filter>';
