import type { Map as MapLibreMap } from 'maplibre-gl';
import type { MapCamera } from '../domain/data/url-state';
import { cameraOf } from './camera';
import { labelsAtEdges } from './first-view';

/** What browser tests and the export command line may read from the running app. */
export interface AutomationApi {
  /** Screen position (CSS px, relative to the map) of the main train, or null before it is drawn. */
  trainScreenPoint(): [number, number] | null;
  /**
   * Starts recording how long each playback frame takes (all of it, and the part inside MapLibre
   * calls); returns the lists it fills.
   */
  recordFrameTimes(): { totalMs: number[]; mapMs: number[] };
  /** Where the map looks now, or null before it exists. */
  camera(): MapCamera | null;
  /** The `name` of every feature a layer draws in the view now (for symbols: the placed ones). */
  renderedNames(layerId: string): string[];
  /** The route labels placed across the map's left or right edge (cut by it). */
  labelsAtEdges(): string[];
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
  player: { onFrameTiming: ((totalMs: number, mapMs: number) => void) | null },
): void {
  window.journeyMap = {
    recordFrameTimes() {
      const times = { totalMs: [] as number[], mapMs: [] as number[] };
      player.onFrameTiming = (total, map) => {
        times.totalMs.push(total);
        times.mapMs.push(map);
      };
      return times;
    },
    camera() {
      const map = getMap();
      return map ? cameraOf(map) : null;
    },
    renderedNames(layerId) {
      const map = getMap();
      if (!map?.getLayer(layerId)) return [];
      const names = map
        .queryRenderedFeatures({ layers: [layerId] })
        .map((f) => String(f.properties?.name ?? ''));
      return [...new Set(names)].sort();
    },
    labelsAtEdges() {
      const map = getMap();
      return map ? labelsAtEdges(map) : [];
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
