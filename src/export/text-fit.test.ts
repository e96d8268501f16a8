import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approximateMeasure, balancedLines } from './text-fit';

const width = (text: string) => approximateMeasure(text, 10, false);

describe('balancedLines', () => {
  it('balancedLines keeps a text that fits on one line', () => {
    expect(balancedLines(['Sunchon'], 100, width)).toEqual([{ text: 'Sunchon', part: 0 }]);
  });

  it('balancedLines breaks a long label into lines of nearly equal width, as MapLibre does', () => {
    const lines = balancedLines(['Sino-Korean Friendship Bridge (border)'], 150, width);
    expect(lines.map((l) => l.text)).toEqual(['Sino-Korean Friendship', 'Bridge (border)']);
  });

  it('balancedLines keeps the text’s own line breaks and tells which line each piece came from', () => {
    const lines = balancedLines(['Korea Bay', '西朝鲜湾 / 서조선만'], 200, width);
    expect(lines).toEqual([
      { text: 'Korea Bay', part: 0 },
      { text: '西朝鲜湾 / 서조선만', part: 1 },
    ]);
  });

  it('balancedLines keeps every word once and in order', () => {
    fc.assert(
      fc.property(
        fc.array(fc.stringMatching(/^[a-z]{1,12}$/), { minLength: 1, maxLength: 30 }),
        fc.integer({ min: 20, max: 300 }),
        (words, maxW) => {
          const lines = balancedLines([words.join(' ')], maxW, width);
          expect(lines.map((l) => l.text).join(' ')).toBe(words.join(' '));
          expect(lines.every((l) => l.text.length > 0)).toBe(true);
        },
      ),
    );
  });
});
