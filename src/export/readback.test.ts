import { describe, expect, it } from 'vitest';
import { unpremultiply } from './readback';

describe('unpremultiply', () => {
  it('divides the colour of a half-transparent pixel by its alpha, rounded', () => {
    const data = new Uint8ClampedArray([64, 32, 0, 128]);
    unpremultiply(data);
    expect([...data]).toEqual([128, 64, 0, 128]);
  });

  it('leaves opaque and empty pixels as they are', () => {
    const data = new Uint8ClampedArray([10, 20, 30, 255, 0, 0, 0, 0]);
    unpremultiply(data);
    expect([...data]).toEqual([10, 20, 30, 255, 0, 0, 0, 0]);
  });

  it('undoes what premultiplying did for every colour and alpha a canvas holds', () => {
    for (let a = 1; a < 255; a += 7) {
      for (let c = 0; c <= 255; c += 5) {
        const premultiplied = Math.round((c * a) / 255);
        const data = new Uint8ClampedArray([premultiplied, 0, 0, a]);
        unpremultiply(data);
        // premultiplied again, the straight colour gives back the stored value
        expect(Math.round((data[0]! * a) / 255)).toBe(premultiplied);
      }
    }
  });
});
