import { createScanner } from 'jsonc-parser';
import type { DataError, Parsed } from './data-error';
import { lineColumnAt, type TextPosition } from './text-position';

// jsonc-parser's SyntaxKind and ScanError are `const enum`s, which isolatedModules cannot read
// from a declaration file: the same numbers, named as there.
const Token = {
  OpenBrace: 1,
  CloseBrace: 2,
  OpenBracket: 3,
  CloseBracket: 4,
  Comma: 5,
  Colon: 6,
  String: 10,
  LineComment: 12,
  BlockComment: 13,
  LineBreak: 14,
  Space: 15,
  Unknown: 16,
  EOF: 17,
} as const;
const SCAN_ERRORS: Record<number, string> = {
  1: 'a comment is not closed',
  2: 'a string is not closed',
  3: 'a number ends too soon',
  4: 'a \\u escape needs four hex digits',
  5: 'an unknown escape in a string',
  6: 'a control character inside a string (write it as \\n, \\t or \\u…)',
};

/** A problem found by the walk, at an offset of the text. */
interface WalkError {
  offset: number;
  message: string;
}

/** The requested JSON Pointers as a tree of their segments; a walk marks where each node is. */
interface PointerNode {
  children: Map<string, PointerNode>;
  at?: TextPosition;
}

/** The keys of a JSON Pointer, unescaped. */
function segments(pointer: string): string[] {
  if (!pointer) return [];
  const keys = pointer.slice(1).split('/');
  return pointer.includes('~') ? keys.map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')) : keys;
}

/**
 * Walks a JSON text token by token with jsonc-parser's scanner, without recursion (a 1,000,000
 * deep array is fine: jsonc-parser's own `visit`/`parseTree`, and json-source-map, overflow the
 * stack at 10,000), marking the line and column of every value that `pointers` asks for.
 * Returns the first syntax error, or null.
 */
function walkJson(text: string, pointers: PointerNode | null): WalkError | null {
  const scanner = createScanner(text, false); // comments are errors, so they are seen
  /** Open containers: '{' or '[', its node of `pointers` (null if none asked) and next index. */
  const stack: { kind: number; node: PointerNode | null; index: number }[] = [];
  let key: string | null = null; // the member name read before ":"
  let expect: 'value' | 'key' | 'colon' | 'next' | 'end' = 'value';
  let first = false; // just after "{" or "[": the container may close at once
  let tracked = 0; // open containers holding values that `pointers` asks for
  for (;;) {
    const kind = scanner.scan();
    if (kind === Token.LineBreak || kind === Token.Space) continue;
    const offset = scanner.getTokenOffset();
    const error = scanner.getTokenError();
    if (error) return { offset, message: SCAN_ERRORS[error] ?? 'a broken token' };
    if (kind === Token.LineComment || kind === Token.BlockComment)
      return { offset, message: 'comments are not allowed in JSON' };
    if (kind === Token.Unknown) {
      const word = scanner.getTokenValue().slice(0, 20);
      const hint = /^-?(NaN|Infinity)$/.test(word) ? ' (JSON has no NaN or Infinity)' : '';
      return { offset, message: `unexpected ${JSON.stringify(word)}${hint}` };
    }
    const top = stack[stack.length - 1];
    if (kind === Token.EOF)
      return expect === 'end' ? null : { offset, message: 'the text ends too soon' };
    if (expect === 'end') return { offset, message: 'more text after the JSON value' };
    const closes = kind === (top?.kind === Token.OpenBrace ? Token.CloseBrace : Token.CloseBracket);
    if (top && closes && (expect === 'next' || first)) {
      if (stack.pop()!.node && --tracked === 0) return null; // every asked-for value was seen
      expect = stack.length ? 'next' : 'end';
      first = false;
      continue;
    }
    first = false;
    if (expect === 'next') {
      if (kind !== Token.Comma)
        return {
          offset,
          message: top!.kind === Token.OpenBrace ? 'expected "," or "}"' : 'expected "," or "]"',
        };
      expect = top!.kind === Token.OpenBrace ? 'key' : 'value';
      continue;
    }
    if (expect === 'key') {
      if (kind !== Token.String)
        return { offset, message: 'expected a property name in double quotes' };
      key = scanner.getTokenValue();
      expect = 'colon';
      continue;
    }
    if (expect === 'colon') {
      if (kind !== Token.Colon) return { offset, message: 'expected ":"' };
      expect = 'value';
      continue;
    }
    // a value: mark it if asked for, then open it or move past it
    let node = pointers;
    if (top) {
      const index = top.index++;
      node = top.node?.children.get(top.kind === Token.OpenBrace ? key! : String(index)) ?? null;
    }
    if (node)
      node.at = {
        line: scanner.getTokenStartLine() + 1,
        column: scanner.getTokenStartCharacter() + 1,
      };
    if (node && node === pointers && !node.children.size) return null; // only the root asked
    if (kind === Token.OpenBrace || kind === Token.OpenBracket) {
      const holds = node?.children.size ? node : null;
      if (holds) tracked++;
      stack.push({ kind, node: holds, index: 0 });
      expect = kind === Token.OpenBrace ? 'key' : 'value';
      first = true;
    } else if (
      kind === Token.CloseBrace ||
      kind === Token.CloseBracket ||
      kind === Token.Comma ||
      kind === Token.Colon
    ) {
      return { offset, message: 'expected a value' };
    } else expect = stack.length ? 'next' : 'end';
  }
}

/**
 * A JSON.parse error as a DataError with the line and column of the first problem (found by
 * `walkJson`; V8's "position N" when the walk finds none). One locator for every JSON reader.
 */
export function jsonSyntaxError(file: string, text: string, err: unknown): DataError {
  const found = walkJson(text, null);
  if (found)
    return {
      file,
      path: '',
      ...lineColumnAt(text, found.offset),
      message: `not valid JSON: ${found.message}`,
    };
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  const short = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '');
  const where = pos ? lineColumnAt(text, Number(pos[1])) : { line: 1, column: 1 };
  return { file, path: '', ...where, message: `not valid JSON: ${short}` };
}

/** Parses JSON text; a syntax error comes back located instead of thrown. */
export function parseJson(text: string, file: string): Parsed<unknown> {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (err) {
    return { ok: false, errors: [jsonSyntaxError(file, text, err)] };
  }
}

/**
 * Adds the line and column to errors that name a JSON Pointer in `text` (valid JSON), in one
 * walk of the text however many errors there are. A pointer to a value that is not there (a
 * missing key) is placed at its nearest existing parent.
 */
export function locateJsonErrors(text: string, errors: DataError[]): DataError[] {
  const todo = errors.filter((e) => e.line === undefined);
  if (todo.length === 0) return errors;
  const root: PointerNode = { children: new Map() };
  for (const e of todo) {
    let node = root;
    for (const seg of segments(e.path)) {
      let next = node.children.get(seg);
      if (!next) node.children.set(seg, (next = { children: new Map() }));
      node = next;
    }
  }
  walkJson(text, root);
  return errors.map((e) => {
    if (e.line !== undefined) return e;
    let at = root.at;
    let node: PointerNode | undefined = root;
    for (const seg of segments(e.path)) {
      node = node.children.get(seg);
      if (!node?.at) break;
      at = node.at;
    }
    return at ? { ...e, ...at } : e;
  });
}
