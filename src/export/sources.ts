import type { FeatureCollection } from 'geojson';
import type { JourneyState } from '../state/journey-state.svelte';
import type { PlaybackView } from '../state/playback-view.svelte';
import type { Player } from '../state/player.svelte';
import type { ExportMoment } from './types';
import { arrivalMs, kmAtInstant, readoutsAt } from '../domain/schedule/playback';
import { encodeHash, type ViewState } from '../domain/data/url-state';
import { movingFeatures } from '../domain/route/trains';
import { findingOf } from '../domain/claims/finding';
import { findingCardLines } from '../present/finding';
import { ROUTE_ATTRIBUTION } from '../map/style';

/** What exports need from the app's state, as plain functions of an instant. */
export function exportSources(
  journey: JourneyState,
  view: PlaybackView,
  player: Player,
  urlView: () => ViewState,
  /** Whether the import shown is kept in this browser (its link reopens it only there). */
  importKept: () => boolean = () => false,
) {
  const movingAt = (tMs: number): FeatureCollection =>
    journey.current
      ? movingFeatures(journey.current, view.trainsAt(tMs), true)
      : { type: 'FeatureCollection', features: [] };
  const readouts = (tMs: number) =>
    journey.current && view.main
      ? readoutsAt(journey.current, view.main, tMs, journey.clockZones)
      : null;
  const captionAt = (tMs: number): string => {
    const r = readouts(tMs);
    if (!r || !view.main) return '';
    return `${r.localTime} · km ${r.km.toFixed(0)} · ${view.main.label.split(',')[0]}`;
  };
  const moment = (): ExportMoment | null => {
    const main = view.main;
    if (!main || !journey.current) return null;
    const tMs = player.clock.tMs;
    const imported = journey.imported && !journey.journey ? journey.imported : null;
    return {
      tMs,
      caption: captionAt(tMs),
      utcOffsetMin: readouts(tMs)?.utcOffsetMin ?? 0,
      scenarioId: main.id,
      scenarioLabel: main.label,
      km: kmAtInstant(main, tMs),
      // app-relative, so it reopens the view wherever the app is served (never a local port)
      reopenLink: encodeHash({ ...urlView(), tMs, rate: undefined }) || '#',
      ...(journey.imported
        ? { reopenNote: importReopenNote(journey.imported.fileName, importKept()) }
        : {}),
      journeyTitle: journey.title,
      attribution: imported ? `Route: ${imported.fileName} (imported file)` : ROUTE_ATTRIBUTION,
      lineNoun: imported ? 'Route' : 'Rail',
      routing: journey.variant,
      showVariants: journey.showVariants,
      timeRange: view.range,
      mainArrivalMs: arrivalMs(main),
      moving: movingAt(tMs),
      legendTrains: view.trains.map((t) => ({ label: t.label, color: t.color })),
      chart: view.chartData,
    };
  };
  /** The verdict card: the finding for the routing on screen, in short lines. */
  const verdictLines = (): string[] => {
    const report = journey.report;
    if (!report || !report.variants.some((v) => v.variant === journey.variant)) return [];
    return findingCardLines(report, findingOf(report, journey.variant));
  };
  return { movingAt, captionAt, moment, verdictLines };
}

/** What the link of an imported journey can reopen: only the copy kept where it was imported. */
export function importReopenNote(fileName: string, kept: boolean): string {
  return kept
    ? `The link reopens this imported journey only in the browser that imported ${fileName}, while that browser keeps it.`
    : `The link cannot reopen this imported journey: ${fileName} was not kept in the browser that imported it.`;
}
