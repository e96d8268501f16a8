import { themeOf } from '../map/style';
import type { AppState } from '../state/app.svelte';
import { installAutomation } from '../map/automation';
import { installExportHook } from './automation';
import type { exportSources } from './sources';

/**
 * Installs the read-only hooks that browser tests, the benchmarks and the export command line use
 * (`window.journeyMap`, `window.journeyMapExport`); returns their removal.
 */
export function installHooks(
  app: AppState,
  exporter: ReturnType<typeof exportSources>,
): () => void {
  installAutomation(
    () => app.map,
    () => app.trainPoint,
    app.player,
  );
  return installExportHook({
    map: () => app.map,
    route: () => app.journey.route,
    moment: exporter.moment,
    movingAt: exporter.movingAt,
    captionAt: exporter.captionAt,
    verdictLines: exporter.verdictLines,
    showVariants: () => app.journey.showVariants,
    theme: () => themeOf(app.theme).name,
  });
}
