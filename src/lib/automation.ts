import type { Map as MapLibreMap } from 'maplibre-gl';

/** What browser tests and the export command line may read from the running app. */
export interface AutomationApi {
  /** Screen position (CSS px, relative to the map) of the main train, or null before it is drawn. */
  trainScreenPoint(): [number, number] | null;
  /** Starts recording how long each playback frame spends in our code; returns the list it fills. */
  recordFrameTimes(): number[];
}

declare global {
  interface Window {
    journeyMap?: AutomationApi;
  }
}

/** Installs `window.journeyMap`, a read-only view for tests and automation. */
export function installAutomation(
  getMap: () => MapLibreMap | null,
  getTrain: () => [number, number] | null,
  player: { onFrameTiming: ((ms: number) => void) | null },
): void {
  window.journeyMap = {
    recordFrameTimes() {
      const times: number[] = [];
      player.onFrameTiming = (ms) => times.push(ms);
      return times;
    },
    trainScreenPoint() {
      const map = getMap();
      const lngLat = getTrain();
      if (!map || !lngLat) return null;
      const p = map.project(lngLat);
      return [p.x, p.y];
    },
  };
}
