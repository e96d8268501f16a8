import { gpuFinished } from './gpu-fence';
import { copyDrawingBuffer } from './readback';
import { Map as MapLibreMap, setWorkerUrl, type LngLatLike, type MapEventType } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import type { FeatureCollection } from 'geojson';
import { isStation, type RouteCollection } from '../domain/route/route';
import { basemapStyle, stationNames, themeOf } from '../map/style';
import { loadLabelFonts } from '../map/fonts';
import { setRouting, showRoute } from '../map/route-layers';
import { addTrainLayers, updateTrains } from '../map/train-layer';
import type { RasterLayout } from './presets';
import type { ThemeName } from './request';
import { tileGrid, type MapTile, type TileLimit } from './tiles';
import { ExportCancelled, throwIfAborted, type ProgressCallback } from './types';
import type { Camera } from './view';

/** What to draw and at what size. */
export interface RenderOptions {
  /** The CSS layout and pixel ratio; the canvas is exactly their product or the call fails. */
  raster: RasterLayout;
  /** The camera the layout fitted the view with. */
  camera: Camera;
  route: RouteCollection;
  /** Trains and trail at the moment shown. */
  moving: FeatureCollection;
  routing: string;
  showVariants: boolean;
  theme: ThemeName;
  /** The basemap's shapes alone: no labels, town dots, route or trains (the locator inset's map). */
  basemapOnly?: boolean;
  /**
   * Place the labels but leave the map undrawn until its next frame: for a reader of the placed
   * features (the SVG) or a caller that draws it moved (the tiles of a map beyond the GPU's limit).
   */
  placeOnly?: boolean;
  /** With `placeOnly`: the caller draws the map later, so its shaders are compiled ahead. */
  drawnLater?: boolean;
  /** Leave the background (sea) transparent. */
  transparent?: boolean;
  /** Where the app is served from (basemap and fonts are relative to it); `document.baseURI`. */
  baseUrl?: string;
  signal?: AbortSignal;
  onProgress?: ProgressCallback;
  /** Gives up when the map has not finished drawing after this long, ms. */
  timeoutMs?: number;
  /**
   * Largest map canvas drawn in one pass, px a side (never more than the GPU's limit, which is
   * used when left out). A larger map is drawn in tiles and stitched.
   */
  tileLimitPx?: number;
}

/** An offscreen map kept alive for several frames (animation export). */
export interface ExportMap {
  map: MapLibreMap;
  /** The map's WebGL canvas, exactly the asked size. */
  canvas: HTMLCanvasElement;
  camera: Camera;
  layout: RasterLayout;
  /** Shows `moving` and resolves once that frame is fully drawn. */
  draw(moving: FeatureCollection, signal?: AbortSignal): Promise<void>;
  /**
   * Resizes the map to `cssWidth` × `cssHeight` CSS px at `pixelRatio`, centred on `center`
   * (zoom and bearing kept), and resolves once that view is fully drawn.
   */
  view(
    cssWidth: number,
    cssHeight: number,
    pixelRatio: number,
    center: LngLatLike,
    signal?: AbortSignal,
  ): Promise<void>;
  /** Removes the map and its container. */
  remove(): void;
}

setWorkerUrl(workerUrl);

/** Resolves on the map's next `event`; rejects on abort or timeout. */
function next(
  map: MapLibreMap,
  event: 'load' | 'idle',
  signal: AbortSignal | undefined,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', abort);
      map.off(event, onEvent);
      map.off('error', onError);
    };
    const onEvent = () => {
      done();
      resolve();
    };
    const onError = (e: MapEventType['error']) => {
      done();
      reject(new Error(`map error while exporting: ${e.error.message}`));
    };
    const abort = () => {
      done();
      reject(new ExportCancelled());
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`the export map did not finish drawing within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    signal?.addEventListener('abort', abort, { once: true });
    map.on(event, onEvent);
    map.on('error', onError);
  });
}

/** Every label text the map draws, so their fonts are loaded before it draws. */
function labelText(route: RouteCollection, moving: FeatureCollection): string {
  const stations = route.features
    .filter(isStation)
    .map((s) => `${s.properties.name} ${s.properties.name_local ?? ''}`);
  const trains = moving.features.map((f) => String(f.properties?.label ?? ''));
  return [...stations, ...trains].join(' ');
}

/** Fails unless the WebGL drawing buffer is exactly `width` × `height` (never a silent downscale). */
function assertExactSize(map: MapLibreMap, width: number, height: number): void {
  const canvas = map.getCanvas();
  const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
  const buffer = gl ? [gl.drawingBufferWidth, gl.drawingBufferHeight] : [0, 0];
  if (
    canvas.width === width &&
    canvas.height === height &&
    buffer[0] === width &&
    buffer[1] === height
  ) {
    return;
  }
  const max = gl ? (gl.getParameter(gl.MAX_TEXTURE_SIZE) as number) : 0;
  throw new Error(
    `cannot export ${width} × ${height} px: this browser drew ${buffer[0]} × ${buffer[1]} ` +
      `(pixel ratio ${map.getPixelRatio()}, GPU texture limit ${max} px). Choose a smaller size.`,
  );
}

/** How many web font faces the page has loaded. */
function loadedFaces(): number {
  let n = 0;
  document.fonts.forEach((f) => {
    if (f.status === 'loaded') n++;
  });
  return n;
}

/** Every text of the basemap's labelled features in the tiles the map has loaded. */
function basemapLabelText(map: MapLibreMap): string {
  const sourceLayers = new Set<string>();
  for (const layer of map.getStyle().layers) {
    if (layer.type === 'symbol' && layer.source === 'basemap' && layer['source-layer'])
      sourceLayers.add(layer['source-layer']);
  }
  const texts = new Set<string>();
  for (const sourceLayer of sourceLayers) {
    for (const f of map.querySourceFeatures('basemap', { sourceLayer })) {
      for (const v of Object.values(f.properties)) if (typeof v === 'string') texts.add(v);
    }
  }
  return [...texts].join(' ');
}

/**
 * Creates a hidden, non-interactive MapLibre map of exactly `width` × `height` device pixels with
 * the app's style, the route and the trains at the given moment, fitted to the view, and resolves
 * once it is fully drawn. The caller must call `remove()`.
 *
 * The map draws nothing while its tiles load ({@link holdDrawing}): once every tile and font is
 * in, its labels are placed afresh ({@link placeAfresh}) and it draws one frame. Under SwiftShader
 * each frame is a whole raster of the canvas (a 1080p map drew 10–15 frames while its tiles came
 * in, and one more to place its labels afresh), so the export draws once where MapLibre alone
 * draws a frame per tile arrival.
 *
 * MapLibre draws each glyph once with the page's fonts and keeps it; a basemap label whose font
 * subset had not loaded yet is drawn in a fallback font (and packs the glyph atlas differently),
 * so the first export of a region would differ from the next. The basemap's label texts are known
 * only once its tiles have loaded: their fonts are loaded then (and any the loading started), and
 * if that loaded any face, the map is made again with every font in place.
 */
export async function createExportMap(opts: RenderOptions): Promise<ExportMap> {
  throwIfAborted(opts.signal);
  opts.onProgress?.(0, 'fonts');
  if (opts.basemapOnly) return settled(await openExportMap(opts), opts);
  await loadLabelFonts(labelText(opts.route, opts.moving));
  throwIfAborted(opts.signal);
  // a face the tiles asked for may still be loading: wait for it, then make the map again (at
  // most twice)
  for (let attempt = 0; ; attempt++) {
    const before = loadedFaces();
    const m = await openExportMap(opts);
    try {
      await loadLabelFonts(basemapLabelText(m.exportMap.map));
      await document.fonts.ready;
    } catch (e) {
      m.exportMap.remove();
      throw e;
    }
    if (loadedFaces() === before || attempt === 2) return settled(m, opts);
    m.exportMap.remove();
    throwIfAborted(opts.signal);
  }
}

/**
 * The loaded map's labels placed afresh ({@link placeAfresh}), now that every tile and font is
 * in, and its first frame drawn (unless `placeOnly`), at exactly the asked size; removed if that
 * fails.
 */
async function settled(m: OpenedMap, opts: RenderOptions): Promise<ExportMap> {
  const { exportMap } = m;
  try {
    // a map drawn later (the tiles' pass) compiles its shaders now too, a few per task
    if (!opts.placeOnly || opts.drawnLater) await m.drawing.compileShaders(opts.signal);
    placeAfresh(exportMap.map);
    if (!opts.placeOnly) m.drawing.release();
    await m.frame();
    m.drawing.release();
    const { raster } = opts;
    assertExactSize(
      exportMap.map,
      Math.round(raster.cssWidth * raster.pixelRatio),
      Math.round(raster.cssHeight * raster.pixelRatio),
    );
    opts.onProgress?.(0.8, 'map');
    return exportMap;
  } catch (e) {
    exportMap.remove();
    throw e;
  }
}

/** MapLibre's painter, as far as {@link holdDrawing} uses it (MapLibre 5–6). */
interface Painter {
  render: (...args: unknown[]) => void;
  renderLayer: (
    painter: unknown,
    tileManager: unknown,
    layer: { id: string },
    coords: unknown,
    frame: { currentPass?: string },
  ) => void;
}

/** A map's drawing, held by {@link holdDrawing}. */
interface HeldDrawing {
  /** Lets the map draw (from its next frame on). */
  release: () => void;
  /**
   * Compiles the shaders the map's next frame uses, a few per task ({@link warmUp}); resolves
   * with the drawing still held.
   */
  compileShaders: (signal?: AbortSignal) => Promise<void>;
}

/** Main-thread time a warm-up frame may spend compiling shaders, ms. */
const COMPILE_SLICE_MS = 40;

/**
 * Holds MapLibre's drawing: its frames still load tiles and place labels, but draw nothing until
 * released. MapLibre has no public switch: its painter's `render` and `renderLayer` (MapLibre
 * 5–6) are replaced, and their absence fails loudly.
 */
function holdDrawing(map: MapLibreMap): HeldDrawing {
  const painter = (map as unknown as { painter?: Partial<Painter> }).painter;
  const gl = map.getCanvas().getContext('webgl2');
  if (
    !painter ||
    typeof painter.render !== 'function' ||
    typeof painter.renderLayer !== 'function'
  ) {
    throw new Error('this MapLibre version cannot hold its drawing; exports would be slow');
  }
  const p = painter as Painter;
  const { render, renderLayer } = p;
  // what the last held frame would have drawn with: the warm-up draws it
  let lastFrame: unknown[] | undefined;
  p.render = (...args) => {
    lastFrame = args;
  };
  return {
    release: () => {
      p.render = render;
    },
    compileShaders: async (signal) => {
      if (!gl || !lastFrame) return;
      const frameArgs = lastFrame;
      const drawn = new Set<string>();
      try {
        for (;;) {
          throwIfAborted(signal);
          const started = performance.now();
          let added = false;
          p.renderLayer = (...args) => {
            const key = `${args[4].currentPass} ${args[2].id}`;
            if (drawn.has(key) || performance.now() - started > COMPILE_SLICE_MS) return;
            drawn.add(key);
            added = true;
            renderLayer.apply(p, args);
          };
          // clipped to one pixel: the GPU runs the shaders but fills nothing
          gl.enable(gl.SCISSOR_TEST);
          gl.scissor(0, 0, 1, 1);
          try {
            render.apply(p, frameArgs);
          } finally {
            gl.disable(gl.SCISSOR_TEST);
          }
          if (!added) return;
          await new Promise((resolve) => setTimeout(resolve, 0));
        }
      } finally {
        p.renderLayer = renderLayer;
      }
    },
  };
}

/** A map of {@link openExportMap}: loaded, not drawn yet. */
interface OpenedMap {
  exportMap: ExportMap;
  drawing: HeldDrawing;
  /** Runs one frame and resolves once the map is idle and the GPU has drawn it. */
  frame: () => Promise<void>;
}

/**
 * The map of {@link createExportMap} with the fonts loaded at the time, resolved once its tiles
 * and the trains have loaded, drawing held ({@link holdDrawing}).
 */
async function openExportMap(opts: RenderOptions): Promise<OpenedMap> {
  const { signal, camera, raster: layout } = opts;
  const timeoutMs = opts.timeoutMs ?? 180_000;
  const theme = themeOf(opts.theme);
  // a task of its own: creating the WebGL context takes 100 ms under SwiftShader
  await new Promise((resolve) => setTimeout(resolve, 0));
  throwIfAborted(signal);

  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  Object.assign(container.style, {
    position: 'fixed',
    left: '0',
    top: '0',
    width: `${layout.cssWidth}px`,
    height: `${layout.cssHeight}px`,
    visibility: 'hidden',
    pointerEvents: 'none',
    zIndex: '-1',
  });
  document.body.append(container);
  let map: MapLibreMap | undefined;
  try {
    map = new MapLibreMap({
      container,
      style: basemapStyle(opts.baseUrl ?? document.baseURI, {
        theme: theme.name,
        hideNames: stationNames(opts.route),
      }),
      center: camera.center,
      zoom: camera.zoom,
      bearing: camera.bearingDeg,
      pixelRatio: layout.pixelRatio,
      maxCanvasSize: [16384, 16384],
      // no multisampling: MapLibre smooths its own edges in its shaders (a 1080p PNG with MSAA
      // differed from one without in 1 pixel), and MSAA made a 1080p PNG 1.6× and a 4K PNG 3×
      // slower in SwiftShader (bench)
      canvasContextAttributes: {
        preserveDrawingBuffer: true,
        antialias: false,
        alpha: true,
      },
      interactive: false,
      attributionControl: false,
      fadeDuration: 0,
      trackResize: false,
      renderWorldCopies: false,
    });
    const drawing = holdDrawing(map);
    opts.onProgress?.(0.1, 'style');
    await next(map, 'load', signal, timeoutMs);
    if (opts.transparent) {
      for (const layer of map.getStyle().layers) {
        if (layer.type === 'background') map.setPaintProperty(layer.id, 'background-opacity', 0);
      }
    }
    if (opts.basemapOnly) {
      for (const layer of map.getStyle().layers) {
        if (layer.type === 'symbol' || layer.type === 'circle')
          map.setLayoutProperty(layer.id, 'visibility', 'none');
      }
    } else {
      showRoute(map, opts.route, opts.routing, theme);
      setRouting(map, opts.routing, opts.showVariants);
      addTrainLayers(map, theme);
    }
    const m = map;
    // MapLibre's context, to wait for the GPU between tasks (gpuFinished) rather than in a read
    const gl = m.getCanvas().getContext('webgl2');
    const draw = async (moving: FeatureCollection | null, s = signal) => {
      throwIfAborted(s);
      const idle = next(m, 'idle', s, timeoutMs);
      if (moving && !opts.basemapOnly) updateTrains(m, moving);
      m.triggerRepaint();
      await idle;
      await gpuFinished(gl, s);
    };
    const view = async (
      cssWidth: number,
      cssHeight: number,
      pixelRatio: number,
      center: LngLatLike,
      s = signal,
    ) => {
      throwIfAborted(s);
      const idle = next(m, 'idle', s, timeoutMs);
      container.style.width = `${cssWidth}px`;
      container.style.height = `${cssHeight}px`;
      // resize to the new box first, so the canvas is never the old box at the new ratio
      m.resize();
      if (m.getPixelRatio() !== pixelRatio) m.setPixelRatio(pixelRatio);
      m.jumpTo({ center });
      m.triggerRepaint();
      await idle;
      await gpuFinished(gl, s);
    };
    opts.onProgress?.(0.3, 'map');
    await draw(opts.moving);
    return {
      exportMap: {
        map,
        canvas: map.getCanvas(),
        camera,
        layout,
        draw,
        view,
        remove: () => {
          m.remove();
          container.remove();
        },
      },
      drawing,
      frame: () => draw(null),
    };
  } catch (e) {
    map?.remove();
    container.remove();
    throw e;
  }
}

/** A 2D canvas of the given size (throws if the browser cannot allocate it). */
export function canvas2d(
  width: number,
  height: number,
): {
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
} {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx || canvas.width !== width || canvas.height !== height) {
    throw new Error(`cannot allocate a ${width} × ${height} px canvas`);
  }
  return { canvas, ctx };
}

/** Fails when a canvas is blank (one colour), sampled on a small copy. */
export function assertNotBlank(source: CanvasImageSource): void {
  const { ctx } = canvas2d(64, 36);
  ctx.drawImage(source, 0, 0, 64, 36);
  const data = ctx.getImageData(0, 0, 64, 36).data;
  const colours = new Set<number>();
  for (let i = 0; i < data.length; i += 4)
    colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
  if (colours.size < 3) throw new Error('the map rendered blank; nothing was exported');
}

let measuredSide: number | undefined;
let measuredArea: number | undefined;

/**
 * A drawing buffer every browser we draw in grants whole (2²⁴ px, 4096²; Chromium's cap is
 * 2²⁵): an export no larger is not probed for the cap, and {@link assertExactSize} still fails
 * loudly if a browser drew it smaller.
 */
const GRANTED_AREA_PX = 2 ** 24;

/**
 * What the GPU draws in one pass: the side is the smallest of WebGL's maximum texture size,
 * renderbuffer size and viewport (8192 in headless Chromium's SwiftShader, 16384 on most desktop
 * GPUs), read from a 1 × 1 context; the area is the largest drawing buffer the browser grants for
 * a square canvas of that side (Chromium scales larger ones down to 2²⁵ px), probed only for an
 * export of more than {@link GRANTED_AREA_PX} (`wantedPx`): allocating and dropping that canvas
 * cost 14 s of a 1080p PNG's 35 s under SwiftShader (scripts/profile-export.ts). Each is read
 * once, from a throwaway context.
 */
export function gpuLimit(wantedPx = Infinity): TileLimit {
  // a 1 × 1 context, resized for the area probe as MapLibre resizes its canvas (a context created
  // at 8192² reported the whole area, which a map canvas of 6000 × 8000 was then refused)
  const probe = () => {
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    const attrs = { antialias: false, depth: false, stencil: false };
    const gl =
      (canvas.getContext('webgl2', attrs) as WebGL2RenderingContext | null) ??
      (canvas.getContext('webgl', attrs) as WebGLRenderingContext | null);
    if (!gl) throw new Error('this browser has no WebGL: the map cannot be drawn');
    return { canvas, gl };
  };
  if (measuredSide === undefined) {
    const { gl } = probe();
    const viewport = gl.getParameter(gl.MAX_VIEWPORT_DIMS) as Int32Array;
    measuredSide = Math.min(
      gl.getParameter(gl.MAX_TEXTURE_SIZE) as number,
      gl.getParameter(gl.MAX_RENDERBUFFER_SIZE) as number,
      viewport[0]!,
      viewport[1]!,
    );
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  const sidePx = measuredSide;
  const granted = Math.min(GRANTED_AREA_PX, sidePx ** 2);
  if (wantedPx <= granted) return { sidePx, areaPx: granted };
  if (measuredArea === undefined) {
    const { canvas, gl } = probe();
    canvas.width = sidePx;
    canvas.height = sidePx;
    measuredArea = gl.drawingBufferWidth * gl.drawingBufferHeight;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
  }
  return { sidePx, areaPx: measuredArea };
}

/**
 * Makes MapLibre place every label again from scratch on the next frame. It places a label at the
 * anchor it had in the previous placement when that still fits, so the anchor a label gets
 * depends on the order the tiles arrived in (the same export could put "Taedong" above its dot or
 * beside it); placed once more without that history, once every tile is in, the same view always
 * gets the same labels. MapLibre has no public switch: its style's `placement` and
 * `pauseablePlacement` (MapLibre 5–6) are dropped, and their absence fails loudly.
 */
function placeAfresh(map: MapLibreMap): void {
  const style = map.style as unknown as { placement?: unknown; pauseablePlacement?: unknown };
  if (!('placement' in style) || !('pauseablePlacement' in style)) {
    throw new Error('this MapLibre version cannot place labels afresh; exports would differ');
  }
  style.placement = undefined;
  style.pauseablePlacement = undefined;
}

/**
 * Freezes what the map draws: from now on MapLibre neither places labels again nor changes the
 * set of tiles it draws, so moving the camera only moves the picture. Every label is then drawn
 * by the tile it was placed in, wherever the camera goes (a label near a tile edge is also in the
 * neighbouring tile, hidden there as a duplicate). MapLibre has no public switch for this; its
 * style's `_updatePlacement` and `_updateSources` (MapLibre 5–6) are replaced, and their absence
 * fails loudly.
 */
function freezeMap(map: MapLibreMap): void {
  const style = map.style as unknown as { _updatePlacement?: unknown; _updateSources?: unknown };
  if (typeof style._updatePlacement !== 'function' || typeof style._updateSources !== 'function') {
    throw new Error('this MapLibre version cannot keep its labels in place; tiled exports fail');
  }
  style._updatePlacement = () => false;
  style._updateSources = () => {};
}

/**
 * Draws a map too large for the GPU in tiles and stitches them into one canvas. MapLibre loads and
 * places labels once, for the whole view (a pass at a pixel ratio the GPU can draw: placement is
 * in CSS px, so the ratio does not change it), and the map is frozen ({@link freezeMap}); each
 * tile is then the same map moved so that its viewport is one part of the whole, drawn at the full
 * pixel ratio. The route, trains and labels are MapLibre's own, so a label across a seam is drawn
 * half by each tile, in place.
 */
async function renderTiles(
  opts: RenderOptions,
  tiles: MapTile[],
  limit: TileLimit,
): Promise<HTMLCanvasElement> {
  const { raster, signal } = opts;
  const width = Math.round(raster.cssWidth * raster.pixelRatio);
  const height = Math.round(raster.cssHeight * raster.pixelRatio);
  // the output first: if the browser cannot hold it, fail before drawing anything
  const out = canvas2d(width, height);
  const placementRatio = Math.min(
    1,
    (limit.sidePx - 1) / raster.cssWidth,
    (limit.sidePx - 1) / raster.cssHeight,
    Math.sqrt(limit.areaPx / (raster.cssWidth * raster.cssHeight)) * 0.99,
  );
  const exportMap = await createExportMap({
    ...opts,
    raster: { ...raster, pixelRatio: placementRatio },
    placeOnly: true,
    drawnLater: true,
    onProgress: (f, stage) => opts.onProgress?.(f * 0.3, stage),
  });
  try {
    const { map } = exportMap;
    const centers = tiles.map((t) =>
      map.unproject([t.cssLeft + t.cssWidth / 2, t.cssTop + t.cssHeight / 2]),
    );
    freezeMap(map);
    for (const [i, t] of tiles.entries()) {
      opts.onProgress?.(0.3 + (0.6 * i) / tiles.length, `tile ${i + 1}/${tiles.length}`);
      await exportMap.view(t.cssWidth, t.cssHeight, raster.pixelRatio, centers[i]!, signal);
      assertExactSize(
        map,
        Math.round(t.cssWidth * raster.pixelRatio),
        Math.round(t.cssHeight * raster.pixelRatio),
      );
      await copyDrawingBuffer(
        map.getCanvas(),
        out.ctx,
        { x: 0, y: 0, w: t.w, h: t.h },
        t.x,
        t.y,
        signal,
      );
    }
  } finally {
    exportMap.remove();
  }
  assertNotBlank(out.canvas);
  opts.onProgress?.(0.9, 'map');
  return out.canvas;
}

/**
 * Renders the map alone (no composition) offscreen and returns a 2D canvas copy of exactly
 * `width` × `height` pixels, and how many passes drew it: beyond the GPU's limit (or
 * `tileLimitPx`) it draws in tiles ({@link renderTiles}). The offscreen map is always removed.
 */
export async function renderMapCanvas(
  opts: RenderOptions,
): Promise<{ canvas: HTMLCanvasElement; tiles: number }> {
  const { raster } = opts;
  const width = Math.round(raster.cssWidth * raster.pixelRatio);
  const height = Math.round(raster.cssHeight * raster.pixelRatio);
  const gpu = gpuLimit(width * height);
  const sidePx = Math.min(opts.tileLimitPx ?? Infinity, gpu.sidePx);
  const limit = { sidePx, areaPx: Math.min(gpu.areaPx, sidePx ** 2) };
  const { tiles } = tileGrid(raster, width, height, limit);
  if (tiles.length > 1)
    return { canvas: await renderTiles(opts, tiles, limit), tiles: tiles.length };
  const exportMap = await createExportMap(opts);
  try {
    const { width: w, height: h } = exportMap.canvas;
    const { canvas, ctx } = canvas2d(w, h);
    await copyDrawingBuffer(exportMap.canvas, ctx, { x: 0, y: 0, w, h }, 0, 0, opts.signal);
    assertNotBlank(canvas);
    opts.onProgress?.(0.9, 'map');
    return { canvas, tiles: 1 };
  } finally {
    exportMap.remove();
  }
}
