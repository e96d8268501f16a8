import { gpuFinished } from './gpu-fence';
import { throwIfAborted } from './types';

/** A part of a WebGL canvas, top-left origin, device px. */
export interface CanvasRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Bytes read back per task: about 12–28 ms of the page under SwiftShader. */
const STRIP_BYTES = 8 * 2 ** 20;

/**
 * Copies the part `from` of a WebGL canvas's drawing buffer into `ctx` at (`toX`, `toY`)
 * without blocking the page: the pixels are read into a buffer on the GPU side, waited for with a
 * fence ({@link gpuFinished}), then fetched and put in strips of about 8 MB, one task each. A
 * `drawImage` of the canvas reads the whole buffer back inside one task (a 4K map: 250–360 ms).
 * The buffer holds premultiplied colours (WebGL's default), which are turned back into the
 * straight ones `putImageData` takes; opaque pixels are copied as they are. Without WebGL 2 (no
 * pixel buffers) it falls back to `drawImage`.
 */
export async function copyDrawingBuffer(
  canvas: HTMLCanvasElement,
  ctx: CanvasRenderingContext2D,
  from: CanvasRect,
  toX = 0,
  toY = 0,
  signal?: AbortSignal,
): Promise<void> {
  // the canvas's own context, when it is WebGL 2 (null for WebGL 1)
  const gl = canvas.getContext('webgl2');
  if (!gl || gl.isContextLost()) {
    ctx.drawImage(canvas, from.x, from.y, from.w, from.h, toX, toY, from.w, from.h);
    return;
  }
  const { x, y, w, h } = from;
  const rowBytes = w * 4;
  const buffer = gl.createBuffer();
  if (!buffer) throw new Error('the GPU could not allocate a buffer to read the map back');
  try {
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
    gl.bufferData(gl.PIXEL_PACK_BUFFER, rowBytes * h, gl.STREAM_READ);
    // WebGL's rows run bottom to top
    gl.readPixels(x, gl.drawingBufferHeight - y - h, w, h, gl.RGBA, gl.UNSIGNED_BYTE, 0);
    gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
    await gpuFinished(gl, signal);
    const rows = Math.max(1, Math.min(h, Math.floor(STRIP_BYTES / rowBytes)));
    const strip = new Uint8Array(rowBytes * rows);
    for (let top = 0; top < h; top += rows) {
      throwIfAborted(signal);
      const n = Math.min(rows, h - top);
      // the strip's rows in the buffer: the last row of the strip comes first
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, buffer);
      gl.getBufferSubData(gl.PIXEL_PACK_BUFFER, (h - top - n) * rowBytes, strip, 0, n * rowBytes);
      gl.bindBuffer(gl.PIXEL_PACK_BUFFER, null);
      const image = new ImageData(w, n);
      for (let r = 0; r < n; r++) {
        image.data.set(strip.subarray((n - 1 - r) * rowBytes, (n - r) * rowBytes), r * rowBytes);
      }
      unpremultiply(image.data);
      ctx.putImageData(image, toX, toY + top);
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  } finally {
    gl.deleteBuffer(buffer);
  }
}

/** Turns premultiplied RGBA into straight RGBA in place (opaque and empty pixels unchanged). */
export function unpremultiply(data: Uint8ClampedArray): void {
  for (let i = 3; i < data.length; i += 4) {
    const a = data[i]!;
    if (a === 255 || a === 0) continue;
    const k = 255 / a;
    data[i - 3] = data[i - 3]! * k;
    data[i - 2] = data[i - 2]! * k;
    data[i - 1] = data[i - 1]! * k;
  }
}
