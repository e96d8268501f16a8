import { describe, expect, it } from 'vitest';
import { benchLookup } from './bench';

describe('bench (quick run, keeps the benchmark working; no timing is asserted)', () => {
  it('benchLookup(n, calls) returns a row with a baseline and a ratio', () => {
    const row = benchLookup(1000, 200);
    expect(row.name).toBe('positionAt vs turf.along, 1k vertices');
    expect(row.unit).toBe('ns/call');
    expect(row.value).toBeGreaterThan(0);
    expect(row.baseline).toBeGreaterThan(0);
    expect(row.ratio).toBeGreaterThan(0);
  });
});
