import type { Prim, Slot } from './decorations';
import type { Rect } from './layout';

/** Draws a slot's contents (the chart panel's, the locator's map) into its box (CSS px, context already scaled). */
export type SlotPainter = (ctx: CanvasRenderingContext2D, rect: Rect) => void;

/**
 * Draws decoration instructions on a 2D canvas whose pixels are `pixelRatio` × the layout's CSS
 * px, with the given CSS font family list; each slot is filled by its painter (left empty without).
 */
export function drawPrims(
  ctx: CanvasRenderingContext2D,
  prims: Prim[],
  pixelRatio: number,
  family: string,
  slots: Partial<Record<Slot, SlotPainter>> = {},
): void {
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  for (const p of prims) {
    ctx.save();
    if (p.t === 'rect') {
      if (p.shadow) {
        ctx.shadowColor = 'rgba(0, 0, 0, 0.18)';
        ctx.shadowBlur = 10 * pixelRatio;
      }
      ctx.fillStyle = p.fill;
      ctx.beginPath();
      ctx.roundRect(p.x, p.y, p.w, p.h, p.r);
      ctx.fill();
    } else if (p.t === 'path') {
      if (p.at) {
        ctx.translate(p.at.x, p.at.y);
        ctx.rotate((p.at.rot * Math.PI) / 180);
        ctx.scale(p.at.k, p.at.k);
      }
      const path = new Path2D(p.d);
      ctx.lineJoin = 'round';
      ctx.lineCap = p.cap ?? 'round';
      if (p.dash) ctx.setLineDash(p.dash);
      if (p.stroke && p.width) {
        ctx.strokeStyle = p.stroke;
        ctx.lineWidth = p.width;
        ctx.stroke(path);
      }
      if (p.fill) {
        ctx.fillStyle = p.fill;
        ctx.fill(path);
      }
    } else if (p.t === 'text') {
      ctx.font = `${p.bold ? '700 ' : ''}${p.px}px ${family}`;
      ctx.fillStyle = p.fill;
      ctx.textAlign = p.anchor === 'middle' ? 'center' : p.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(p.text, p.x, p.y);
    } else {
      slots[p.slot]?.(ctx, p.rect);
    }
    ctx.restore();
  }
  ctx.restore();
}
