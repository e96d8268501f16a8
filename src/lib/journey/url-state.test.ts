import { describe, expect, it } from 'vitest';
import { decodeHash, encodeHash } from './url-state';

describe('URL state', () => {
  it('encodeHash(view) then decodeHash gives the same view back', () => {
    const view = {
      tMs: Date.UTC(2025, 8, 1, 18, 0, 0),
      scenarios: ['timeline', 'const-50kmh'],
      rate: 3600,
      camera: 'follow' as const,
      variant: 'B',
    };
    expect(decodeHash(encodeHash(view))).toEqual(view);
  });

  it('encodeHash(view) writes the time as a readable ISO instant', () => {
    expect(encodeHash({ tMs: Date.UTC(2025, 8, 2, 8, 0, 0) })).toBe('#t=2025-09-02T08:00:00Z');
  });

  it('decodeHash(hash) leaves out values that do not parse', () => {
    expect(decodeHash('#t=yesterday&rate=-3&cam=sideways&v=<b>')).toEqual({});
  });

  it('decodeHash(hash) reads a progress fraction and rejects one outside 0…1', () => {
    expect(decodeHash('#p=0.5')).toEqual({ progress: 0.5 });
    expect(decodeHash('#p=1.5')).toEqual({});
  });

  it('decodeHash("") is an empty view', () => {
    expect(decodeHash('')).toEqual({});
  });
});
