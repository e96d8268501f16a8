import { describe, expect, it } from 'vitest';
import { cssLayoutFor, PRESETS, sizeProblem } from './presets';

describe('presets', () => {
  it('cssLayoutFor lays Full HD, 4K and 8K out at the same 1280 × 720 CSS px', () => {
    expect(cssLayoutFor(1920, 1080)).toEqual({ cssWidth: 1280, cssHeight: 720, pixelRatio: 1.5 });
    expect(cssLayoutFor(3840, 2160)).toEqual({ cssWidth: 1280, cssHeight: 720, pixelRatio: 3 });
    expect(cssLayoutFor(7680, 4320)).toEqual({ cssWidth: 1280, cssHeight: 720, pixelRatio: 6 });
  });

  it('cssLayoutFor always yields exactly the asked size', () => {
    const sizes = [
      [3841, 2161],
      [5000, 3000],
      [640, 360],
      [7679, 4319],
      [1, 1],
      [12000, 8000],
      [16384, 3],
      ...Object.values(PRESETS).map((p) => [p.width, p.height]),
    ];
    for (const [w, h] of sizes) {
      const l = cssLayoutFor(w!, h!);
      expect(Math.round(l.cssWidth * l.pixelRatio), `${w}×${h}`).toBe(w);
      expect(Math.round(l.cssHeight * l.pixelRatio), `${w}×${h}`).toBe(h);
    }
  });

  it('cssLayoutFor rejects sizes that are not whole pixels', () => {
    expect(() => cssLayoutFor(0, 10)).toThrow();
    expect(() => cssLayoutFor(10.5, 10)).toThrow();
  });

  it('every preset is accepted by the one size check for PNG and its paper sizes are 300 dpi', () => {
    for (const p of Object.values(PRESETS))
      expect(sizeProblem(p.width, p.height, 'png')).toBeNull();
    // A4 is 210 × 297 mm, Letter 8.5 × 11 in
    expect(PRESETS['a4-portrait'].width).toBe(Math.round((210 / 25.4) * 300));
    expect(PRESETS['a4-portrait'].height).toBe(Math.round((297 / 25.4) * 300));
    expect(PRESETS['letter-landscape']).toMatchObject({ width: 3300, height: 2550 });
  });

  it('sizeProblem names the limit that a size breaks', () => {
    expect(sizeProblem(12000, 8000, 'png')).toBeNull();
    expect(sizeProblem(16385, 100, 'png')).toMatch(/16384/);
    expect(sizeProblem(12000, 9000, 'png')).toMatch(/million pixels/);
    expect(sizeProblem(641, 360, 'webm')).toMatch(/even/);
    expect(sizeProblem(5000, 4000, 'gif')).toMatch(/4096/);
    expect(sizeProblem(0, 10, 'svg')).toMatch(/whole numbers/);
  });
});
