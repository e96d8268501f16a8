import type { VagueWords } from '../domain/data/journey';
import { MAX_BYTES, type ImportFile, type ImportResult } from './types';
import type { ImportProgress, ImportRequest, ImportResponse } from './import.worker';
import { joinReport, type ReportPart } from './report-parts';

/** What the client reports while a file is being imported. */
export type ImportPhase = 'reading' | 'parsing' | 'checking';

export interface ImportOptions {
  vague?: VagueWords;
  /** Hears each phase; `claims` is the number of claims being checked. */
  onphase?: (phase: ImportPhase, claims?: number) => void;
  /** Abort the import (the worker is terminated); resolves with an "import cancelled" error. */
  signal?: AbortSignal;
}

/** The result and the worker's timings, ms. */
export type TimedImportResult = ImportResult & {
  parseMs?: number;
  prepareMs?: number;
  checkMs?: number;
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Imports dropped or chosen files off the main thread: the bytes are read here, transferred to a
 * Web Worker that parses, validates, simplifies and measures them (`importFiles` then
 * `prepareImport`), and the small prepared result comes back. A file over the size limit is
 * refused before it is read. Never rejects.
 */
export async function importInWorker(
  files: readonly File[],
  options: ImportOptions = {},
): Promise<TimedImportResult> {
  const tooBig = files.find((f) => f.size > MAX_BYTES);
  if (tooBig)
    return {
      ok: false,
      errors: [
        {
          file: tooBig.name,
          path: '',
          message: `the file is ${mb(tooBig.size)}; files up to ${mb(MAX_BYTES)} can be opened`,
        },
      ],
    };
  options.onphase?.('reading');
  let read: ImportFile[];
  try {
    read = await Promise.all(
      files.map(async (f) => ({ name: f.name, bytes: await f.arrayBuffer() })),
    );
  } catch (err) {
    return {
      ok: false,
      errors: files.map((f) => ({
        file: f.name,
        path: '',
        message: `could not read the file: ${err instanceof Error ? err.message : String(err)}`,
      })),
    };
  }
  options.onphase?.('parsing');
  return runWorker(
    { files: read, ...(options.vague ? { vague: options.vague } : {}) },
    options.signal,
    (p) => options.onphase?.(p.phase, p.claims),
  );
}

function runWorker(
  request: ImportRequest,
  signal: AbortSignal | undefined,
  onprogress: (p: ImportProgress) => void,
): Promise<TimedImportResult> {
  const names = request.files.map((f) => f.name).join(', ');
  const failure = (message: string): TimedImportResult => ({
    ok: false,
    errors: [{ file: names, path: '', message }],
  });
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' });
    } catch (err) {
      resolve(
        failure(
          `could not start the import worker: ${err instanceof Error ? err.message : String(err)}`,
        ),
      );
      return;
    }
    const finish = (result: TimedImportResult) => {
      worker.terminate();
      signal?.removeEventListener('abort', abort);
      resolve(result);
    };
    const abort = () => finish(failure('import cancelled'));
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    const parts: ReportPart[] = [];
    worker.onmessage = (e: MessageEvent<ImportResponse | ImportProgress | ReportPart>) => {
      const data = e.data;
      if ('phase' in data) return onprogress(data);
      if ('list' in data) return void parts.push(data);
      const { result } = data;
      const report = result.ok && result.value.report;
      finish({
        ...(report
          ? { ok: true, value: { ...result.value, report: joinReport(report, parts) } }
          : result),
        parseMs: data.parseMs,
        prepareMs: data.prepareMs,
        ...(data.checkMs === undefined ? {} : { checkMs: data.checkMs }),
      });
    };
    worker.onerror = (e) => {
      e.preventDefault();
      finish(failure(`the import worker failed: ${e.message || 'out of memory?'}`));
    };
    worker.onmessageerror = () => finish(failure('the import worker sent an unreadable result'));
    worker.postMessage(
      request,
      request.files.map((f) => f.bytes),
    );
  });
}
