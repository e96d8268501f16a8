import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fuzz, fuzzTargets, reshaped } from './fuzz-import';

// A small count for `npm test`; `npx tsx scripts/fuzz-import.ts` runs 10,000 per importer.
const RUNS = 200;

describe('importers under fuzzing (fast-check)', () => {
  for (const target of fuzzTargets())
    it(`${target.name} never throws and locates every rejection (${RUNS} malformed inputs)`, () => {
      const report = fuzz(target, RUNS, 42);
      expect(report.failure).toBeNull();
      expect(report.runs).toBe(RUNS);
      expect(report.rejected).toBeGreaterThan(RUNS / 2);
    });
});

// a small document with nested arrays and objects, like a route file
const route = {
  features: [
    {
      geometry: {
        coordinates: [
          [1, 2],
          [3, 4],
        ],
      },
    },
  ],
};

describe('the fuzzer itself', () => {
  it('reshaped() always yields JSON text, even when changes land inside an inserted [] or {}', () => {
    // seeds 1, 3, 4, 16 and 17 threw "Converting circular structure to JSON" before the fix
    for (const seed of [1, 3, 4, 16, 17]) {
      const samples = fc.sample(reshaped(route), { numRuns: 500, seed });
      for (const s of samples) expect(() => JSON.parse(s)).not.toThrow();
    }
  });
});
