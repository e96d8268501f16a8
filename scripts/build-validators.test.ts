import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GENERATED, validatorSource } from './build-validators';

describe('build-validators', () => {
  it('the committed standalone validators match geo/schema (run `npx tsx scripts/build-validators.ts` if not)', () => {
    expect(readFileSync(GENERATED, 'utf8')).toBe(validatorSource());
  });
});
