import type { FeatureCollection } from 'geojson';
import type { ChartData } from '../present/chart/time-distance';

/** The moment of the journey an export shows, handed over by the app (never read from the player). */
export interface ExportMoment {
  /** The instant shown, UTC ms. */
  tMs: number;
  /** The caption of the moment: local time with zone, km, scenario. */
  caption: string;
  /** UTC offset of the clock at the moment shown, minutes (file names use the local date). */
  utcOffsetMin: number;
  scenarioId: string;
  scenarioLabel: string;
  /** Distance travelled by the main train at `tMs`, km. */
  km: number;
  /** The app-relative link (`#t=…`) that reopens the same view wherever the app is served. */
  reopenLink: string;
  /** For an imported journey: where its link can reopen it (added to the description). */
  reopenNote?: string;
  journeyTitle: string;
  /** The route's own sources (the basemap credit is added by the export). */
  attribution: string;
  /** What the legend calls the line: "Rail" for the built-in journeys, "Route" for a file. */
  lineNoun: string;
  /** The routing shown as the main line, and whether the other routings are drawn. */
  routing: string;
  showVariants: boolean;
  /** The journey's whole time range (every train), UTC ms. */
  timeRange: [number, number];
  /** When the main train arrives, UTC ms (animations end here by default). */
  mainArrivalMs: number;
  /** Trains and trail at `tMs`, as `movingFeatures()` returns them. */
  moving: FeatureCollection;
  /** The trains shown in the legend (main and ghost trains). */
  legendTrains: { label: string; color: string }[];
  /** What the time–distance chart panel draws, if the app has a chart. */
  chart?: ChartData | null;
}

/** Still image formats. */
export type ImageFormat = 'png' | 'jpeg';
/** Video containers (WebM: VP9/VP8; MP4: H.264). */
export type VideoFormat = 'webm' | 'mp4';
/** Every export format. */
export type ExportFormat = ImageFormat | 'svg' | VideoFormat | 'gif';

/** What a map view shows: a box to fit (lon/lat) and the bearing, degrees clockwise from north. */
export interface ExportView {
  bounds: [[number, number], [number, number]];
  bearingDeg: number;
}

/** The provenance every export carries (PNG text chunks, SVG metadata, video tags). */
export interface Provenance {
  title: string;
  description: string;
  /** The app-relative link (`#t=…`) that reopens the same view. */
  sourceUrl: string;
  journey: string;
  /** The moment shown (ISO instant, and the caption). */
  moment: string;
  scenario: string;
  software: string;
}

/** Called with progress in 0..1 and a short phase name. */
export type ProgressCallback = (fraction: number, phase: string) => void;

/** The decorations drawn over the map (all text given by the caller). */
export interface CompositionText {
  title: string;
  subtitle: string;
  /** The caption of the moment; for animations the caption of each frame replaces it. */
  caption: string;
  /** Claim-verdict card lines; omitted or empty: no card. */
  verdictLines?: string[];
  /** Route sources, appended to the Natural Earth attribution. */
  attribution: string;
  legendTrains: { label: string; color: string }[];
  /** Whether the legend lists the alternative routings. */
  showVariants: boolean;
}

/** Software name written into provenance. */
export const SOFTWARE = 'Journey Map export (MapLibre GL JS, Natural Earth)';

export { BASEMAP_ATTRIBUTION } from '../map/style';

/** Provenance for a moment, with an optional title. */
export function provenanceOf(moment: ExportMoment, title: string): Provenance {
  const iso = new Date(moment.tMs).toISOString();
  return {
    title,
    description: `${moment.journeyTitle} at ${moment.caption}${moment.reopenNote ? `. ${moment.reopenNote}` : ''}`,
    sourceUrl: moment.reopenLink,
    journey: moment.journeyTitle,
    moment: `${iso} (${moment.caption})`,
    scenario: `${moment.scenarioLabel} [${moment.scenarioId}]`,
    software: SOFTWARE,
  };
}

/** Thrown when an export is cancelled through its AbortSignal. */
export class ExportCancelled extends Error {
  constructor() {
    super('Export cancelled');
    this.name = 'AbortError';
  }
}

/** Throws {@link ExportCancelled} when the signal is aborted. */
export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new ExportCancelled();
}
