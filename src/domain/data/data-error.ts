/** A problem in a data file, located by JSON path and, where possible, line and column. */
export interface DataError {
  file: string;
  /** JSON Pointer of the offending value, "" for the whole document. */
  path: string;
  line?: number;
  column?: number;
  message: string;
}

/** A parsed value or the list of everything wrong with it. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: DataError[] };

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

/** "file:line:col: path: message" (no path part when `path` is empty): the one error format. */
function formatLocated(e: DataError, path: string): string {
  const at = e.line === undefined ? e.file : `${e.file}:${e.line}:${e.column ?? 1}`;
  return path ? `${at}: ${path}: ${e.message}` : `${at}: ${e.message}`;
}

/** For the CLI, whose readers edit the JSON: "bad.json:12:7: /claims/3/quote: message". */
export const formatDataError = (e: DataError): string => formatLocated(e, e.path || '(document)');

/**
 * For people importing a file:
 * "route.geojson:12:7: features[3].geometry.coordinates[12]: longitude 191.2 is outside −180…180".
 */
export const formatImportError = (e: DataError): string => formatLocated(e, pointerToPath(e.path));
