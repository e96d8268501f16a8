import { restoreNow, setNow } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import { applyPalette, GIFEncoder, quantize } from 'gifenc';
import {
  BufferTarget,
  CanvasSource,
  canEncodeVideo,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  type VideoCodec,
} from 'mediabunny';
import {
  canvasMeasure,
  composeScene,
  chartPanelOf,
  decorationsOf,
  FAMILY,
  loadCompositionFonts,
  sceneTexts,
  withCaption,
  type Scene,
} from './composition';
import type { ExportResult } from './dispatch';
import type { RunControl } from './image';
import { locatorPainter } from './locator-map';
import { drawPrims } from './prims-canvas';
import { canvas2d, createExportMap, type ExportMap } from './render';
import { provenanceOf, throwIfAborted, type CompositionText, type VideoFormat } from './types';
import {
  closeZoom,
  FOLLOW,
  followCamera,
  followPlan,
  lookAheadCentre,
  type FollowSample,
} from './follow';
import type { Layout } from './layout';
import { drawnGeometry } from './scene';

/** An animation export: frame `i` shows the instant `range[0] + (range[1] − range[0]) · i / (n − 1)`. */
export interface AnimationRun extends RunControl {
  format: VideoFormat | 'gif';
  /** Frames per second of the output. */
  fps: number;
  /** Length of the output, seconds; the frame count is `round(durationS × fps)`. */
  durationS: number;
  /** The journey time shown, UTC ms, first and last frame. */
  range: [number, number];
  /** Trains and trail at an instant (UTC ms). */
  movingAt: (tMs: number) => FeatureCollection;
  /** The caption (clock) at an instant (UTC ms). */
  captionAt: (tMs: number) => string;
  /** The camera follows the main train, close at departure and arrival, wider between. */
  follow?: boolean;
}

/** What the encoders are given. */
type SinkOptions = AnimationRun & { width: number; height: number; text: CompositionText };

/** The journey instant of every frame: evenly spaced, first and last frames on the range ends. */
export function frameTimes(range: [number, number], fps: number, durationS: number): number[] {
  const n = Math.max(1, Math.round(durationS * fps));
  const [from, to] = range;
  return Array.from({ length: n }, (_, i) => (n === 1 ? from : from + ((to - from) * i) / (n - 1)));
}

/**
 * GIF frame delays in ms (whole centiseconds, as GIF stores them) whose running sum stays within
 * 5 ms of `i × 1000 / fps`, so the GIF keeps the asked duration at any frame rate.
 */
export function gifDelays(frames: number, fps: number): number[] {
  const at = (i: number) => Math.round((i * 100) / fps) * 10;
  return Array.from({ length: frames }, (_, i) => at(i + 1) - at(i));
}

function validate(opts: SinkOptions): void {
  if (!(opts.range[1] >= opts.range[0])) throw new Error('the time range ends before it starts');
  if (opts.format !== 'gif' && (opts.width % 2 || opts.height % 2)) {
    throw new Error(`video width and height must be even, got ${opts.width} × ${opts.height}`);
  }
}

/** Where the main train is in a frame's moving features. */
function mainTrain(moving: FeatureCollection): [number, number] | null {
  for (const f of moving.features) {
    if (f.geometry?.type === 'Point' && f.properties?.main) {
      return [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!];
    }
  }
  return null;
}

/** How far ahead the follow camera looks: `FOLLOW.leadShare` of the clip's span of time. */
const leadMs = (times: number[]): number =>
  times.length > 1 ? (times.at(-1)! - times[0]!) * FOLLOW.leadShare : 0;

/** The panels floating over the map (not in a band beside it). */
const floatingPanels = (layout: Layout) =>
  layout.panels.filter((p) => !p.banded).map((p) => p.rect);

/**
 * The follow camera for a clip (`followPlan`): whether it looks ahead, the cruise zoom (the main
 * line near the train in frame and clear of the panels; ≤ 200 frames sampled), and the zooms it
 * closes in to at departure and arrival (≤ 50 frames of each ease sampled).
 */
function followZoomsOf(
  scene: Scene,
  layout: Layout,
  times: number[],
  movingAt: (tMs: number) => FeatureCollection,
): { lookAhead: boolean; cruise: number; start: number; end: number } {
  const lead = leadMs(times);
  const samplesAt = (ts: number[]) => {
    const step = Math.max(1, Math.ceil(ts.length / (ts.length > 200 ? 200 : 50)));
    return ts
      .filter((_, i) => i % step === 0 || i === ts.length - 1)
      .flatMap((t): FollowSample[] => {
        const train = mainTrain(movingAt(t));
        return train ? [{ train, ahead: lead > 0 ? mainTrain(movingAt(t + lead)) : null }] : [];
      });
  };
  const { lines } = drawnGeometry(scene.route, scene.routing, false);
  const panels = floatingPanels(layout);
  const plan = followPlan(layout.camera, layout.area, lines, samplesAt(times), panels);
  const easeN = Math.max(1, Math.ceil(times.length * FOLLOW.easeShare));
  const close = (ts: number[]) => {
    const frames = samplesAt(ts).map((s) => ({
      train: s.train,
      centre: plan.lookAhead ? lookAheadCentre(s.train, s.ahead) : s.train,
    }));
    return closeZoom(layout.camera, layout.area, lines, frames, plan.cruise, panels);
  };
  return {
    lookAhead: plan.lookAhead,
    cruise: plan.cruise,
    start: close(times.slice(0, easeN)),
    end: close(times.slice(-easeN)),
  };
}

/** The first codec the browser's WebCodecs encoder accepts for the container at this size. */
async function chooseCodec(
  format: VideoFormat,
  width: number,
  height: number,
  fps: number,
): Promise<VideoCodec> {
  if (typeof VideoEncoder === 'undefined') {
    throw new Error(
      'this browser has no WebCodecs VideoEncoder (it needs a secure context); export a GIF instead',
    );
  }
  const candidates: VideoCodec[] = format === 'mp4' ? ['avc'] : ['vp9', 'vp8'];
  for (const codec of candidates) {
    if (await canEncodeVideo(codec, { width, height, frameRate: fps, quality: QUALITY_HIGH }))
      return codec;
  }
  throw new Error(
    format === 'mp4'
      ? `this browser cannot encode H.264 at ${width} × ${height}; choose WebM`
      : `this browser cannot encode VP9 or VP8 at ${width} × ${height}`,
  );
}

/** Receives composed frames and returns the encoded file at the end. */
interface FrameSink {
  add(i: number, ctx: CanvasRenderingContext2D): Promise<void>;
  finish(): Promise<ExportResult>;
  cancel(): Promise<void>;
}

async function videoSink(opts: SinkOptions, canvas: HTMLCanvasElement): Promise<FrameSink> {
  const format = opts.format === 'mp4' ? 'mp4' : 'webm';
  const codec = await chooseCodec(format, opts.width, opts.height, opts.fps);
  const target = new BufferTarget();
  const output = new Output({
    format:
      format === 'mp4' ? new Mp4OutputFormat({ fastStart: 'in-memory' }) : new WebMOutputFormat(),
    target,
  });
  const source = new CanvasSource(canvas, { codec, quality: QUALITY_HIGH, keyFrameInterval: 2 });
  output.addVideoTrack(source, { frameRate: opts.fps });
  const p = provenanceOf(opts.moment, opts.text.title);
  output.setMetadataTags({
    title: p.title,
    description: p.description,
    comment: `${p.journey}; ${p.scenario}; from ${new Date(opts.range[0]).toISOString()} to ${new Date(opts.range[1]).toISOString()}; reopen: ${p.sourceUrl}`,
    date: new Date(),
  });
  await output.start();
  return {
    add: (i) => source.add(i / opts.fps, 1 / opts.fps),
    finish: async () => {
      await output.finalize();
      if (!target.buffer) throw new Error('the video encoder produced no file');
      const mime = format === 'mp4' ? 'video/mp4' : 'video/webm';
      return {
        blob: new Blob([target.buffer], { type: mime }),
        mime,
        width: opts.width,
        height: opts.height,
      };
    },
    cancel: async () => {
      if (output.state !== 'finalized' && output.state !== 'canceled') await output.cancel();
    },
  };
}

/**
 * Inserts a GIF Comment Extension (ASCII text in ≤255-byte sub-blocks) before the trailer, where
 * GIF keeps free-text metadata; characters outside ASCII are replaced by "?".
 */
export function withGifComment(gif: Uint8Array, comment: string): Uint8Array<ArrayBuffer> {
  if (gif[gif.length - 1] !== 0x3b) throw new Error('GIF has no trailer');
  const text = Uint8Array.from(comment, (c) => (c.charCodeAt(0) < 0x80 ? c.charCodeAt(0) : 0x3f));
  const blocks: number[] = [0x21, 0xfe];
  for (let i = 0; i < text.length; i += 255) {
    const part = text.subarray(i, i + 255);
    blocks.push(part.length, ...part);
  }
  blocks.push(0x00);
  const out = new Uint8Array(gif.length + blocks.length);
  out.set(gif.subarray(0, gif.length - 1), 0);
  out.set(blocks, gif.length - 1);
  out[out.length - 1] = 0x3b;
  return out;
}

function gifSink(opts: SinkOptions, frames: number): FrameSink {
  const gif = GIFEncoder();
  const delays = gifDelays(frames, opts.fps);
  return {
    add: async (i, ctx) => {
      const { data } = ctx.getImageData(0, 0, opts.width, opts.height);
      const palette = quantize(data, 256);
      const index = applyPalette(data, palette);
      gif.writeFrame(index, opts.width, opts.height, {
        palette,
        delay: delays[i] ?? 100,
        repeat: 0,
      });
    },
    finish: async () => {
      gif.finish();
      const p = provenanceOf(opts.moment, opts.text.title);
      const comment = [
        p.title,
        p.description,
        p.journey,
        p.scenario,
        `Reopen: ${p.sourceUrl}`,
        p.software,
      ].join('\n');
      const bytes = withGifComment(gif.bytes(), comment);
      return {
        blob: new Blob([bytes], { type: 'image/gif' }),
        mime: 'image/gif',
        width: opts.width,
        height: opts.height,
      };
    },
    cancel: async () => {},
  };
}

/**
 * Exports the journey over a time range as WebM/MP4 (WebCodecs through mediabunny) or GIF
 * (gifenc), frame-exact: each frame sets the trains for its instant, freezes MapLibre's clock with
 * `setNow`, waits until the map has fully drawn, burns in the clock caption and encodes the frame.
 * The layout is made once (with the widest caption), so nothing but the caption's text and, with
 * the follow camera, the map moves between frames.
 */
export async function exportAnimation(scene: Scene, run: AnimationRun): Promise<ExportResult> {
  const opts: SinkOptions = { ...run, width: scene.width, height: scene.height, text: scene.text };
  validate(opts);
  const times = frameTimes(run.range, run.fps, run.durationS);
  const frameMs = 1000 / run.fps;
  const captions = [times[0]!, times[Math.floor(times.length / 2)]!, times.at(-1)!].map(
    run.captionAt,
  );
  await loadCompositionFonts([...sceneTexts(scene), ...captions]);
  throwIfAborted(run.signal);
  const measure = canvasMeasure();
  const widest = captions.reduce((a, b) => (measure(b, 20, true) > measure(a, 20, true) ? b : a));
  const base = { ...scene, text: { ...scene.text, caption: widest } };
  const follow = run.follow ?? false;
  // a follow camera keeps the train in the middle of the map; the panels keep to the corners
  const { layout } = composeScene(
    follow ? { ...base, route: { ...base.route, features: [] } } : base,
    measure,
  );
  const chart = await chartPanelOf(scene, layout);
  const locator = await locatorPainter(scene, layout, scene.raster.pixelRatio, run);
  const { canvas, ctx } = canvas2d(scene.width, scene.height);
  let exportMap: ExportMap | undefined;
  let sink: FrameSink | undefined;
  setNow(0);
  try {
    const firstMoving = run.movingAt(times[0]!);
    const zooms = follow ? followZoomsOf(scene, layout, times, run.movingAt) : null;
    const lead = leadMs(times);
    const cameraAt = (i: number, moving: FeatureCollection) => {
      const train = mainTrain(moving);
      if (!zooms || !train) return layout.camera;
      const k = times.length > 1 ? i / (times.length - 1) : 0;
      const endZoom = k < 0.5 ? zooms.start : zooms.end;
      const ahead = zooms.lookAhead && lead > 0 ? mainTrain(run.movingAt(times[i]! + lead)) : null;
      const centre = lookAheadCentre(train, ahead);
      return followCamera(layout.camera, centre, k, zooms.cruise, layout.area, endZoom);
    };
    exportMap = await createExportMap({
      raster: scene.raster,
      camera: cameraAt(0, firstMoving),
      route: scene.route,
      moving: firstMoving,
      routing: scene.routing,
      showVariants: scene.showVariants,
      theme: scene.theme,
      ...(run.baseUrl ? { baseUrl: run.baseUrl } : {}),
      ...(run.signal ? { signal: run.signal } : {}),
    });
    sink = run.format === 'gif' ? gifSink(opts, times.length) : await videoSink(opts, canvas);
    for (let i = 0; i < times.length; i++) {
      throwIfAborted(run.signal);
      const t = times[i]!;
      setNow(i * frameMs);
      const moving = i === 0 ? firstMoving : run.movingAt(t);
      const cam = cameraAt(i, moving);
      if (follow)
        exportMap.map.jumpTo({ center: cam.center, zoom: cam.zoom, bearing: cam.bearingDeg });
      await exportMap.draw(moving, run.signal);
      ctx.drawImage(exportMap.canvas, 0, 0);
      const frameLayout = { ...withCaption(layout, run.captionAt(t), measure), camera: cam };
      drawPrims(ctx, decorationsOf(scene, frameLayout), scene.raster.pixelRatio, FAMILY, {
        ...(chart ? { chart: (c) => chart.draw(c, scene.raster.pixelRatio, t) } : {}),
        ...(locator ? { locator } : {}),
      });
      await sink.add(i, ctx);
      run.onProgress?.((i + 1) / (times.length + 1), `frame ${i + 1}/${times.length}`);
    }
    throwIfAborted(run.signal);
    const result = await sink.finish();
    run.onProgress?.(1, 'done');
    return result;
  } catch (e) {
    await sink?.cancel().catch(() => {});
    throw e;
  } finally {
    restoreNow();
    exportMap?.remove();
  }
}
