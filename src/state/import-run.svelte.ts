import type { VagueWords } from '../domain/data/journey';
import type { ImportedJourney } from '../import/types';
import { importInWorker, type ImportPhase } from '../import/client';
import { formatImportError } from '../domain/data/data-error';

/** How an import ended: the journey, or why not (the errors are shown by the import panel). */
export type RunResult =
  | { ok: true; value: ImportedJourney }
  | { ok: false; cancelled: boolean; superseded: boolean; message: string };

/**
 * One import at a time, and what the import panel shows of it: the phase and its progress, the
 * errors (file, place, what is wrong), or the file loaded. Files are read in a worker
 * (`importInWorker`); a newer import cancels the one under way.
 */
export class ImportRun {
  phase = $state<ImportPhase | null>(null);
  /** Claims being checked, in the 'checking' phase. */
  claims = $state(0);
  busyName = $state('');
  errors = $state<string[]>([]);
  loaded = $state<{ name: string; warnings: string[] } | null>(null);
  /** The last run reopened the copy kept in this browser (not a file just chosen). */
  reopening = $state(false);
  #controller: AbortController | null = null;
  readonly #vague: () => VagueWords | null;

  /** `vague`: the vague-words table, to check an imported journey file's phrases. */
  constructor(vague: () => VagueWords | null) {
    this.#vague = vague;
  }

  /** Imports the files; resolves once the page may take the journey. Never rejects. */
  async open(files: readonly File[], { reopening = false } = {}): Promise<RunResult> {
    this.#controller?.abort();
    const mine = new AbortController();
    this.#controller = mine;
    this.errors = [];
    this.loaded = null;
    this.reopening = reopening;
    this.busyName = files.map((f) => f.name).join(', ');
    const vague = this.#vague();
    const result = await importInWorker(files, {
      ...(vague ? { vague } : {}),
      signal: mine.signal,
      onphase: (p, n) => {
        this.phase = p;
        this.claims = n ?? 0;
      },
    });
    const superseded = { ok: false, cancelled: false, superseded: true, message: '' } as const;
    if (this.#controller !== mine) return superseded; // a newer import took over
    this.#controller = null;
    this.phase = null;
    if (!result.ok) {
      this.errors = result.errors.map(formatImportError);
      const cancelled = mine.signal.aborted;
      return { ok: false, cancelled, superseded: false, message: this.errors.join('; ') };
    }
    // the result's arrival (a structured clone of the whole fact-check) and the page's update
    // run as two tasks, not one long one
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (this.#controller !== null) return superseded; // a newer import began meanwhile
    this.loaded = { name: result.value.name, warnings: result.value.warnings };
    return { ok: true, value: result.value };
  }

  /** Cancels the import under way, if any. */
  cancel(): void {
    this.#controller?.abort();
  }
}
