import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkJourney } from '../domain/claims/check';
import { parseJourney, parseVagueWords } from '../domain/data/parse-journey';
import type { RouteCollection } from '../domain/route/route';
import { joinReport, PART_ITEMS, splitReport } from './report-parts';
import { BUILTIN_ROUTE_FILE, manyClaimsJourney } from '../../tests/fixtures/many-claims';

const vague = parseVagueWords(
  readFileSync(join(import.meta.dirname, '../../geo/journeys/vague-words.json'), 'utf8'),
  'vague-words.json',
);

describe('report parts', () => {
  it('joinReport(splitReport(r)) is r, and no part holds more than PART_ITEMS items', () => {
    if (!vague.ok) throw new Error('vague words');
    const journey = parseJourney(manyClaimsJourney(450), 'many.json', vague.value);
    if (!journey.ok) throw new Error(journey.errors[0]!.message);
    const route = JSON.parse(readFileSync(BUILTIN_ROUTE_FILE, 'utf8')) as RouteCollection;
    const report = checkJourney(journey.value, vague.value, route, { matrixClaimLimit: 0 });
    const { head, parts } = splitReport(report);
    expect(head.claims).toEqual([]);
    expect(parts.length).toBeGreaterThan(3);
    expect(Math.max(...parts.map((p) => p.items.length))).toBeLessThanOrEqual(PART_ITEMS);
    // what postMessage does to each piece
    const joined = joinReport(
      structuredClone(head),
      parts.map((p) => structuredClone(p)),
    );
    expect(joined).toEqual(report);
  }, 30_000);
});
