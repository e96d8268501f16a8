/** A well-formedness error, 1-based line and column. */
export interface XmlError {
  line: number;
  column: number;
  message: string;
}

/** What a scan reports, in document order. Offsets index the scanned text. */
export interface XmlVisitor {
  /** A start tag; `local` is the name without its namespace prefix. `at` is the offset of '<'. */
  open?(local: string, attrs: Record<string, string>, at: number): void;
  /** An end tag (also called right after `open` for an empty element `<a/>`). */
  close?(local: string, at: number): void;
  /** Character data between `start` and `end`; `raw` for CDATA (no entities to decode). */
  text?(start: number, end: number, raw: boolean): void;
}

/** 1-based line and column of an offset, counting from `from` (a known line start) for speed. */
export class LineCounter {
  private offset = 0;
  private line = 1;
  private lineStart = 0;
  constructor(private readonly text: string) {}

  /** Line and column of `offset`; fastest when called with increasing offsets. */
  at(offset: number): { line: number; column: number } {
    if (offset < this.offset) {
      this.offset = 0;
      this.line = 1;
      this.lineStart = 0;
    }
    const { text } = this;
    for (let i = text.indexOf('\n', this.offset); i !== -1 && i < offset;) {
      this.line++;
      this.lineStart = i + 1;
      i = text.indexOf('\n', i + 1);
    }
    this.offset = offset;
    return { line: this.line, column: offset - this.lineStart + 1 };
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

class XmlSyntax extends Error {
  constructor(
    readonly at: number,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes the five predefined entities and character references; throws XmlSyntax at a bad one. */
function decodeAt(text: string, start: number, end: number): string {
  const slice = text.slice(start, end);
  if (!slice.includes('&')) return slice; // O(end - start): never search past `end`
  let amp = text.indexOf('&', start);
  let out = '';
  let from = start;
  while (amp !== -1 && amp < end) {
    const semi = text.indexOf(';', amp);
    if (semi === -1 || semi >= end || semi - amp > 12)
      throw new XmlSyntax(amp, 'a "&" that does not start an entity (write &amp;)');
    const name = text.slice(amp + 1, semi);
    let ch: string | undefined;
    if (name.startsWith('#')) {
      const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      const digits = name[1] === 'x' ? /^#x[0-9a-fA-F]+$/ : /^#[0-9]+$/;
      if (digits.test(name) && code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff))
        ch = String.fromCodePoint(code);
    } else ch = ENTITIES[name];
    if (ch === undefined) throw new XmlSyntax(amp, `unknown entity "&${name};"`);
    out += text.slice(from, amp) + ch;
    from = semi + 1;
    amp = text.indexOf('&', from);
  }
  return out + text.slice(from, end);
}

/** Character data of a text event, entities decoded. */
export function decodeText(text: string, start: number, end: number, raw: boolean): string {
  return raw ? text.slice(start, end) : decodeAt(text, start, end);
}

const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 13 || c === 9;
const isNameStart = (c: number): boolean =>
  (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c > 127;
const isNameChar = (c: number): boolean =>
  isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46;

/**
 * Scans an XML document for its elements and text without building a tree: fast enough for a
 * 100 MB GPX file. Checks well-formedness (one root, matching tags, quoted attributes, known
 * entities) and returns the first error with its line and column, or null. DOCTYPE declarations
 * are refused (GPX and KML have none; an internal subset could define expanding entities).
 * Never throws, except for what the visitor throws.
 */
export function scanXml(text: string, visitor: XmlVisitor): XmlError | null {
  const lines = new LineCounter(text);
  const fail = (at: number, message: string): XmlError => ({ ...lines.at(at), message });
  const stack: { name: string; at: number }[] = [];
  let sawRoot = false;
  let i = 0;
  let ampAt = -1; // offset of the next '&' at or after the text being scanned
  const n = text.length;
  try {
    while (i < n) {
      const lt = text.indexOf('<', i);
      const textEnd = lt === -1 ? n : lt;
      if (textEnd > i) {
        if (stack.length === 0) {
          for (let k = i; k < textEnd; k++)
            if (!isSpace(text.charCodeAt(k)))
              return fail(
                k,
                sawRoot ? 'text after the root element' : 'text before the root element',
              );
        } else {
          if (ampAt < i) ampAt = text.indexOf('&', i) === -1 ? n : text.indexOf('&', i);
          if (ampAt < textEnd) decodeAt(text, i, textEnd); // validates its entities
          visitor.text?.(i, textEnd, false);
        }
      }
      if (lt === -1) break;
      i = lt;
      const c = text.charCodeAt(i + 1);
      if (c === 63 /* ? */) {
        const end = text.indexOf('?>', i + 2);
        if (end === -1) return fail(i, 'unterminated processing instruction "<?"');
        i = end + 2;
      } else if (c === 33 /* ! */) {
        if (text.startsWith('<!--', i)) {
          const end = text.indexOf('-->', i + 4);
          if (end === -1) return fail(i, 'unterminated comment "<!--"');
          i = end + 3;
        } else if (text.startsWith('<![CDATA[', i)) {
          if (stack.length === 0) return fail(i, 'CDATA outside the root element');
          const end = text.indexOf(']]>', i + 9);
          if (end === -1) return fail(i, 'unterminated CDATA section');
          visitor.text?.(i + 9, end, true);
          i = end + 3;
        } else if (text.startsWith('<!DOCTYPE', i)) {
          return fail(i, 'DOCTYPE declarations are not accepted in GPX or KML files');
        } else return fail(i, 'unexpected "<!"');
      } else if (c === 47 /* / */) {
        let j = i + 2;
        while (j < n && isNameChar(text.charCodeAt(j))) j++;
        const name = text.slice(i + 2, j);
        while (j < n && isSpace(text.charCodeAt(j))) j++;
        if (text.charCodeAt(j) !== 62) return fail(j, `expected ">" to end </${name}>`);
        const top = stack.pop();
        if (!top) return fail(i, `closing tag </${name}> without an open element`);
        if (top.name !== name) {
          const open = lines.at(top.at);
          return fail(i, `closing tag </${name}> does not match <${top.name}> (line ${open.line})`);
        }
        visitor.close?.(localName(name), i);
        i = j + 1;
      } else {
        if (!isNameStart(c)) return fail(i, 'a "<" that does not start a tag (write &lt;)');
        if (stack.length === 0 && sawRoot) return fail(i, 'a second root element');
        let j = i + 1;
        while (j < n && isNameChar(text.charCodeAt(j))) j++;
        const name = text.slice(i + 1, j);
        const attrs: Record<string, string> = Object.create(null) as Record<string, string>;
        for (;;) {
          const before = j;
          while (j < n && isSpace(text.charCodeAt(j))) j++;
          const d = text.charCodeAt(j);
          if (j >= n) return fail(i, `unterminated tag <${name}`);
          if (d === 62 /* > */ || (d === 47 && text.charCodeAt(j + 1) === 62)) break;
          if (j === before) return fail(j, `expected a space or ">" in <${name}>`);
          if (!isNameStart(d)) return fail(j, `unexpected "${text[j]}" in <${name}>`);
          const a0 = j;
          while (j < n && isNameChar(text.charCodeAt(j))) j++;
          const attr = text.slice(a0, j);
          while (j < n && isSpace(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) !== 61 /* = */)
            return fail(j, `attribute ${attr} in <${name}> has no "=value"`);
          j++;
          while (j < n && isSpace(text.charCodeAt(j))) j++;
          const q = text.charCodeAt(j);
          if (q !== 34 && q !== 39) return fail(j, `attribute ${attr} in <${name}> is not quoted`);
          const end = text.indexOf(q === 34 ? '"' : "'", j + 1);
          if (end === -1) return fail(j, `unterminated value of attribute ${attr}`);
          const lt2 = text.indexOf('<', j + 1);
          if (lt2 !== -1 && lt2 < end) return fail(lt2, `"<" inside attribute ${attr}`);
          if (attr in attrs) return fail(a0, `attribute ${attr} repeated in <${name}>`);
          attrs[attr] = decodeAt(text, j + 1, end);
          j = end + 1;
        }
        const selfClosing = text.charCodeAt(j) === 47;
        sawRoot = true;
        const local = localName(name);
        visitor.open?.(local, attrs, i);
        if (selfClosing) {
          visitor.close?.(local, i);
          j++;
        } else stack.push({ name, at: i });
        i = j + 1;
      }
    }
  } catch (err) {
    if (err instanceof XmlSyntax) return fail(err.at, err.message);
    throw err;
  }
  const open = stack.pop();
  if (open) return fail(open.at, `<${open.name}> is never closed (the file ends first)`);
  if (!sawRoot) return fail(0, 'no root element');
  return null;
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/** Local name of the root element, or null when the text does not start like an XML document. */
export function xmlRootName(text: string): string | null {
  let root: string | null = null;
  const stop = new Error('root found');
  try {
    scanXml(text, {
      open(local) {
        root = local;
        throw stop;
      },
    });
  } catch (err) {
    if (err !== stop) throw err;
  }
  return root;
}
