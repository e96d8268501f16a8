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
        : { line: 1, column: 1 };
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
