import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { RouteCollection } from '../domain/route/route';
import { routeBounds } from '../map/bounds';
import { themeOf, type ThemeName } from '../map/style';
import type { Scene } from './composition';
import { legendFor } from './legend';
import { paletteFor } from './palette';
import { cssLayoutFor } from './presets';
import {
  CHART_ASPECT,
  isAnimated,
  resolveRequest,
  type ExportRequest,
  type ViewChoice,
} from './request';
import {
  BASEMAP_ATTRIBUTION,
  type CompositionText,
  type ExportMoment,
  type ExportView,
  type ProgressCallback,
} from './types';

/** An exported file. */
export interface ExportResult {
  blob: Blob;
  mime: string;
  width: number;
  height: number;
  /** How many passes drew the map: 1, or the tiles of a map larger than the GPU draws at once. */
  tiles?: number;
}

/** What the app hands to exports: its current state, read at call time. */
export interface ExportSources {
  map: () => MapLibreMap | null;
  route: () => RouteCollection | null;
  moment: () => ExportMoment | null;
  /** Trains and trail at an instant (UTC ms). */
  movingAt: (tMs: number) => FeatureCollection;
  /** Caption (local time with zone, km, scenario) at an instant (UTC ms). */
  captionAt: (tMs: number) => string;
  /** The claims' verdict card, one line each (the first a heading); empty when there is none. */
  verdictLines?: () => string[];
  /** The map theme the app shows (exports use it unless the request names one). */
  theme?: () => ThemeName;
}

/** The view to export: the route's box (north up), or the live map's visible box and bearing. */
export function exportViewFor(
  choice: ViewChoice,
  route: RouteCollection,
  map: MapLibreMap | null,
): ExportView {
  if (choice !== 'current' || !map) return { bounds: routeBounds(route), bearingDeg: 0 };
  const bearingDeg = map.getBearing();
  if (bearingDeg === 0) {
    const b = map.getBounds();
    return {
      bounds: [
        [b.getWest(), b.getSouth()],
        [b.getEast(), b.getNorth()],
      ],
      bearingDeg,
    };
  }
  // a rotated map's bounds overshoot; fit the box around its centre that the canvas shows
  const c = map.getCanvas();
  const half = Math.min(c.clientWidth, c.clientHeight) / 2;
  const a = map.unproject([c.clientWidth / 2 - half, c.clientHeight / 2 - half]);
  const z = map.unproject([c.clientWidth / 2 + half, c.clientHeight / 2 + half]);
  return {
    bounds: [
      [Math.min(a.lng, z.lng), Math.min(a.lat, z.lat)],
      [Math.max(a.lng, z.lng), Math.max(a.lat, z.lat)],
    ],
    bearingDeg,
  };
}

/** The text drawn over the map: the title from the journey, the subtitle naming the scenario. */
export function compositionText(
  moment: ExportMoment,
  r: { title?: string; subtitle?: string; verdictLines?: string[] },
): CompositionText {
  return {
    title: r.title?.trim() || moment.journeyTitle,
    subtitle: r.subtitle?.trim() ?? `Scenario: ${moment.scenarioLabel}`,
    caption: moment.caption,
    ...(r.verdictLines?.length ? { verdictLines: r.verdictLines } : {}),
    attribution: moment.attribution,
    legendTrains: moment.legendTrains,
    showVariants: moment.showVariants,
  };
}

/** The scene of a request: every choice resolved against the app's state. */
export function sceneOf(
  sources: ExportSources,
  request: ExportRequest,
): { scene: Scene; moment: ExportMoment; r: ReturnType<typeof resolveRequest> } {
  const r = resolveRequest(request);
  const route = sources.route();
  const moment = sources.moment();
  if (!route || !moment) throw new Error('the journey is not loaded yet');
  const verdictLines = r.claims ? (sources.verdictLines?.() ?? []) : [];
  const text = compositionText(moment, {
    ...(r.title === undefined ? {} : { title: r.title }),
    ...(r.subtitle === undefined ? {} : { subtitle: r.subtitle }),
    verdictLines,
  });
  const theme = r.theme ?? sources.theme?.() ?? 'light';
  const legend = legendFor(route, {
    theme: themeOf(theme),
    routing: moment.routing,
    showVariants: moment.showVariants,
    trains: moment.legendTrains,
    noun: moment.lineNoun,
  });
  const scene: Scene = {
    width: r.width,
    height: r.height,
    raster: cssLayoutFor(r.width, r.height, r.pixelRatio),
    route,
    routing: moment.routing,
    showVariants: moment.showVariants,
    view: exportViewFor(r.view, route, sources.map()),
    moving: moment.moving,
    text,
    legend,
    attribution: [BASEMAP_ATTRIBUTION, moment.attribution].filter(Boolean).join(' · '),
    theme,
    palette: paletteFor(theme, r.transparent),
    transparent: r.transparent,
    decorations: r.decorations,
    ...(r.locator ? { locator: true } : {}),
    ...(r.tileLimitPx ? { tileLimitPx: r.tileLimitPx } : {}),
    ...(r.chart && moment.chart
      ? {
          chartAspect: CHART_ASPECT[r.chart === 'right' ? 'right' : 'bottom'],
          chartData: moment.chart,
        }
      : {}),
  };
  return { scene, moment, r };
}

/**
 * The one export dispatcher, used by the dialog, the command line (through the automation hook)
 * and the hook itself: resolves the request with the one set of defaults and the one size check,
 * then hands the scene to the renderer of its format. Renderers load on first use.
 */
export async function runExport(
  sources: ExportSources,
  request: ExportRequest,
  control: { signal?: AbortSignal; onProgress?: ProgressCallback } = {},
): Promise<ExportResult> {
  const { scene, moment, r } = sceneOf(sources, request);
  const run = { ...control, moment };
  if (r.format === 'png' || r.format === 'jpeg') {
    const { exportImage } = await import('./image');
    return exportImage(scene, { ...run, format: r.format, quality: r.quality });
  }
  if (r.format === 'svg') {
    const { exportSvg } = await import('./svg');
    const svg = await exportSvg(scene, run);
    return {
      blob: new Blob([svg], { type: 'image/svg+xml' }),
      mime: 'image/svg+xml',
      width: r.width,
      height: r.height,
    };
  }
  if (isAnimated(r.format)) {
    const { exportAnimation } = await import('./animation');
    const end = r.untilLastTrain ? moment.timeRange[1] : moment.mainArrivalMs;
    return exportAnimation(scene, {
      ...run,
      format: r.format as 'webm' | 'mp4' | 'gif',
      fps: r.fps,
      durationS: r.durationS,
      range: [r.fromMs ?? moment.timeRange[0], r.toMs ?? end],
      follow: r.follow,
      movingAt: sources.movingAt,
      captionAt: sources.captionAt,
    });
  }
  throw new Error(`unknown format ${String(r.format)}`);
}
