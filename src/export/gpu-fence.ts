import { throwIfAborted } from './types';

/**
 * Resolves once the GPU has run every command issued so far on `gl`, without blocking the page:
 * a WebGL 2 fence, polled between tasks. Without it, the first call that needs the pixels (a
 * `drawImage` of the map's canvas) or a context loss (MapLibre's `remove()`) waits for the whole
 * drawing inside one task: under SwiftShader a 4K map took the page 10–20 s. WebGL 1 has no
 * fences: it resolves at once. Gives up waiting after `maxMs` (the next read then waits as before).
 */
export async function gpuFinished(
  gl: WebGL2RenderingContext | null,
  signal?: AbortSignal,
  maxMs = 180_000,
): Promise<void> {
  if (!gl || gl.isContextLost()) return;
  const sync = gl.fenceSync(gl.SYNC_GPU_COMMANDS_COMPLETE, 0);
  if (!sync) return;
  gl.flush();
  const start = performance.now();
  try {
    // the fence's status is updated between tasks, never within one
    while (gl.getSyncParameter(sync, gl.SYNC_STATUS) !== gl.SIGNALED) {
      throwIfAborted(signal);
      if (gl.isContextLost() || performance.now() - start > maxMs) return;
      await new Promise((resolve) => setTimeout(resolve, 16));
    }
  } finally {
    gl.deleteSync(sync);
  }
}
