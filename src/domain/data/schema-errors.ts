import type { ErrorObject, ValidateFunction } from 'ajv';
import type { DataError } from './data-error';

function ajvMessage(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown property "${String(e.params['additionalProperty'])}"`;
  if (e.keyword === 'enum' || e.keyword === 'const')
    return `${e.message ?? 'invalid'}: ${JSON.stringify(e.params['allowedValues'] ?? e.params['allowedValue'])}`;
  return e.message ?? e.keyword;
}

/**
 * What a compiled ajv validator found wrong, one error per path and message, each at its JSON
 * Pointer (not yet located in the text: see `locateJsonErrors`). Empty when the data is valid.
 */
export function schemaErrors(validate: ValidateFunction, data: unknown, file: string): DataError[] {
  if (validate(data)) return [];
  const seen = new Set<string>();
  const errors: DataError[] = [];
  for (const e of validate.errors ?? []) {
    if (e.keyword === 'if' || e.keyword === 'oneOf') continue; // their branches say why
    const message = ajvMessage(e);
    const key = `${e.instancePath} ${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ file, path: e.instancePath, message });
  }
  return errors.length ? errors : [{ file, path: '', message: 'does not match the schema' }];
}
