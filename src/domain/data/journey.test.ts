import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Journey } from './journey';
import { formatDataError } from './data-error';
import { parseJourney } from './parse-journey';

const journeyFile = fileURLToPath(
  new URL('../../../geo/journeys/pyongyang-beijing-2025.json', import.meta.url),
);
const text = readFileSync(journeyFile, 'utf8');
const articlesDir = fileURLToPath(new URL('../../../../shared/articles/', import.meta.url));

/** The bundled journey with one change applied to its parsed JSON. */
function mutated(change: (j: Record<string, unknown> & Journey) => void): string {
  const j = JSON.parse(text) as Record<string, unknown> & Journey;
  change(j);
  return JSON.stringify(j, null, 2);
}

describe('parseJourney', () => {
  it('parseJourney(bundled journey) validates against the schema', () => {
    const r = parseJourney(text, 'pyongyang-beijing-2025.json');
    expect(r.ok).toBe(true);
  });

  it('parseJourney reports a wrong type with its JSON path, line and column', () => {
    const bad = mutated((j) => {
      (j.claims[3] as unknown as Record<string, unknown>)['quote'] = 42;
    });
    const r = parseJourney(bad, 'bad.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === '/claims/3/quote')!;
    expect(e.file).toBe('bad.json');
    expect(e.message).toMatch(/string/);
    const line = bad.split('\n')[e.line! - 1]!;
    expect(line.slice(e.column! - 1)).toMatch(/^42/);
    expect(formatDataError(e)).toMatch(/^bad\.json:\d+:\d+: \/claims\/3\/quote: /);
  });

  it('parseJourney reports an unknown article id by path', () => {
    const r = parseJourney(
      mutated((j) => {
        j.claims[0]!.article = '999';
      }),
      'bad.json',
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]).toMatchObject({ path: '/claims/0/article' });
  });

  it('parseJourney reports invalid JSON with a line and column instead of throwing', () => {
    const r = parseJourney('{\n  "id": "x",\n  oops\n}', 'broken.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.path).toBe('');
    expect(r.errors[0]!.line).toBe(3);
  });
});

describe('bundled journey data', () => {
  const journey = JSON.parse(text) as Journey;

  it('every article claim names its article and every reference claim its source', () => {
    for (const c of journey.claims)
      expect(c.basis === 'article' ? c.article : c.source, c.id).toBeTruthy();
  });

  it('article 000 names its publisher; unnamed publishers say so', () => {
    expect(journey.articles.find((a) => a.id === '000')!.publisher).toBe(
      'Daily South African Pulse',
    );
    for (const a of journey.articles.filter((x) => x.id !== '000'))
      expect(a.publisher).toMatch(/not named in the text/);
  });

  it.skipIf(!existsSync(articlesDir))('every quote appears verbatim in its article', () => {
    for (const c of journey.claims.filter((x) => x.basis === 'article')) {
      const a = journey.articles.find((x) => x.id === c.article)!;
      const body = readFileSync(`${articlesDir}${a.file}`, 'utf8');
      for (const q of [c.quote, ...(c.otherQuotes ?? [])]) expect(body, c.id).toContain(q);
      if (a.headline) expect(body).toContain(a.headline);
    }
  });

  it('the reference event days fall on the weekdays the articles name', () => {
    expect(new Date('2025-09-01T12:00:00+09:00').getUTCDay()).toBe(1); // Monday
    expect(new Date('2025-09-02T12:00:00+09:00').getUTCDay()).toBe(2); // Tuesday
  });
});
