import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { shorten } from './format';

describe('shorten', () => {
  it('cuts a quote at a word boundary, never inside a word', () => {
    expect(shorten('sources in Seoul confirmed his train had crossed', 40)).toBe(
      'sources in Seoul confirmed his train…',
    );
  });

  it('keeps a text that fits as it is', () => {
    expect(shorten('just 50 km/h', 12)).toBe('just 50 km/h');
  });

  it('always returns at most max characters that begin the text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.integer({ min: 2, max: 120 }), (t, max) => {
        const s = shorten(t, max);
        expect(s.length).toBeLessThanOrEqual(max);
        const body = s.endsWith('…') && s !== t ? s.slice(0, -1) : s;
        expect(t.startsWith(body)).toBe(true);
      }),
    );
  });
});
