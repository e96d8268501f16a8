import { describe, expect, it } from 'vitest';
import {
  distanceToKm,
  durationHAt,
  hToSec,
  kmhToMph,
  mphToKmh,
  roundTo,
  secToH,
  speedToKmh,
} from './units';

describe('units', () => {
  it('mphToKmh(37) is 59.546 km/h', () => {
    expect(mphToKmh(37)).toBeCloseTo(59.546, 3);
  });

  it('kmhToMph undoes mphToKmh', () => {
    expect(kmhToMph(mphToKmh(55))).toBeCloseTo(55, 12);
  });

  it('speedToKmh leaves km/h alone and converts mph', () => {
    expect(speedToKmh(50, 'km/h')).toBe(50);
    expect(speedToKmh(37, 'mph')).toBeCloseTo(59.546, 3);
  });

  it('distanceToKm converts miles', () => {
    expect(distanceToKm(1, 'mi')).toBe(1.609344);
    expect(distanceToKm(1300, 'km')).toBe(1300);
  });

  it('durationHAt(1000 km, 50 km/h) is 20 h', () => {
    expect(durationHAt(1000, 50)).toBe(20);
  });

  it('hToSec and secToH are inverses', () => {
    expect(hToSec(2.5)).toBe(9000);
    expect(secToH(9000)).toBe(2.5);
  });

  it('roundTo rounds to stable precision and never returns -0', () => {
    expect(roundTo(27.2849, 2)).toBe(27.28);
    expect(Object.is(roundTo(-0.0001, 2), 0)).toBe(true);
  });
});
