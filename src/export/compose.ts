import { COLORS, FONT_STACK } from '../map/style';
import { BASEMAP_ATTRIBUTION, type CompositionText } from './types';
import { scaleBar, type Camera, type Padding } from './view';

const FAMILY = [...FONT_STACK.map((f) => `"${f}"`), 'sans-serif'].join(', ');
const INK = '#1f2933';
const MUTED = '#52606d';
const CARD = 'rgba(255, 255, 255, 0.9)';

/** Size factor of the decorations for a layout of `cssWidth` × `cssHeight` (1 at 1280 × 720). */
export function decorationScale(cssWidth: number, cssHeight: number): number {
  return Math.min(1.6, Math.max(0.75, Math.min(cssWidth / 1280, cssHeight / 720)));
}

/** Room the decorations take, CSS px: the map fits the route inside what is left. */
export function compositionPadding(cssWidth: number, cssHeight: number): Padding {
  const s = decorationScale(cssWidth, cssHeight);
  return { top: 96 * s, right: 250 * s, bottom: 120 * s, left: 90 * s };
}

/** Loads the Noto faces (regular and bold) for every text the composition will draw. */
export async function loadCompositionFonts(text: CompositionText): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = [
    text.title,
    text.subtitle,
    text.caption,
    text.attribution,
    BASEMAP_ATTRIBUTION,
    ...(text.verdictLines ?? []),
    ...text.legendTrains.map((t) => t.label),
    '0123456789 km N Legend',
  ].join(' ');
  const faces = FONT_STACK.flatMap((f) => [`16px "${f}"`, `700 16px "${f}"`]);
  await Promise.all(faces.map((face) => document.fonts.load(face, sample)));
}

const font = (px: number, bold = false) => `${bold ? '700 ' : ''}${px}px ${FAMILY}`;

/** Draws `text` cut with an ellipsis to at most `maxWidth`; returns the drawn width. */
function fitText(
  ctx: CanvasRenderingContext2D,
  text: string,
  x: number,
  y: number,
  maxWidth: number,
): number {
  let t = text;
  while (t.length > 1 && ctx.measureText(t).width > maxWidth) t = t.slice(0, -2) + '…';
  ctx.fillText(t, x, y);
  return Math.min(ctx.measureText(t).width, maxWidth);
}

function card(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  w: number,
  h: number,
  r: number,
): void {
  ctx.save();
  ctx.fillStyle = CARD;
  ctx.shadowColor = 'rgba(0, 0, 0, 0.18)';
  ctx.shadowBlur = r * 1.5;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, r);
  ctx.fill();
  ctx.restore();
}

/** The train marker: the same north-pointing arrow as on the map, rotated by `deg`. */
function arrow(
  ctx: CanvasRenderingContext2D,
  cx: number,
  cy: number,
  size: number,
  deg: number,
  fill: string,
): void {
  ctx.save();
  ctx.translate(cx, cy);
  ctx.rotate((deg * Math.PI) / 180);
  const k = size / 48;
  ctx.beginPath();
  ctx.moveTo(0, -21 * k);
  ctx.lineTo(17 * k, 19 * k);
  ctx.lineTo(0, 10 * k);
  ctx.lineTo(-17 * k, 19 * k);
  ctx.closePath();
  ctx.fillStyle = fill;
  ctx.strokeStyle = '#ffffff';
  ctx.lineWidth = 2 * k * 2;
  ctx.stroke();
  ctx.fill();
  ctx.restore();
}

type Swatch = (ctx: CanvasRenderingContext2D, x: number, y: number, w: number, s: number) => void;

const lineSwatch =
  (color: string, dash?: number[]): Swatch =>
  (ctx, x, y, w, s) => {
    ctx.save();
    ctx.lineCap = 'round';
    if (dash) ctx.setLineDash(dash.map((d) => d * s));
    ctx.strokeStyle = COLORS.halo;
    ctx.lineWidth = 6 * s;
    if (!dash) {
      ctx.beginPath();
      ctx.moveTo(x, y);
      ctx.lineTo(x + w, y);
      ctx.stroke();
    }
    ctx.strokeStyle = color;
    ctx.lineWidth = 3.5 * s;
    ctx.beginPath();
    ctx.moveTo(x, y);
    ctx.lineTo(x + w, y);
    ctx.stroke();
    ctx.restore();
  };

const bridgeSwatch: Swatch = (ctx, x, y, w, s) => {
  ctx.save();
  ctx.fillStyle = '#111111';
  ctx.fillRect(x, y - 5 * s, w, 10 * s);
  ctx.fillStyle = COLORS.KP;
  ctx.fillRect(x, y - 1.5 * s, w, 3 * s);
  ctx.restore();
};

const dotSwatch =
  (fill: string, stroke: string, r: number): Swatch =>
  (ctx, x, y, w, s) => {
    ctx.save();
    ctx.beginPath();
    ctx.arc(x + w / 2, y, r * s, 0, 2 * Math.PI);
    ctx.fillStyle = fill;
    ctx.fill();
    ctx.lineWidth = 2 * s;
    ctx.strokeStyle = stroke;
    ctx.stroke();
    ctx.restore();
  };

const trainSwatch =
  (color: string): Swatch =>
  (ctx, x, y, w, s) =>
    arrow(ctx, x + w / 2, y, 22 * s, 90, color);

/** The legend rows: NK and China rail, bridge, border, stations, alternative routings, trains. */
function legendRows(text: CompositionText): [Swatch, string][] {
  const rows: [Swatch, string][] = [
    [lineSwatch(COLORS.KP), 'Rail in North Korea'],
    [lineSwatch(COLORS.CN), 'Rail in China'],
    [bridgeSwatch, 'Sino-Korean Friendship Bridge'],
    [dotSwatch('#111111', '#ffffff', 5), 'Border (mid-river)'],
    [dotSwatch('#ffffff', COLORS.KP, 4), 'Station'],
  ];
  if (text.showVariants)
    rows.push([lineSwatch(COLORS.variant, [4, 3]), 'Alternative routing (unconfirmed)']);
  for (const t of text.legendTrains) rows.push([trainSwatch(t.color), t.label]);
  return rows;
}

/**
 * Draws the composition over a map image already on `ctx` (`width` × `height` device pixels laid
 * out at `camera.cssWidth` × `camera.cssHeight` CSS px): title and subtitle, legend, metric scale
 * bar, north arrow, the caption of the moment, the optional verdict card, and the attribution.
 */
export function drawComposition(
  ctx: CanvasRenderingContext2D,
  camera: Camera,
  pixelRatio: number,
  text: CompositionText,
): void {
  const W = camera.cssWidth;
  const H = camera.cssHeight;
  const s = decorationScale(W, H);
  const m = 20 * s;
  ctx.save();
  ctx.setTransform(pixelRatio, 0, 0, pixelRatio, 0, 0);
  ctx.textBaseline = 'alphabetic';
  ctx.textAlign = 'left';

  // attribution: always, along the bottom edge
  const attribution = [BASEMAP_ATTRIBUTION, text.attribution].filter(Boolean).join(' · ');
  ctx.font = font(11 * s);
  const attrH = 18 * s;
  const attrW = Math.min(W, ctx.measureText(attribution).width + 12 * s);
  ctx.fillStyle = 'rgba(255, 255, 255, 0.85)';
  ctx.fillRect(W - attrW, H - attrH, attrW, attrH);
  ctx.fillStyle = MUTED;
  fitText(ctx, attribution, W - attrW + 6 * s, H - 5 * s, attrW - 12 * s);

  // title card, top left
  const titleW = Math.min(W * 0.62, W - 2 * m - 80 * s);
  ctx.font = font(26 * s, true);
  const t1 = Math.min(ctx.measureText(text.title).width, titleW);
  ctx.font = font(15 * s);
  const t2 = text.subtitle ? Math.min(ctx.measureText(text.subtitle).width, titleW) : 0;
  const cardW = Math.max(t1, t2) + 28 * s;
  const cardH = (text.subtitle ? 68 : 46) * s;
  card(ctx, m, m, cardW, cardH, 8 * s);
  ctx.fillStyle = INK;
  ctx.font = font(26 * s, true);
  fitText(ctx, text.title, m + 14 * s, m + 34 * s, titleW);
  if (text.subtitle) {
    ctx.fillStyle = MUTED;
    ctx.font = font(15 * s);
    fitText(ctx, text.subtitle, m + 14 * s, m + 56 * s, titleW);
  }

  // north arrow, top right, rotated with the map
  const nr = 22 * s;
  const nx = W - m - nr;
  const ny = m + nr;
  card(ctx, nx - nr, ny - nr, 2 * nr, 2 * nr, nr);
  ctx.save();
  ctx.translate(nx, ny);
  ctx.rotate((-camera.bearingDeg * Math.PI) / 180);
  ctx.beginPath();
  ctx.moveTo(0, -nr * 0.2);
  ctx.lineTo(nr * 0.36, nr * 0.75);
  ctx.lineTo(0, nr * 0.5);
  ctx.lineTo(-nr * 0.36, nr * 0.75);
  ctx.closePath();
  ctx.fillStyle = COLORS.KP;
  ctx.fill();
  ctx.fillStyle = INK;
  ctx.font = font(13 * s, true);
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.fillText('N', 0, -nr * 0.52);
  ctx.restore();

  // legend, right, under the north arrow
  const rows = legendRows(text);
  const rowH = 21 * s;
  const sw = 28 * s;
  ctx.font = font(12.5 * s);
  const labelW = Math.min(W * 0.3, Math.max(...rows.map(([, l]) => ctx.measureText(l).width)));
  const legW = sw + labelW + 34 * s;
  const legH = rows.length * rowH + 40 * s;
  const legX = W - m - legW;
  let y = ny + nr + 12 * s;
  card(ctx, legX, y, legW, legH, 8 * s);
  ctx.fillStyle = INK;
  ctx.font = font(13 * s, true);
  ctx.fillText('Legend', legX + 12 * s, y + 22 * s);
  ctx.font = font(12.5 * s);
  rows.forEach(([swatch, label], i) => {
    const ry = y + 40 * s + i * rowH;
    swatch(ctx, legX + 12 * s, ry - 4 * s, sw, s);
    ctx.fillStyle = INK;
    fitText(ctx, label, legX + 12 * s + sw + 10 * s, ry, labelW);
  });
  y += legH + 12 * s;

  // verdict card, right, under the legend
  const lines = text.verdictLines?.filter(Boolean) ?? [];
  if (lines.length) {
    ctx.font = font(12.5 * s);
    const vW = Math.min(
      W * 0.34,
      Math.max(legW, ...lines.map((l) => ctx.measureText(l).width + 24 * s)),
    );
    const vH = lines.length * rowH + 16 * s;
    const vX = W - m - vW;
    if (y + vH < H - attrH - m) {
      card(ctx, vX, y, vW, vH, 8 * s);
      lines.forEach((line, i) => {
        ctx.fillStyle = INK;
        ctx.font = font(12.5 * s, i === 0);
        fitText(ctx, line, vX + 12 * s, y + 22 * s + i * rowH, vW - 24 * s);
      });
    }
  }

  // scale bar, bottom left, above the attribution line
  const bar = scaleBar(camera.center[1], camera.zoom, 160 * s);
  const bx = m;
  const by = H - attrH - m;
  const label = bar.meters >= 1000 ? `${bar.meters / 1000} km` : `${bar.meters} m`;
  ctx.fillStyle = 'rgba(255, 255, 255, 0.8)';
  ctx.fillRect(bx - 4 * s, by - 22 * s, bar.cssPx + 8 * s, 28 * s);
  ctx.strokeStyle = INK;
  ctx.lineWidth = 2 * s;
  ctx.beginPath();
  ctx.moveTo(bx, by - 6 * s);
  ctx.lineTo(bx, by);
  ctx.lineTo(bx + bar.cssPx, by);
  ctx.lineTo(bx + bar.cssPx, by - 6 * s);
  ctx.stroke();
  ctx.fillStyle = INK;
  ctx.font = font(11 * s);
  ctx.fillText(label, bx + 2 * s, by - 9 * s);

  // caption of the moment (the clock in animations), bottom left, above the scale bar
  if (text.caption) {
    ctx.font = font(18 * s, true);
    const capMax = W - 2 * m - 20 * s;
    const capW = Math.min(capMax, ctx.measureText(text.caption).width) + 24 * s;
    const capY = by - 30 * s - 38 * s;
    card(ctx, m, capY, capW, 36 * s, 8 * s);
    ctx.fillStyle = INK;
    fitText(ctx, text.caption, m + 12 * s, capY + 25 * s, capMax);
  }
  ctx.restore();
}
