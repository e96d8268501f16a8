import { isPresetId, PRESETS, sizeProblem, type PresetId } from './presets';
import type { ExportFormat } from './types';

/** Which part of the world an export shows: the whole route, or what the live map shows now. */
export type ViewChoice = 'route' | 'current';

import { THEME_NAMES, type ThemeName } from '../map/style';

/** The map themes an export can use: the map style module's themes. */
export const THEMES = THEME_NAMES;
export type { ThemeName };

/**
 * One export, as the dialog, the command line and the automation hook all ask for it. Anything
 * left out takes its value from {@link EXPORT_DEFAULTS}.
 */
export interface ExportRequest {
  format: ExportFormat;
  /** A named size; `width`/`height` are used when it is 'custom' or left out with both given. */
  preset?: PresetId | 'custom';
  width?: number;
  height?: number;
  /** Device pixels per CSS pixel (previews); chosen from the size when left out. */
  pixelRatio?: number;
  title?: string;
  subtitle?: string;
  /** Draw the claims' verdict card. */
  claims?: boolean;
  /** Draw the time–distance chart panel ('bottom' prefers a wide panel, 'right' a tall one). */
  chart?: boolean | 'bottom' | 'right';
  /** Draw a locator inset. */
  locator?: boolean;
  view?: ViewChoice;
  /** The map theme; the app's current theme when left out (light from the command line). */
  theme?: ThemeName;
  /** PNG only: no basemap background (the sea is left transparent). */
  transparent?: boolean;
  /** JPEG quality 0..1. */
  quality?: number;
  /** Animations: frames per second and output length in seconds. */
  fps?: number;
  durationS?: number;
  /** Animation time range, UTC ms; defaults to departure → the main train's arrival. */
  fromMs?: number;
  toMs?: number;
  /** Animations run until the last train (ghosts included) arrives instead of the main one. */
  untilLastTrain?: boolean;
  /** Animations: the camera follows the main train (eases out at the start, in at the end). */
  follow?: boolean;
  /** False: the map alone, no title, legend or cards (used to check that nothing covers the route). */
  decorations?: boolean;
  /**
   * Largest map canvas drawn in one pass, px a side; the GPU's limit when left out. Larger maps
   * are drawn in tiles and stitched (tests set a small limit to force tiling at a small size).
   */
  tileLimitPx?: number;
}

/** The one set of defaults for every way of exporting. */
export const EXPORT_DEFAULTS = {
  preset: '16:9',
  claims: false,
  chart: false,
  locator: false,
  view: 'route',
  theme: 'light',
  transparent: false,
  quality: 0.92,
  fps: 10,
  durationS: 10,
  untilLastTrain: false,
  follow: false,
  decorations: true,
} as const satisfies Partial<ExportRequest>;

/** Width / height of the chart panel the layout makes room for: wide ('bottom') or tall ('right'). */
export const CHART_ASPECT = { bottom: 2.8, right: 1.25 } as const;

/** Frame rates and lengths animations accept. */
export const ANIMATION_LIMITS = { minFps: 1, maxFps: 60, maxDurationS: 600, maxFrames: 36_000 };
/** Smallest tile limit a request may set, px (smaller tiles only make a render slower). */
export const MIN_TILE_PX = 256;
/** Longest title and subtitle, characters: longer ones cannot be printed whole. */
export const MAX_TITLE_CHARS = 200;

/** A request with every default applied and every value checked. */
export type ResolvedRequest = Required<
  Omit<
    ExportRequest,
    'pixelRatio' | 'fromMs' | 'toMs' | 'title' | 'subtitle' | 'theme' | 'tileLimitPx'
  >
> &
  Pick<
    ExportRequest,
    'pixelRatio' | 'fromMs' | 'toMs' | 'title' | 'subtitle' | 'theme' | 'tileLimitPx'
  > & {
    width: number;
    height: number;
  };

/** A request that cannot be exported; the message says why, in words for the user. */
export class ExportRequestError extends Error {}

export const isAnimated = (f: ExportFormat): boolean => f === 'webm' || f === 'mp4' || f === 'gif';

/**
 * Applies the defaults and checks the request: the size (one check for every format), title
 * lengths, JPEG quality and the animation limits. Throws {@link ExportRequestError}.
 */
export function resolveRequest(r: ExportRequest): ResolvedRequest {
  const fail = (m: string): never => {
    throw new ExportRequestError(m);
  };
  const preset =
    r.preset ??
    (r.width !== undefined || r.height !== undefined ? 'custom' : EXPORT_DEFAULTS.preset);
  if (preset !== 'custom' && !isPresetId(preset)) fail(`unknown preset "${String(preset)}"`);
  const size =
    preset === 'custom' ? { width: r.width ?? 1920, height: r.height ?? 1080 } : PRESETS[preset];
  const problem = sizeProblem(size.width, size.height, r.format);
  if (problem) fail(problem);
  for (const [name, t] of [
    ['title', r.title],
    ['subtitle', r.subtitle],
  ] as const) {
    if (t !== undefined && [...t].length > MAX_TITLE_CHARS) {
      fail(`the ${name} is at most ${MAX_TITLE_CHARS} characters, got ${[...t].length}`);
    }
  }
  const quality = r.quality ?? EXPORT_DEFAULTS.quality;
  if (!(quality > 0 && quality <= 1)) fail(`JPEG quality must be in 0…1, got ${quality}`);
  const fps = r.fps ?? EXPORT_DEFAULTS.fps;
  const durationS = r.durationS ?? EXPORT_DEFAULTS.durationS;
  if (isAnimated(r.format)) {
    const { minFps, maxFps, maxDurationS, maxFrames } = ANIMATION_LIMITS;
    if (!(fps >= minFps && fps <= maxFps)) fail(`frame rate must be ${minFps}–${maxFps} fps`);
    if (!(durationS > 0 && durationS <= maxDurationS)) {
      fail(`duration must be more than 0 and at most ${maxDurationS} s`);
    }
    if (Math.round(fps * durationS) > maxFrames) fail(`at most ${maxFrames} frames`);
    if (r.fromMs !== undefined && r.toMs !== undefined && !(r.toMs >= r.fromMs)) {
      fail('the time range ends before it starts');
    }
  }
  if (r.transparent && r.format !== 'png') fail('a transparent background needs PNG');
  const t = r.tileLimitPx;
  if (t !== undefined && !(Number.isInteger(t) && t >= MIN_TILE_PX)) {
    fail(`the tile limit must be a whole number of pixels ≥ ${MIN_TILE_PX}, got ${t}`);
  }
  return {
    format: r.format,
    preset,
    width: size.width,
    height: size.height,
    ...(r.pixelRatio === undefined ? {} : { pixelRatio: r.pixelRatio }),
    ...(r.title === undefined ? {} : { title: r.title }),
    ...(r.subtitle === undefined ? {} : { subtitle: r.subtitle }),
    claims: r.claims ?? EXPORT_DEFAULTS.claims,
    chart: r.chart ?? EXPORT_DEFAULTS.chart,
    locator: r.locator ?? EXPORT_DEFAULTS.locator,
    view: r.view ?? EXPORT_DEFAULTS.view,
    ...(r.theme === undefined ? {} : { theme: r.theme }),
    transparent: r.transparent ?? EXPORT_DEFAULTS.transparent,
    quality,
    fps,
    durationS,
    ...(r.fromMs === undefined ? {} : { fromMs: r.fromMs }),
    ...(r.toMs === undefined ? {} : { toMs: r.toMs }),
    untilLastTrain: r.untilLastTrain ?? EXPORT_DEFAULTS.untilLastTrain,
    follow: r.follow ?? EXPORT_DEFAULTS.follow,
    decorations: r.decorations ?? EXPORT_DEFAULTS.decorations,
    ...(t === undefined ? {} : { tileLimitPx: t }),
  };
}

/** File extension of each format. */
export const EXTENSIONS: Record<ExportFormat, string> = {
  png: 'png',
  jpeg: 'jpg',
  svg: 'svg',
  webm: 'webm',
  mp4: 'mp4',
  gif: 'gif',
};

/**
 * The download name of an export: the local date and time of the moment shown, in the zone the
 * caption names (`utcOffsetMin`), not the UTC date.
 */
export function exportFileName(
  tMs: number,
  utcOffsetMin: number,
  width: number,
  height: number,
  format: ExportFormat,
): string {
  const local = new Date(tMs + utcOffsetMin * 60_000).toISOString().slice(0, 16).replace(':', '');
  return `journey-map-${local}-${width}x${height}.${EXTENSIONS[format]}`;
}
