import { describe, expect, it } from 'vitest';
import { arrowSdf } from './train-arrow';

const alphaAt = (img: ReturnType<typeof arrowSdf>, x: number, y: number) =>
  img.data[(y * img.width + x) * 4 + 3]!;

describe('arrowSdf()', () => {
  const img = arrowSdf(64);

  it('arrowSdf() is opaque inside the arrow and clear far outside it', () => {
    // the arrow's body, a little below its centre
    expect(alphaAt(img, 32, 40)).toBeGreaterThan(192);
    expect(alphaAt(img, 0, 0)).toBe(0);
    expect(alphaAt(img, 63, 63)).toBe(0);
  });

  it('arrowSdf() puts the edge (alpha 192) on the tip and falls by 1/8 per px outside it', () => {
    // the tip is at (0, -21) from the centre: pixel row 11 holds it, each row above is 1 px further
    const tipRow = 32 - 21;
    const above = [1, 2, 3].map((k) => alphaAt(img, 31, tipRow - k) + alphaAt(img, 32, tipRow - k));
    for (let i = 1; i < above.length; i++) expect(above[i]).toBeLessThan(above[i - 1]!);
    expect(alphaAt(img, 32, tipRow - 4)).toBeLessThan(192 - 3 * 32 + 16);
    expect(alphaAt(img, 32, tipRow - 4)).toBeGreaterThan(192 - 5 * 32 - 16);
  });

  it('arrowSdf() leaves room for a 6 px halo on every side', () => {
    for (let k = 0; k < 64; k++) {
      expect(alphaAt(img, k, 0)).toBe(0);
      expect(alphaAt(img, 0, k)).toBe(0);
      expect(alphaAt(img, k, 63)).toBe(0);
      expect(alphaAt(img, 63, k)).toBe(0);
    }
  });
});
