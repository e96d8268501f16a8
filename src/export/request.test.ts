import { describe, expect, it } from 'vitest';
import {
  EXPORT_DEFAULTS,
  exportFileName,
  ExportRequestError,
  MAX_TITLE_CHARS,
  resolveRequest,
} from './request';

describe('resolveRequest', () => {
  it('resolveRequest({format}) gives the one set of defaults: the 16:9 preset, 10 s at 10 fps', () => {
    const r = resolveRequest({ format: 'webm' });
    expect(r).toMatchObject({ preset: '16:9', width: 1920, height: 1080, fps: 10, durationS: 10 });
    expect(r.claims).toBe(EXPORT_DEFAULTS.claims);
  });

  it('resolveRequest takes the size from a preset, or from width and height as a custom size', () => {
    expect(resolveRequest({ format: 'png', preset: 'a4-portrait' })).toMatchObject({
      width: 2480,
      height: 3508,
    });
    expect(resolveRequest({ format: 'png', width: 640, height: 360 })).toMatchObject({
      preset: 'custom',
      width: 640,
      height: 360,
    });
  });

  it('resolveRequest accepts 12,000 × 8,000 px, beyond the GPU (it is drawn in tiles)', () => {
    expect(resolveRequest({ format: 'png', width: 12_000, height: 8_000 })).toMatchObject({
      width: 12_000,
      height: 8_000,
    });
    expect(resolveRequest({ format: 'png', tileLimitPx: 1024 }).tileLimitPx).toBe(1024);
  });

  it('resolveRequest refuses a 30,000-character title at once instead of laying it out', () => {
    const started = performance.now();
    expect(() => resolveRequest({ format: 'png', title: 'x'.repeat(30_000) })).toThrow(
      new RegExp(`at most ${MAX_TITLE_CHARS} characters`),
    );
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it.each([
    [{ format: 'png', width: 20_000, height: 100 }, /16384/],
    [{ format: 'webm', width: 641, height: 360 }, /even/],
    [{ format: 'jpeg', quality: 2 }, /quality/],
    [{ format: 'gif', fps: 0 }, /frame rate/],
    [{ format: 'mp4', durationS: 601 }, /duration/],
    [{ format: 'gif', fromMs: 2, toMs: 1 }, /ends before it starts/],
    [{ format: 'jpeg', transparent: true }, /PNG/],
    [{ format: 'png', preset: 'postcard' }, /unknown preset/],
    [{ format: 'png', width: 16_384, height: 16_384 }, /100 million pixels/],
    [{ format: 'png', tileLimitPx: 100 }, /tile limit/],
  ] as const)('resolveRequest(%j) is refused with a reason', (request, message) => {
    expect(() => resolveRequest(request as never)).toThrow(ExportRequestError);
    expect(() => resolveRequest(request as never)).toThrow(message);
  });
});

describe('exportFileName', () => {
  it('exportFileName uses the local date of the moment shown, not the UTC one', () => {
    // 2 Sep 01:30 in Pyongyang (UTC+9) is still 1 Sep in UTC
    const t = Date.UTC(2025, 8, 1, 16, 30);
    expect(exportFileName(t, 540, 1920, 1080, 'png')).toBe(
      'journey-map-2025-09-02T0130-1920x1080.png',
    );
    expect(exportFileName(t, 0, 640, 360, 'jpeg')).toBe('journey-map-2025-09-01T1630-640x360.jpg');
  });
});
