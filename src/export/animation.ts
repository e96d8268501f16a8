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
import { chartFrame, loadChartFonts } from './chart-panel';
import { compositionPadding, drawComposition, loadCompositionFonts } from './compose';
import type { ExportResult } from './image';
import { canvas2d, createExportMap, type ExportMap } from './render';
import { provenanceOf, throwIfAborted, type VideoFormat, type ExportCommon } from './types';
import { rasterLayout } from './view';

/** An animation export: frame `i` shows the instant `range[0] + (range[1] − range[0]) · i / (n − 1)`. */
export interface AnimationExportOptions extends ExportCommon {
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
}

/** Frame rates and lengths the animation export accepts. */
export const ANIMATION_LIMITS = { minFps: 1, maxFps: 60, maxDurationS: 600, maxFrames: 36_000 };

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

function validate(opts: AnimationExportOptions): void {
  const { fps, durationS, width, height } = opts;
  const { minFps, maxFps, maxDurationS, maxFrames } = ANIMATION_LIMITS;
  if (!(fps >= minFps && fps <= maxFps))
    throw new Error(`frame rate must be ${minFps}–${maxFps} fps`);
  if (!(durationS > 0 && durationS <= maxDurationS)) {
    throw new Error(`duration must be more than 0 and at most ${maxDurationS} s`);
  }
  if (Math.round(fps * durationS) > maxFrames) throw new Error(`at most ${maxFrames} frames`);
  if (!(opts.range[1] >= opts.range[0])) throw new Error('the time range ends before it starts');
  if (opts.format !== 'gif' && (width % 2 || height % 2)) {
    throw new Error(`video width and height must be even, got ${width} × ${height}`);
  }
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

async function videoSink(
  opts: AnimationExportOptions,
  canvas: HTMLCanvasElement,
): Promise<FrameSink> {
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

function gifSink(opts: AnimationExportOptions, frames: number): FrameSink {
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
 */
export async function exportAnimation(opts: AnimationExportOptions): Promise<ExportResult> {
  validate(opts);
  const times = frameTimes(opts.range, opts.fps, opts.durationS);
  const layout = rasterLayout(opts.width, opts.height, opts.pixelRatio);
  const frameMs = 1000 / opts.fps;
  // with the chart option the map takes part of the frame; only the chart's cursor moves per frame
  const chart = chartFrame(opts);
  const map = rasterLayout(
    chart?.mapWidth ?? opts.width,
    chart?.mapHeight ?? opts.height,
    layout.pixelRatio,
  );
  await loadCompositionFonts({
    ...opts.text,
    caption: `${opts.captionAt(times[0]!)} ${opts.captionAt(times.at(-1)!)}`,
  });
  if (chart) await loadChartFonts(chart.panel);
  throwIfAborted(opts.signal);
  const { canvas, ctx } = canvas2d(opts.width, opts.height);
  let exportMap: ExportMap | undefined;
  let sink: FrameSink | undefined;
  setNow(0);
  try {
    exportMap = await createExportMap({
      width: map.cssWidth * layout.pixelRatio,
      height: map.cssHeight * layout.pixelRatio,
      pixelRatio: layout.pixelRatio,
      route: opts.route,
      moving: opts.movingAt(times[0]!),
      routing: opts.moment.routing,
      view: opts.view,
      padding: compositionPadding(map.cssWidth, map.cssHeight),
      ...(opts.showVariants === undefined ? {} : { showVariants: opts.showVariants }),
      ...(opts.theme ? { theme: opts.theme } : {}),
      ...(opts.baseUrl ? { baseUrl: opts.baseUrl } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
    sink = opts.format === 'gif' ? gifSink(opts, times.length) : await videoSink(opts, canvas);
    for (let i = 0; i < times.length; i++) {
      throwIfAborted(opts.signal);
      const t = times[i]!;
      setNow(i * frameMs);
      await exportMap.draw(opts.movingAt(t), opts.signal);
      ctx.drawImage(exportMap.canvas, 0, 0);
      drawComposition(ctx, exportMap.camera, layout.pixelRatio, {
        ...opts.text,
        caption: opts.captionAt(t),
      });
      chart?.panel.draw(ctx, layout.pixelRatio, t);
      await sink.add(i, ctx);
      opts.onProgress?.((i + 1) / (times.length + 1), `frame ${i + 1}/${times.length}`);
    }
    throwIfAborted(opts.signal);
    const result = await sink.finish();
    opts.onProgress?.(1, 'done');
    return result;
  } catch (e) {
    await sink?.cancel().catch(() => {});
    throw e;
  } finally {
    restoreNow();
    exportMap?.remove();
  }
}
