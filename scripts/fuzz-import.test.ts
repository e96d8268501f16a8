import { describe, expect, it } from 'vitest';
import { fuzz, fuzzTargets } from './fuzz-import';

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
