import type { DataError } from '../domain/data/data-error';

/** At most this many errors are reported per file; the last one says how many more there were. */
export const MAX_ERRORS = 20;

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
