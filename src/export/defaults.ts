import type { Map as MapLibreMap } from 'maplibre-gl';
import type { RouteCollection } from '../domain/route/route';
import { routeBounds } from '../map/bounds';
import {
  ROUTE_ATTRIBUTION,
  type CompositionText,
  type ExportMoment,
  type ExportView,
} from './types';

/** Which part of the world an export shows: the whole route, or what the live map shows now. */
export type ViewChoice = 'route' | 'current';

/** The view to export: the route's box (north up), or the live map's visible box and bearing. */
export function exportViewFor(
  choice: ViewChoice,
  route: RouteCollection,
  map: MapLibreMap | null,
): ExportView {
  if (choice === 'current' && map) {
    const b = map.getBounds();
    const bearingDeg = map.getBearing();
    if (bearingDeg === 0) {
      return {
        bounds: [
          [b.getWest(), b.getSouth()],
          [b.getEast(), b.getNorth()],
        ],
        bearingDeg,
      };
    }
    // a rotated map's bounds overshoot; fit the box around its centre that the canvas shows
    const c = map.getCanvas();
    const w = c.clientWidth;
    const h = c.clientHeight;
    const a = map.unproject([w / 2 - Math.min(w, h) / 2, h / 2 - Math.min(w, h) / 2]);
    const z = map.unproject([w / 2 + Math.min(w, h) / 2, h / 2 + Math.min(w, h) / 2]);
    const lons = [a.lng, z.lng];
    const lats = [a.lat, z.lat];
    return {
      bounds: [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      bearingDeg,
    };
  }
  return { bounds: routeBounds(route), bearingDeg: 0 };
}

/** Caller choices for the text drawn over the map; anything left out comes from the moment. */
export interface TextChoices {
  title?: string;
  subtitle?: string;
  verdictLines?: string[];
  attribution?: string;
  showVariants?: boolean;
}

/** The composition text for a moment: title from the journey, subtitle naming the scenario. */
export function compositionText(moment: ExportMoment, choices: TextChoices = {}): CompositionText {
  return {
    title: choices.title?.trim() || moment.journeyTitle,
    subtitle: choices.subtitle?.trim() ?? `Scenario: ${moment.scenarioLabel}`,
    caption: moment.caption,
    ...(choices.verdictLines?.length ? { verdictLines: choices.verdictLines } : {}),
    attribution: choices.attribution ?? ROUTE_ATTRIBUTION,
    legendTrains: moment.legendTrains,
    showVariants: choices.showVariants ?? true,
  };
}
