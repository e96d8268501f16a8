import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { resolveClaims } from './claims';
import { parseJourney, parseVagueWords } from '../data/journey';

const read = (path: string): string => readFileSync(new URL(path, import.meta.url), 'utf8');
const vague = parseVagueWords(read('../../../geo/journeys/vague-words.json'), 'v.json');
const journey = parseJourney(read('../../../geo/journeys/pyongyang-beijing-2025.json'), 'j.json');
if (!vague.ok || !journey.ok) throw new Error('the built-in journey does not parse');

describe('resolveClaims', () => {
  it('resolveClaims(journey, table, only) resolves the kept claims alone, in file order', () => {
    const all = resolveClaims(journey.value, vague.value);
    const reference = resolveClaims(journey.value, vague.value, (c) => c.basis === 'reference');
    expect(reference.map((r) => r.claim.id)).toEqual(
      all.filter((r) => r.claim.basis === 'reference').map((r) => r.claim.id),
    );
    expect(reference.length).toBeLessThan(all.length);
  });

  it('a kept claim "later" than a dropped one starts from the dropped one\'s window', () => {
    const id = 'a002-arrive-later-tuesday';
    const all = resolveClaims(journey.value, vague.value);
    const [alone] = resolveClaims(journey.value, vague.value, (c) => c.id === id);
    expect(alone).toEqual(all.find((r) => r.claim.id === id));
    expect(alone?.type === 'time' && alone.reading.after).toBe('a002-border-tuesday');
  });
});
