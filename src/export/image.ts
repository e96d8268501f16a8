import { chartPanelOf, FAMILY, prepareScene, type Scene } from './composition';
import type { ExportResult } from './dispatch';
import type { Layout } from './layout';
import { insertPngText } from './png-text';
import { locatorPainter } from './locator-map';
import { drawPrims } from './prims-canvas';
import { renderMapCanvas } from './render';
import {
  provenanceOf,
  throwIfAborted,
  type ExportMoment,
  type ImageFormat,
  type ProgressCallback,
  type Provenance,
} from './types';

/** How one image export runs. */
export interface RunControl {
  moment: ExportMoment;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Where the app is served from (basemap and fonts are relative to it); `document.baseURI`. */
  baseUrl?: string;
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

/** Lays the scene out, renders the map with the layout's camera and draws the decorations. */
export async function renderComposed(
  scene: Scene,
  run: Omit<RunControl, 'moment'> & { tMs: number },
): Promise<{ canvas: HTMLCanvasElement; layout: Layout; tiles: number }> {
  const { layout, prims } = await prepareScene(scene, run.signal);
  const { canvas, tiles } = await renderMapCanvas({
    raster: scene.raster,
    camera: layout.camera,
    route: scene.route,
    moving: scene.moving,
    routing: scene.routing,
    showVariants: scene.showVariants,
    theme: scene.theme,
    transparent: scene.transparent,
    ...(scene.tileLimitPx ? { tileLimitPx: scene.tileLimitPx } : {}),
    ...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
    ...(run.signal ? { signal: run.signal } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
  throwIfAborted(run.signal);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas unavailable');
  const panel = await chartPanelOf(scene, layout);
  const pr = scene.raster.pixelRatio;
  const locator = await locatorPainter(scene, layout, pr, run);
  drawPrims(ctx, prims, pr, FAMILY, {
    ...(panel ? { chart: (c) => panel.draw(c, pr, run.tMs) } : {}),
    ...(locator ? { locator } : {}),
  });
  return { canvas, layout, tiles };
}

/**
 * Exports the scene as a PNG (with provenance text chunks) or a JPEG of exactly the asked size,
 * the decorations drawn over the map where the layout put them.
 */
export async function exportImage(
  scene: Scene,
  run: RunControl & { format: ImageFormat; quality: number },
): Promise<ExportResult> {
  const { canvas, tiles } = await renderComposed(scene, { ...run, tMs: run.moment.tMs });
  run.onProgress?.(0.92, 'encode');
  const mime = run.format === 'png' ? 'image/png' : 'image/jpeg';
  let blob = await toBlob(canvas, mime, run.format === 'jpeg' ? run.quality : undefined);
  throwIfAborted(run.signal);
  if (run.format === 'png') {
    const provenance = provenanceOf(run.moment, scene.text.title);
    const bytes = insertPngText(
      new Uint8Array(await blob.arrayBuffer()),
      pngProvenance(provenance),
    );
    blob = new Blob([bytes], { type: mime });
  }
  run.onProgress?.(1, 'done');
  return { blob, mime, width: canvas.width, height: canvas.height, tiles };
}
