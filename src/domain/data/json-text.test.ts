import { describe, expect, it } from 'vitest';
import { jsonSyntaxError, locateJsonErrors, parseJson } from './json-text';
import { lineColumnAt } from './text-position';

const parseError = (text: string) => {
  const r = parseJson(text, 'f.json');
  if (r.ok) throw new Error('parsed');
  return r.errors[0]!;
};

describe('JSON positions', () => {
  it('locateJsonErrors finds nested values and lineColumnAt counts from 1', () => {
    const t = '{\n  "a": [1, {"b": "x"}]\n}';
    const [e] = locateJsonErrors(t, [{ file: 'f.json', path: '/a/1/b', message: 'm' }]);
    expect(e).toMatchObject({ line: 2, column: 18 });
    expect(t.split('\n')[e!.line! - 1]!.slice(e!.column! - 1)).toMatch(/^"x"/);
    expect(lineColumnAt(t, t.indexOf('"x"'))).toEqual({ line: 2, column: 18 });
  });

  it('places a pointer to a missing value at its nearest parent', () => {
    const t = '{\n  "a": [1, {"b": "x"}]\n}';
    const errors = locateJsonErrors(t, [
      { file: 'f.json', path: '/a/1/missing', message: 'm' },
      { file: 'f.json', path: '', message: 'm' },
    ]);
    expect(errors.map((e) => [e.line, e.column])).toEqual([
      [2, 12],
      [1, 1],
    ]);
  });

  it('parseJson reports NaN at its line and column, naming it', () => {
    expect(parseError('{\n  "lon": NaN\n}')).toEqual({
      file: 'f.json',
      path: '',
      line: 2,
      column: 10,
      message: 'not valid JSON: unexpected "NaN" (JSON has no NaN or Infinity)',
    });
  });

  it.each([
    ['[1,\n 2,]', 2, 4, 'expected a value'],
    ['{"a": 1 "b": 2}', 1, 9, 'expected "," or "}"'],
    ['{"a": "x', 1, 7, 'a string is not closed'],
    ['{\n// note\n"a": 1}', 2, 1, 'comments are not allowed in JSON'],
    ['[1] [2]', 1, 5, 'more text after the JSON value'],
    ['{"a": [1, 2', 1, 12, 'the text ends too soon'],
  ])('parseJson(%j) fails at %i:%i: %s', (text, line, column, message) => {
    expect(parseError(text)).toMatchObject({ line, column, message: `not valid JSON: ${message}` });
  });

  it('locates a value 1,000,000 arrays deep (the walk does not recurse)', () => {
    const depth = 1_000_000;
    const text = `{\n"a": ${'['.repeat(depth)}true${']'.repeat(depth)}}`;
    const pointer = `/a${'/0'.repeat(depth)}`;
    const [e] = locateJsonErrors(text, [{ file: 'f.json', path: pointer, message: 'm' }]);
    expect(e).toMatchObject({ line: 2, column: 6 + depth });
  }, 60_000);

  it('reports a syntax error after 1,000,000 open arrays at its line and column', () => {
    const depth = 1_000_000;
    const text = `\n${'['.repeat(depth)}x`;
    expect(jsonSyntaxError('f.json', text, new Error('no position'))).toMatchObject({
      line: 2,
      column: depth + 1,
      message: 'not valid JSON: unexpected "x"',
    });
  }, 60_000);
});
