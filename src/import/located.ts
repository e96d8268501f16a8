import { jsonOffsets, lineColumnAt, type DataError } from '../domain/data/journey';

/** At most this many errors are reported per file; the last one says how many more there were. */
export const MAX_ERRORS = 20;

/** `/features/3/geometry/coordinates/12` → `features[3].geometry.coordinates[12]`. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  return pointer
    .slice(1)
    .split('/')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce(
      (out, key) =>
        /^\d+$/.test(key)
          ? `${out}[${key}]`
          : /^[A-Za-z_$][\w$]*$/.test(key)
            ? out
              ? `${out}.${key}`
              : key
            : `${out}[${JSON.stringify(key)}]`,
      '',
    );
}

/** "route.geojson:12:7: features[3].geometry.coordinates[12]: longitude 191.2 is outside −180…180". */
export function formatImportError(e: DataError): string {
  const at = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  const path = pointerToPath(e.path);
  return path ? `${at}: ${path}: ${e.message}` : `${at}: ${e.message}`;
}

/** Builds DataErrors for one JSON text, locating JSON Pointers lazily (the text is scanned once). */
export class JsonLocator {
  private offsets: Map<string, number> | null = null;
  constructor(
    readonly file: string,
    private readonly text: string,
  ) {}

  error(pointer: string, message: string): DataError {
    this.offsets ??= jsonOffsets(this.text);
    // the pointer may name a value inside one the scanner saw (e.g. a missing key): use its parent
    let p = pointer;
    while (p && !this.offsets.has(p)) p = p.slice(0, p.lastIndexOf('/'));
    const offset = this.offsets.get(p);
    if (offset === undefined) return { file: this.file, path: pointer, message };
    return { file: this.file, path: pointer, ...lineColumnAt(this.text, offset), message };
  }
}

/** How many characters V8 quotes before the bad one in `…"context"… is not valid JSON`. */
const V8_CONTEXT_BEFORE = 10;

/**
 * Where the bad character is, from a V8 message that quotes the text around it instead of naming
 * a position (`Unexpected token 'N', ..."[[1,2],[NaN,3]"... is not valid JSON`); 0 when it
 * cannot tell.
 */
function offsetFromContext(text: string, message: string): number {
  const m = /, (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/.exec(message);
  if (!m) return 0;
  const [, cutBefore, context] = m;
  const at = text.indexOf(context!);
  if (at === -1) return 0;
  if (cutBefore) return at + V8_CONTEXT_BEFORE;
  // the whole start of the text is quoted: the bad character is the token V8 names
  const token = /Unexpected token '([\s\S])'/.exec(message)?.[1];
  const t = token === undefined ? -1 : text.indexOf(token);
  return t === -1 ? 0 : t;
}

/** A JSON.parse error with its line and column (V8 names the position, or line and column). */
export function jsonSyntaxError(file: string, text: string, err: unknown): DataError {
  const message = err instanceof Error ? err.message : String(err);
  const pos = /position (\d+)/.exec(message);
  const lc = /line (\d+) column (\d+)/.exec(message);
  const where = pos
    ? lineColumnAt(text, Number(pos[1]))
    : lc
      ? { line: Number(lc[1]), column: Number(lc[2]) }
      : /end of JSON/i.test(message)
        ? lineColumnAt(text, text.length)
        : lineColumnAt(text, offsetFromContext(text, message));
  const short = message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '');
  return { file, path: '', ...where, message: `not valid JSON: ${short}` };
}

/** Keeps the first MAX_ERRORS errors and says that more were left out. */
export function capErrors(errors: DataError[]): DataError[] {
  if (errors.length <= MAX_ERRORS) return errors;
  const kept = errors.slice(0, MAX_ERRORS);
  const last = kept[kept.length - 1]!;
  kept[kept.length - 1] = {
    ...last,
    message: `${last.message} (more problems were not listed: fix these first)`,
  };
  return kept;
}
