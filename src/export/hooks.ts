import { themeOf } from '../map/style';
import type { AppState } from '../state/app.svelte';
import { installAutomation } from '../map/automation';
import { installExportHook } from './automation';
import type { ExportSources } from './dispatch';
import type { exportSources } from './sources';

/** What the export dialog and the export hook read from the app: one object for both. */
export function exportSourcesOf(
  app: AppState,
  exporter: ReturnType<typeof exportSources>,
): ExportSources {
  return {
    map: () => app.map,
    route: () => app.journey.route,
    moment: exporter.moment,
    movingAt: exporter.movingAt,
    captionAt: exporter.captionAt,
    verdictLines: exporter.verdictLines,
    theme: () => themeOf(app.theme).name,
  };
}

/**
 * Installs the read-only hooks that browser tests, the benchmarks and the export command line use
 * (`window.journeyMap`, `window.journeyMapExport`); returns their removal.
 */
export function installHooks(app: AppState, sources: ExportSources): () => void {
  installAutomation(
    () => app.map,
    () => app.trainPoint,
    app.player,
  );
  return installExportHook(sources);
}
