import { describe, expect, it } from 'vitest';
import { watchContext, webglAvailable } from './webgl';

const docWith = (getContext: (kind: string) => unknown) =>
  ({ createElement: () => ({ getContext }) }) as unknown as Document;

describe('webglAvailable', () => {
  it('webglAvailable() is false when neither webgl2 nor webgl gives a context', () => {
    expect(webglAvailable(docWith(() => null))).toBe(false);
  });

  it('webglAvailable() is true with WebGL 1 only, and releases the probe context', () => {
    let released = false;
    const gl = { getExtension: () => ({ loseContext: () => (released = true) }) };
    expect(webglAvailable(docWith((kind) => (kind === 'webgl' ? gl : null)))).toBe(true);
    expect(released).toBe(true);
  });

  it('webglAvailable() is false when getContext throws', () => {
    expect(
      webglAvailable(
        docWith(() => {
          throw new Error('blocked');
        }),
      ),
    ).toBe(false);
  });
});

describe('watchContext', () => {
  it('watchContext reports lost then ok, and stops after cleanup', () => {
    const canvas = new EventTarget() as unknown as HTMLCanvasElement;
    const seen: string[] = [];
    const stop = watchContext({ getCanvas: () => canvas }, (s) => seen.push(s));
    canvas.dispatchEvent(new Event('webglcontextlost'));
    canvas.dispatchEvent(new Event('webglcontextrestored'));
    stop();
    canvas.dispatchEvent(new Event('webglcontextlost'));
    expect(seen).toEqual(['lost', 'ok']);
  });
});
