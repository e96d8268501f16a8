import type { ExportFormat } from './types';

/** An output size people publish at. */
export interface Preset {
  label: string;
  width: number;
  height: number;
}

/** Output sizes: screens and social feeds, and A4 / US Letter paper at 300 dpi. */
export const PRESETS = {
  '16:9': { label: '16:9 Full HD (1920 × 1080)', width: 1920, height: 1080 },
  '4k': { label: '16:9 4K (3840 × 2160)', width: 3840, height: 2160 },
  '1:1': { label: '1:1 square (1080 × 1080)', width: 1080, height: 1080 },
  '4:5': { label: '4:5 social portrait (1080 × 1350)', width: 1080, height: 1350 },
  '9:16': { label: '9:16 story (1080 × 1920)', width: 1080, height: 1920 },
  'a4-portrait': { label: 'A4 portrait, 300 dpi (2480 × 3508)', width: 2480, height: 3508 },
  'a4-landscape': { label: 'A4 landscape, 300 dpi (3508 × 2480)', width: 3508, height: 2480 },
  'letter-portrait': { label: 'Letter portrait, 300 dpi (2550 × 3300)', width: 2550, height: 3300 },
  'letter-landscape': {
    label: 'Letter landscape, 300 dpi (3300 × 2550)',
    width: 3300,
    height: 2550,
  },
} as const satisfies Record<string, Preset>;

export type PresetId = keyof typeof PRESETS;

export const isPresetId = (id: string): id is PresetId => Object.hasOwn(PRESETS, id);

/**
 * Largest side and pixel count an export accepts. Beyond the GPU's limit the map is drawn in tiles
 * (render.ts), but the stitched image is one 2D canvas: Chromium's holds at most 2²⁸ px (268 M,
 * e.g. 16384 × 16384), and 100 M px is 400 MB of RGBA before PNG encoding (12,000 × 8,000 peaks
 * at about 1.5 GB over the idle page in headless Chromium).
 */
export const MAX_EXPORT_SIDE = 16_384;
export const MAX_EXPORT_PIXELS = 100_000_000;
/** Video encoders in browsers stop at 4K-class frames. */
export const MAX_VIDEO_SIDE = 4096;

/**
 * The one size check of every export (dialog, command line, automation hook): null when
 * `width` × `height` can be exported in `format`, else the reason in words.
 */
export function sizeProblem(width: number, height: number, format: ExportFormat): string | null {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    return `width and height must be whole numbers of pixels ≥ 1, got ${width} × ${height}`;
  }
  if (width > MAX_EXPORT_SIDE || height > MAX_EXPORT_SIDE) {
    return `the largest side is ${MAX_EXPORT_SIDE} px, got ${width} × ${height}`;
  }
  if (width * height > MAX_EXPORT_PIXELS) {
    return `at most ${MAX_EXPORT_PIXELS / 1e6} million pixels (e.g. 12000 × 8000), got ${width} × ${height}`;
  }
  const video = format === 'webm' || format === 'mp4';
  if ((video || format === 'gif') && (width > MAX_VIDEO_SIDE || height > MAX_VIDEO_SIDE)) {
    return `animations are at most ${MAX_VIDEO_SIDE} px on a side, got ${width} × ${height}`;
  }
  if (video && (width % 2 || height % 2)) {
    return `video width and height must be even, got ${width} × ${height}`;
  }
  return null;
}

/** The size at which the map is laid out (CSS px) and the pixel ratio that scales it to the output. */
export interface RasterLayout {
  cssWidth: number;
  cssHeight: number;
  pixelRatio: number;
}

/** Short side of every layout, CSS px: a 4K export is a 1080p one drawn at twice the density. */
export const LAYOUT_SHORT_SIDE = 720;
/** Below this pixel ratio a small export is laid out at its own size and gets relatively larger text. */
const MIN_PIXEL_RATIO = 0.6;

/**
 * The CSS layout of a `width` × `height` output: its short side about {@link LAYOUT_SHORT_SIDE} CSS
 * px, drawn at whatever pixel ratio reaches the output size, so text and line widths scale with
 * the output (labels are 13 CSS px = 19.5 px in a 1080p image, 39 px in 4K). The result gives
 * exactly `width` × `height`: `round(cssWidth × pixelRatio) === width` (as MapLibre sizes its
 * canvas), likewise for the height.
 */
export function cssLayoutFor(width: number, height: number, pixelRatio?: number): RasterLayout {
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1) {
    throw new Error(`export size must be whole pixels ≥ 1, got ${width} × ${height}`);
  }
  const exact = (cssWidth: number, cssHeight: number, r: number) =>
    cssWidth >= 1 &&
    cssHeight >= 1 &&
    Math.round(cssWidth * r) === width &&
    Math.round(cssHeight * r) === height;
  if (pixelRatio !== undefined) {
    if (!(pixelRatio > 0)) throw new Error(`pixel ratio must be > 0, got ${pixelRatio}`);
    const cssWidth = Math.max(1, Math.round(width / pixelRatio));
    const cssHeight = Math.max(1, Math.round(height / pixelRatio));
    if (exact(cssWidth, cssHeight, pixelRatio)) return { cssWidth, cssHeight, pixelRatio };
    throw new Error(`${width} × ${height} px cannot be drawn at pixel ratio ${pixelRatio} exactly`);
  }
  const wanted = Math.max(MIN_PIXEL_RATIO, Math.min(width, height) / LAYOUT_SHORT_SIDE);
  const ideal = width / wanted;
  // nearest whole CSS width (either way) whose ratio also gives the exact height
  for (let d = 0; d < 400; d++) {
    for (const cssWidth of d
      ? [Math.round(ideal) + d, Math.round(ideal) - d]
      : [Math.round(ideal)]) {
      if (cssWidth < 1) continue;
      const r = width / cssWidth;
      const cssHeight = Math.round(height / r);
      if (exact(cssWidth, cssHeight, r)) return { cssWidth, cssHeight, pixelRatio: r };
    }
  }
  return { cssWidth: width, cssHeight: height, pixelRatio: 1 };
}
