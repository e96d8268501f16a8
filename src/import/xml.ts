import { SaxesParser, type SaxesTag } from 'saxes';
import { lineColumnAt, type TextPosition } from '../domain/data/text-position';

/** A well-formedness error, 1-based line and column. */
export interface XmlError extends TextPosition {
  message: string;
}

/** A start tag as the visitor sees it. */
export interface XmlTag {
  /** The name as written, with its prefix ("gx:Track"). */
  name: string;
  /** The name without its namespace prefix ("Track"). */
  local: string;
  /** The namespace URI, when read with `namespaces: true`; otherwise "". */
  uri: string;
  /** Attribute values by name as written, entities decoded. */
  attributes: Record<string, string>;
}

/** What a read reports, in document order. */
export interface XmlVisitor {
  /** A start tag; `line` and `column` are those of its "<". */
  open?(tag: XmlTag, line: number, column: number): void;
  /** An end tag (also called right after `open` for an empty element `<a/>`). */
  close?(local: string): void;
  /** Character data, entities decoded; `cdata` for a CDATA section. */
  text?(text: string, cdata: boolean): void;
}

export interface XmlOptions {
  /** Resolve namespace prefixes (an unbound prefix is then an error). */
  namespaces?: boolean;
}

/** Thrown inside the parser's handlers to end the read at the first error. */
class Stop extends Error {
  constructor(readonly error: XmlError) {
    super(error.message);
  }
}

const localName = (name: string): string => {
  const colon = name.indexOf(':');
  return colon === -1 ? name : name.slice(colon + 1);
};

/**
 * Reads an XML document with `saxes` (streaming, no tree), reporting its elements and text to
 * the visitor, and returns the first well-formedness error with its line and column, or null.
 * DOCTYPE declarations are refused: GPX and KML have none, and an internal subset could define
 * expanding entities ("billion laughs") or external ones (saxes never fetches or expands them
 * either). Nesting depth is not limited (saxes keeps its open tags in an array, no recursion).
 * Never throws, except for what the visitor throws.
 *
 * Speed: it replaced a hand-written scanner; on the 1,000,000-point GPX of
 * tests/fixtures/big-gpx.ts, `importGpx` as a whole was about 1.25× slower (median of five
 * interleaved runs on a 2-core machine under heavy load; `npm run bench` has the row), which a
 * Web Worker hides better than hand-kept XML well-formedness rules.
 */
export function readXml(
  text: string,
  visitor: XmlVisitor,
  options: XmlOptions = {},
): XmlError | null {
  const parser = new SaxesParser({ xmlns: options.namespaces === true, position: true });
  const open: { name: string; line: number; column: number }[] = [];
  let lastClosed: { name: string; line: number } | null = null;
  let tagStart: { name: string; line: number; column: number } | null = null;
  let sawRoot = false;

  /** Line and column of an offset before the parser's position (usually on its line). */
  const back = (offset: number): TextPosition => {
    const lineStart = parser.position - parser.columnIndex;
    return offset >= lineStart
      ? { line: parser.line, column: offset - lineStart + 1 }
      : lineColumnAt(text, offset);
  };
  const stop = (message: string, at?: TextPosition): never => {
    throw new Stop({
      ...(at ?? { line: parser.line, column: Math.max(1, parser.columnIndex) }),
      message,
    });
  };

  parser.on('opentagstart', (tag) => {
    // the parser has read "<", the name and one character after it
    tagStart = { name: tag.name, ...back(parser.position - tag.name.length - 2) };
    if (open.length === 0 && sawRoot) stop('a second root element', tagStart);
  });
  parser.on('opentag', (tag) => {
    const at = tagStart!;
    sawRoot = true;
    open.push(at);
    visitor.open?.(xmlTag(tag), at.line, at.column);
  });
  parser.on('closetag', (tag) => {
    const top = open.pop()!;
    lastClosed = { name: top.name, line: top.line };
    visitor.close?.(localName(tag.name));
  });
  parser.on('text', (t) => {
    if (open.length) visitor.text?.(t, false); // not the white space around the root
  });
  parser.on('cdata', (t) => visitor.text?.(t, true));
  parser.on('doctype', () => {
    const at = text.lastIndexOf('<!DOCTYPE', parser.position);
    stop('DOCTYPE declarations are not accepted in GPX or KML files', lineColumnAt(text, at));
  });
  parser.on('error', (err) => {
    const said = err.message.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
    if (said === 'unexpected close tag') {
      // saxes has just closed the inner element on our stack: name both ends of the mismatch
      const lt = text.lastIndexOf('</', parser.position);
      const name = text.slice(lt + 2, parser.position - 1).trim();
      const inner = lastClosed!;
      stop(`closing tag </${name}> does not match <${inner.name}> (line ${inner.line})`, back(lt));
    }
    if (said.startsWith('unclosed tag')) {
      const top = open[open.length - 1]!;
      stop(`<${top.name}> is never closed (the file ends first)`, top);
    }
    if (said === 'undefined entity') {
      const amp = text.lastIndexOf('&', parser.position - 1);
      stop(`unknown entity "${text.slice(amp, parser.position)}"`, back(amp));
    }
    if (said === 'unquoted attribute value') {
      const eq = text.lastIndexOf('=', parser.position);
      const attr = /([^\s<=]+)\s*$/.exec(text.slice(Math.max(0, eq - 100), eq))?.[1] ?? '';
      stop(`attribute ${attr} in <${tagStart?.name ?? ''}> is not quoted`);
    }
    if (said === 'text data outside of root node')
      stop(sawRoot ? 'text after the root element' : 'text before the root element');
    if (said === 'disallowed character in tag name')
      stop('a "<" that does not start a tag (write &lt;)');
    if (said === 'document must contain a root element') stop('no root element', back(0));
    stop(said);
  });
  try {
    parser.write(text).close();
  } catch (err) {
    if (err instanceof Stop) return err.error;
    throw err;
  }
  return null;
}

function xmlTag(tag: SaxesTag): XmlTag {
  if (tag.uri === undefined)
    return {
      name: tag.name,
      local: localName(tag.name),
      uri: '',
      attributes: tag.attributes as Record<string, string>,
    };
  const attributes: Record<string, string> = {};
  for (const [name, a] of Object.entries(tag.attributes))
    attributes[name] = typeof a === 'string' ? a : a.value;
  return { name: tag.name, local: tag.local ?? localName(tag.name), uri: tag.uri, attributes };
}

/** Local name of the root element, or null when the text does not start like an XML document. */
export function xmlRootName(text: string): string | null {
  let root: string | null = null;
  const found = new Error('root found');
  try {
    readXml(text, {
      open(tag) {
        root = tag.local;
        throw found;
      },
    });
  } catch (err) {
    if (err !== found) throw err;
  }
  return root;
}
