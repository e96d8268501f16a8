/// <reference lib="webworker" />
import type { VagueWords } from '../domain/data/journey';
import type { ImportFile, ImportResult } from './types';
import { importFiles } from './detect';
import { prepareImport } from './prepare';
import { checkJourney } from '../domain/claims/check';
import { splitReport } from './report-parts';

/** A request to the import worker: the files' bytes are transferred, not copied. */
export interface ImportRequest {
  files: ImportFile[];
  vague?: VagueWords;
}

/** The worker's answer, with how long the parse, preparation and fact-check took inside it. */
export interface ImportResponse {
  result: ImportResult;
  parseMs: number;
  prepareMs: number;
  checkMs?: number;
}

/** A message the worker sends before its answer: the fact-check of `claims` claims has begun. */
export interface ImportProgress {
  phase: 'checking';
  claims: number;
}

/**
 * Reads and prepares the files, then fact-checks an imported journey file's claims (when the
 * vague-words table came with the request); never throws (a failure becomes a located error).
 * `onprogress` hears when the check begins.
 */
export function handle(
  request: ImportRequest,
  onprogress?: (p: ImportProgress) => void,
): ImportResponse {
  const t0 = performance.now();
  const read = importFiles(request.files, request.vague ? { vague: request.vague } : {});
  const t1 = performance.now();
  if (!read.ok) return { result: read, parseMs: t1 - t0, prepareMs: 0 };
  try {
    const prepared = prepareImport(read.value);
    const t2 = performance.now();
    const { journey } = prepared;
    if (!journey || !request.vague)
      return { result: { ok: true, value: prepared }, parseMs: t1 - t0, prepareMs: t2 - t1 };
    onprogress?.({ phase: 'checking', claims: journey.claims.length });
    const report = checkJourney(journey, request.vague, prepared.route, {
      measured: prepared.measuredVariants ?? [],
    });
    return {
      result: { ok: true, value: { ...prepared, report } },
      parseMs: t1 - t0,
      prepareMs: t2 - t1,
      checkMs: performance.now() - t2,
    };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    return {
      result: {
        ok: false,
        errors: [
          {
            file: read.value.fileName,
            path: '',
            line: 1,
            column: 1,
            message: `could not measure the route: ${message}`,
          },
        ],
      },
      parseMs: t1 - t0,
      prepareMs: performance.now() - t1,
    };
  }
}

/** The typed-array buffers of a result, to transfer back instead of copying. */
export function transferables(result: ImportResult): ArrayBuffer[] {
  if (!result.ok) return [];
  const buffers = new Set<ArrayBuffer>();
  for (const m of result.value.measuredVariants ?? [])
    for (const a of [
      m.route.lon,
      m.route.lat,
      m.route.cumKm,
      m.route.bearingDeg,
      m.route.legOfVertex,
    ])
      if (a.buffer instanceof ArrayBuffer) buffers.add(a.buffer);
  return [...buffers];
}

if (typeof WorkerGlobalScope !== 'undefined' && self instanceof WorkerGlobalScope) {
  const scope = self as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (event: MessageEvent<ImportRequest>) => {
    const response = handle(event.data, (p) => scope.postMessage(p));
    const report = response.result.ok ? response.result.value.report : undefined;
    if (!report || !response.result.ok) {
      scope.postMessage(response, transferables(response.result));
      return;
    }
    // the report's long lists go first, in parts; the answer carries the rest
    const { head, parts } = splitReport(report);
    for (const part of parts) scope.postMessage(part);
    const value = { ...response.result.value, report: head };
    scope.postMessage({ ...response, result: { ok: true, value } }, transferables(response.result));
  };
}
