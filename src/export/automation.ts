import type { Map as MapLibreMap } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import type { RouteCollection } from '../domain/route/route';
import { compositionText, exportViewFor, type ViewChoice } from './defaults';
import type { ExportResult } from './image';
import type { ExportFormat, ExportMoment } from './types';
import type { ThemeName } from '../map/style';
import { MAX_EXPORT_SIZE } from './view';

/** How the app hands its current state to the export hook (read at call time). */
export interface ExportGetters {
  map: () => MapLibreMap | null;
  route: () => RouteCollection | null;
  moment: () => ExportMoment | null;
  /** Trains and trail at an instant (UTC ms). */
  movingAt: (tMs: number) => FeatureCollection;
  /** Caption (local time with zone, km, scenario) at an instant (UTC ms). */
  captionAt: (tMs: number) => string;
  /** The claim-verdict card's lines, if the app has any. */
  verdictLines?: () => string[];
  /** Whether the alternative routings are shown. */
  showVariants?: () => boolean;
  /** The map theme the app shows. */
  theme?: () => ThemeName;
}

/** What `window.journeyMapExport` accepts (the CLI passes these). */
export interface AutomationOptions {
  format: ExportFormat;
  /** Output size in pixels; defaults to 1920 × 1080. */
  width?: number;
  height?: number;
  title?: string;
  subtitle?: string;
  /** Draw the verdict card (when the app gives lines). */
  verdict?: boolean;
  /** Add the time–distance chart as a panel under ('bottom') or beside ('right') the map. */
  chart?: 'bottom' | 'right';
  /** 'route' (default) fits the whole route; 'current' uses the live map's view. */
  view?: ViewChoice;
  /** JPEG quality 0..1. */
  quality?: number;
  /** Animation: frames per second (default 10), output length in seconds (default 5). */
  fps?: number;
  durationS?: number;
  /** Animation time range, UTC ms; defaults to the whole journey. */
  fromMs?: number;
  toMs?: number;
}

/** What `window.journeyMapExport` resolves to. */
export interface AutomationResult {
  bytesBase64: string;
  mime: string;
  width: number;
  height: number;
}

declare global {
  interface Window {
    /** Installed by {@link installExportHook}; used by `npm run export`. */
    journeyMapExport?: (options: AutomationOptions) => Promise<AutomationResult>;
  }
}

function base64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

/** Runs one export with the app's current state. */
export async function runExport(
  getters: ExportGetters,
  o: AutomationOptions,
): Promise<ExportResult> {
  const route = getters.route();
  const moment = getters.moment();
  if (!route || !moment) throw new Error('the journey is not loaded yet');
  const width = o.width ?? 1920;
  const height = o.height ?? 1080;
  if (!(
    width >= 1 &&
    width <= MAX_EXPORT_SIZE.width &&
    height >= 1 &&
    height <= MAX_EXPORT_SIZE.height
  )) {
    throw new Error(
      `size must be within 1…${MAX_EXPORT_SIZE.width} × 1…${MAX_EXPORT_SIZE.height} px`,
    );
  }
  const showVariants = getters.showVariants?.() ?? true;
  const text = compositionText(moment, {
    ...(o.title === undefined ? {} : { title: o.title }),
    ...(o.subtitle === undefined ? {} : { subtitle: o.subtitle }),
    ...(o.verdict && getters.verdictLines ? { verdictLines: getters.verdictLines() } : {}),
    showVariants,
  });
  const view = exportViewFor(o.view ?? 'route', route, getters.map());
  const theme = getters.theme?.() ?? 'light';
  const common = {
    width,
    height,
    route,
    moment,
    view,
    text,
    showVariants,
    theme,
    ...(o.chart ? { chart: o.chart } : {}),
  };
  switch (o.format) {
    case 'png':
    case 'jpeg': {
      // the encoders load on first use, so they cost nothing at start-up
      const { exportImage } = await import('./image');
      return exportImage({
        ...common,
        format: o.format,
        ...(o.quality === undefined ? {} : { quality: o.quality }),
      });
    }
    case 'svg': {
      const { exportSvg } = await import('./svg');
      const svg = await exportSvg(common);
      return {
        blob: new Blob([svg], { type: 'image/svg+xml' }),
        mime: 'image/svg+xml',
        width,
        height,
      };
    }
    case 'webm':
    case 'mp4':
    case 'gif': {
      const { exportAnimation } = await import('./animation');
      return exportAnimation({
        ...common,
        format: o.format,
        fps: o.fps ?? 10,
        durationS: o.durationS ?? 5,
        range: [o.fromMs ?? moment.timeRange[0], o.toMs ?? moment.timeRange[1]],
        movingAt: getters.movingAt,
        captionAt: getters.captionAt,
      });
    }
    default:
      throw new Error(`unknown format ${String(o.format)}`);
  }
}

/**
 * Registers `window.journeyMapExport(options)` for the command line; returns a function that
 * removes it. Exports run one at a time.
 */
export function installExportHook(getters: ExportGetters): () => void {
  let queue: Promise<unknown> = Promise.resolve();
  const hook = (options: AutomationOptions): Promise<AutomationResult> => {
    const run = queue.then(async () => {
      const result = await runExport(getters, options);
      const bytes = new Uint8Array(await result.blob.arrayBuffer());
      return {
        bytesBase64: base64(bytes),
        mime: result.mime,
        width: result.width,
        height: result.height,
      };
    });
    queue = run.catch(() => {});
    return run;
  };
  window.journeyMapExport = hook;
  return () => {
    if (window.journeyMapExport === hook) delete window.journeyMapExport;
  };
}
