import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  durationClaim,
  speedClaim,
  tinyJourney,
  tinyRoute,
  vagueTable,
} from '../../../tests/fixtures/journeys';
import { findingCardLines, findingSentences } from '../../present/finding';
import { parseJourney } from '../data/journey';
import type { RouteCollection } from '../route/route';
import { checkJourney } from './check';
import { findingNumbers, findingOf, valueAt } from './finding';

const table = vagueTable();
const read = (p: string): string => readFileSync(new URL(p, import.meta.url), 'utf8');
const bundled = (name: string, routeName: string) => {
  const j = parseJourney(read(`../../../geo/journeys/${name}.json`), name, table);
  if (!j.ok) throw new Error('bundled journey must parse');
  const route = JSON.parse(read(`../../../geo/routes/${routeName}.geojson`)) as RouteCollection;
  return checkJourney(j.value, table, route);
};

const claims = [
  speedClaim('v50', 50, 'just', ['door-to-door']),
  speedClaim('top', 40, 'top speed', ['top']),
  durationClaim('d20', 20, 'nearly'),
];

describe('the finding', () => {
  it('every number in the finding equals the report number it names, on every routing of both journeys', () => {
    for (const report of [
      bundled('pyongyang-beijing-2025', 'pyongyang-beijing'),
      bundled('pyongyang-dongdang-2019', 'pyongyang-dongdang-2019'),
    ])
      for (const v of report.variants) {
        const f = findingOf(report, v.variant);
        const numbers = findingNumbers(f);
        expect(numbers.length).toBeGreaterThan(5);
        for (const n of numbers) expect(valueAt(report, n.path)).toBe(n.value);
      }
  });

  it('on random timelines, every number in the finding is the report number at its path', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 6, noNaN: true }),
        fc.double({ min: 2, max: 20, noNaN: true }),
        (d, t) => {
          const report = checkJourney(
            tinyJourney({
              depart: [d, d + 1],
              border: [d + 1.5, d + 2],
              arrive: [d + t, d + t + 1],
              claims,
            }),
            table,
            tinyRoute(),
          );
          for (const n of findingNumbers(findingOf(report)))
            expect(valueAt(report, n.path)).toBe(n.value);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the 2025 finding leads with "nearly 20 hours" against the reported departure', () => {
    const report = bundled('pyongyang-beijing-2025', 'pyongyang-beijing');
    const f = findingOf(report, 'A');
    expect(f.items[0]!.kind).toBe('duration-needs');
    const first = f.items[0]!;
    if (first.kind !== 'duration-needs') throw new Error('duration first');
    expect(first.claim).toBe('a004-duration-nearly-20h');
    expect(first.verdict).toBe('inconsistent');
    expect(first.marginH.value).toBeCloseTo(-2.5, 9);
    const top = f.items.find((i) => i.kind === 'top-speed');
    expect(top && top.kind === 'top-speed' && top.claims).toContain('a000-speed-37mph');
  });

  it('the short lines of the verdict card keep the reported figure of each quote', () => {
    const report = bundled('pyongyang-beijing-2025', 'pyongyang-beijing');
    const lines = findingCardLines(report, findingOf(report, 'A'));
    expect(lines[0]).toBe('Finding · routing A');
    expect(lines[1]).toMatch(/^“…nearly 20 hours long” needs [\d.]+–[\d.]+ km\/h: contradicted$/);
    expect(lines.some((l) => l.includes('“…just 37 miles per hour”'))).toBe(true);
  });

  it('a route of another length gives a finding that states the other numbers', () => {
    const j = tinyJourney({ depart: [0, 1], border: [3, 4], arrive: [10, 12], claims });
    const short = checkJourney(j, table, tinyRoute());
    const long = checkJourney(j, table, tinyRoute({ scale: 2 }));
    const km = (r: typeof short) => {
      const t = findingOf(r).items.find((i) => i.kind === 'timeline');
      return t && t.kind === 'timeline' ? t.distanceKm.value : NaN;
    };
    expect(km(long)).toBeCloseTo(2 * km(short), 6);
    const text = (r: typeof short) => findingSentences(r, findingOf(r)).join(' ');
    expect(text(short)).toContain(`${Math.round(km(short))} km`);
    expect(text(long)).toContain(`${Math.round(km(long))} km`);
    expect(text(long)).not.toContain(`${Math.round(km(short))} km of routing`);
  });
});
