import type { DataError } from '../domain/data/journey';
import type { ImportedJourney, ImportedTimeline } from '../domain/data/imported';

export type { DataError, ImportedJourney, ImportedTimeline };

/** The largest file the importers open (a 1,000,000-point GPX with times is about 82 MB). */
export const MAX_BYTES = 100 * 1024 * 1024;

export type ImportResult =
  { ok: true; value: ImportedJourney } | { ok: false; errors: DataError[] };

/** A file handed to the importers: its name and raw bytes. */
export interface ImportFile {
  name: string;
  bytes: ArrayBuffer;
}
