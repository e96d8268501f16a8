import { blobBase64 } from './bytes';
import { runExport, type ExportSources } from './dispatch';
import type { ExportRequest } from './request';

/** What `window.journeyMapExport` accepts (the command line passes these): an export request. */
export type AutomationOptions = ExportRequest;

/** What `window.journeyMapExport` resolves to. */
export interface AutomationResult {
  bytesBase64: string;
  mime: string;
  width: number;
  height: number;
  /** How many passes drew the map (more than 1: tiled beyond the GPU's limit). */
  tiles?: number;
}

declare global {
  interface Window {
    /** Installed by {@link installExportHook}; used by `npm run export`. */
    journeyMapExport?: (options: AutomationOptions) => Promise<AutomationResult>;
  }
}

/**
 * Registers `window.journeyMapExport(request)` for the command line; returns a function that
 * removes it. Exports run one at a time, through the same dispatcher as the dialog.
 */
export function installExportHook(sources: ExportSources): () => void {
  let queue: Promise<unknown> = Promise.resolve();
  const hook = (options: AutomationOptions): Promise<AutomationResult> => {
    const run = queue.then(async () => {
      const result = await runExport(sources, options);
      return {
        bytesBase64: await blobBase64(result.blob),
        mime: result.mime,
        width: result.width,
        height: result.height,
        ...(result.tiles ? { tiles: result.tiles } : {}),
      };
    });
    queue = run.catch(() => {});
    return run;
  };
  window.journeyMapExport = hook;
  return () => {
    if (window.journeyMapExport === hook) delete window.journeyMapExport;
  };
}
