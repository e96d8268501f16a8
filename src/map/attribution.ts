import type { Map as MapLibreMap } from 'maplibre-gl';

/**
 * Folds MapLibre's compact attribution to its ⓘ button. MapLibre opens it on load and folds it
 * only at the first drag, so it would cover the scale bar until then; the reader unfolds it with
 * the button.
 */
export function foldCompactAttribution(map: MapLibreMap): void {
  const el = map.getContainer().querySelector('.maplibregl-ctrl-attrib.maplibregl-compact');
  if (!el) return;
  el.classList.remove('maplibregl-compact-show');
  el.removeAttribute('open');
}
