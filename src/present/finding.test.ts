import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BUILTIN_JOURNEY_FILE,
  BUILTIN_ROUTE_FILE,
  manyClaimsJourney,
} from '../../tests/fixtures/many-claims';
import { vagueTable } from '../../tests/fixtures/journeys';
import { parseJourney } from '../domain/data/journey';
import type { RouteCollection } from '../domain/route/route';
import { checkJourney } from '../domain/claims/check';
import { findingOf } from '../domain/claims/finding';
import { findingCardLines, findingSentences, mergedItems } from './finding';
import { claimText, groupSameClaims } from './verdict';

const table = vagueTable();
const route = JSON.parse(readFileSync(BUILTIN_ROUTE_FILE, 'utf8')) as RouteCollection;
/** The built-in 2025 journey with its claims copied until there are `count`, checked. */
const copied = (count: number) => {
  const j = parseJourney(manyClaimsJourney(count), 'many.json', table);
  if (!j.ok) throw new Error('the copied journey must parse');
  return checkJourney(j.value, table, route);
};
const builtinClaims = (
  JSON.parse(readFileSync(BUILTIN_JOURNEY_FILE, 'utf8')) as { claims: unknown[] }
).claims.length;
const base = copied(builtinClaims);
const tripled = copied(3 * builtinClaims);

describe('the finding with the same claim reported several times', () => {
  it('names each repeated claim once, with how many times it was reported', () => {
    const sentences = findingSentences(tripled, findingOf(tripled, 'A'));
    expect(new Set(sentences).size).toBe(sentences.length);
    const merged = mergedItems(tripled, findingOf(tripled, 'A')).filter((m) => m.claims.length);
    expect(merged.length).toBeGreaterThan(0);
    for (const { claims } of merged) {
      // every copy it stands for says the same words
      expect(new Set(claims.map((c) => claimText(tripled, c))).size).toBe(1);
      const words = claimText(tripled, claims[0]!).slice(0, 20);
      const said = sentences.filter((s) => s.includes(words));
      expect(said.some((s) => s.includes(`reported ${claims.length} times`))).toBe(
        claims.length > 1,
      );
    }
    // a list of claims (who cannot be true) names each quote once
    const standing = sentences.find((s) => s.startsWith('Cannot be true'))!;
    expect(standing.match(/“Kim departed Pyongyang late Monday night”/g)).toHaveLength(1);
    expect(standing).toMatch(
      /“Kim departed Pyongyang late Monday night” \(article 002, reported 3 times\)/,
    );
  });

  it('says as many things as the finding of the journey without copies', () => {
    const once = findingSentences(base, findingOf(base, 'A'));
    const thrice = findingSentences(tripled, findingOf(tripled, 'A'));
    expect(thrice).toHaveLength(once.length);
    expect(thrice.map((s) => s.replace(/, reported \d+ times/g, ''))).toEqual(once);
  });

  it('gives the verdict card one line per claim, not one per copy', () => {
    const lines = findingCardLines(tripled, findingOf(tripled, 'A'));
    expect(new Set(lines).size).toBe(lines.length);
    expect(lines.map((l) => l.replace(/ \(reported \d+ times\)/, ''))).toEqual(
      findingCardLines(base, findingOf(base, 'A')),
    );
    expect(lines.some((l) => / \(reported [23] times\)$/.test(l))).toBe(true);
  });
});

describe('groupSameClaims', () => {
  const ids = tripled.claims.map((c) => c.id);
  const entries = fc.array(
    fc.record({ claim: fc.constantFrom(...ids), rest: fc.constantFrom('', ' fits', ' fails') }),
    { maxLength: 60 },
  );
  const group = (xs: { claim: string; rest: string }[]) =>
    groupSameClaims(
      tripled,
      xs,
      (e) => e.claim,
      (e) => e.rest,
    );

  it('keeps every claim once, and one group per distinct words and rest', () => {
    fc.assert(
      fc.property(entries, (xs) => {
        const groups = group(xs);
        expect(groups.flatMap((g) => g.claims).sort()).toEqual(xs.map((e) => e.claim).sort());
        const distinct = new Set(xs.map((e) => `${claimText(tripled, e.claim)}|${e.rest}`));
        expect(groups).toHaveLength(distinct.size);
      }),
    );
  });

  it('is idempotent: grouping the groups again merges nothing more', () => {
    fc.assert(
      fc.property(entries, (xs) => {
        const once = group(xs).map((g) => g.first);
        expect(group(once).map((g) => g.first)).toEqual(once);
      }),
    );
  });
});
