import { describe, expect, it } from 'vitest';
import { gpuFinished } from './gpu-fence';

const SIGNALED = 0x9119;
const UNSIGNALED = 0x9118;

/** A WebGL 2 context whose fence signals after `polls` status reads, recording the calls. */
function fencedGl(polls: number) {
  const calls: string[] = [];
  let reads = 0;
  const gl = {
    SYNC_GPU_COMMANDS_COMPLETE: 0x9117,
    SYNC_STATUS: 0x9114,
    SIGNALED,
    isContextLost: () => false,
    fenceSync: () => (calls.push('fenceSync'), {}),
    flush: () => void calls.push('flush'),
    getSyncParameter: () => (++reads > polls ? SIGNALED : UNSIGNALED),
    deleteSync: () => void calls.push('deleteSync'),
  };
  return { gl: gl as unknown as WebGL2RenderingContext, calls, reads: () => reads };
}

describe('gpuFinished', () => {
  it('flushes, polls the fence between tasks until the GPU is done, and deletes it', async () => {
    const { gl, calls, reads } = fencedGl(3);
    await gpuFinished(gl);
    expect(reads()).toBe(4);
    expect(calls).toEqual(['fenceSync', 'flush', 'deleteSync']);
  });

  it('resolves at once without a WebGL 2 context', async () => {
    await expect(gpuFinished(null)).resolves.toBeUndefined();
  });

  it('stops waiting when the export is cancelled, and still deletes the fence', async () => {
    const { gl, calls } = fencedGl(Infinity);
    const controller = new AbortController();
    const waiting = gpuFinished(gl, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toThrow(/cancel/i);
    expect(calls.at(-1)).toBe('deleteSync');
  });

  it('gives up after maxMs, leaving the wait to the next read', async () => {
    const { gl, calls } = fencedGl(Infinity);
    await gpuFinished(gl, undefined, 30);
    expect(calls.at(-1)).toBe('deleteSync');
  });
});
