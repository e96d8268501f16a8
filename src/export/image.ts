import { chartFrame, loadChartFonts } from './chart-panel';
import { compositionPadding, drawComposition, loadCompositionFonts } from './compose';
import { insertPngText } from './png-text';
import { renderMapCanvas } from './render';
import {
  provenanceOf,
  throwIfAborted,
  type ImageFormat,
  type Provenance,
  type ExportCommon,
} from './types';
import { rasterLayout } from './view';

/** A still image export. */
export interface ImageExportOptions extends ExportCommon {
  format: ImageFormat;
  /** JPEG quality, 0..1 (default 0.92). */
  quality?: number;
}

/** An exported file. */
export interface ExportResult {
  blob: Blob;
  mime: string;
  width: number;
  height: number;
}

/** The provenance entries as PNG text keywords, in the order they are written. */
export function pngProvenance(p: Provenance): [string, string][] {
  return [
    ['Title', p.title],
    ['Description', p.description],
    ['Source URL', p.sourceUrl],
    ['Journey', p.journey],
    ['Moment', p.moment],
    ['Scenario', p.scenario],
    ['Software', p.software],
  ];
}

function toBlob(canvas: HTMLCanvasElement, mime: string, quality?: number): Promise<Blob> {
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error(`the browser could not encode ${mime}`))),
      mime,
      quality,
    ),
  );
}

/** Renders the map and draws the composition over it; returns the finished canvas. */
export async function renderComposed(
  opts: Omit<ImageExportOptions, 'format' | 'quality'>,
): Promise<HTMLCanvasElement> {
  const layout = rasterLayout(opts.width, opts.height, opts.pixelRatio);
  // with the chart option the map takes part of the frame and the chart panel the rest
  const frame = chartFrame(opts);
  const map = rasterLayout(
    frame?.mapWidth ?? opts.width,
    frame?.mapHeight ?? opts.height,
    layout.pixelRatio,
  );
  const fonts = Promise.all([
    loadCompositionFonts(opts.text),
    frame ? loadChartFonts(frame.panel) : null,
  ]);
  const { canvas: mapCanvas, camera } = await renderMapCanvas({
    width: frame?.mapWidth ?? opts.width,
    height: frame?.mapHeight ?? opts.height,
    pixelRatio: layout.pixelRatio,
    route: opts.route,
    moving: opts.moment.moving,
    routing: opts.moment.routing,
    view: opts.view,
    padding: compositionPadding(map.cssWidth, map.cssHeight),
    ...(opts.showVariants === undefined ? {} : { showVariants: opts.showVariants }),
    ...(opts.theme ? { theme: opts.theme } : {}),
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
    ...(opts.signal ? { signal: opts.signal } : {}),
    ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
  });
  await fonts;
  throwIfAborted(opts.signal);
  const canvas = frame ? frame.compose(mapCanvas, opts.moment.tMs) : mapCanvas;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  drawComposition(ctx, camera, layout.pixelRatio, opts.text);
  return canvas;
}

/**
 * Exports the map at the moment as a PNG (with provenance text chunks) or a JPEG, exactly
 * `width` × `height` pixels, with the full composition drawn over it.
 */
export async function exportImage(opts: ImageExportOptions): Promise<ExportResult> {
  const canvas = await renderComposed(opts);
  opts.onProgress?.(0.92, 'encode');
  const mime = opts.format === 'png' ? 'image/png' : 'image/jpeg';
  let blob = await toBlob(
    canvas,
    mime,
    opts.format === 'jpeg' ? (opts.quality ?? 0.92) : undefined,
  );
  throwIfAborted(opts.signal);
  if (opts.format === 'png') {
    const provenance = provenanceOf(opts.moment, opts.text.title);
    const bytes = insertPngText(
      new Uint8Array(await blob.arrayBuffer()),
      pngProvenance(provenance),
    );
    blob = new Blob([bytes], { type: mime });
  }
  opts.onProgress?.(1, 'done');
  return { blob, mime, width: canvas.width, height: canvas.height };
}
