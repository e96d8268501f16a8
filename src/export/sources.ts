import type { FeatureCollection } from 'geojson';
import type { JourneyState } from '../state/journey-state.svelte';
import type { PlaybackView } from '../state/playback-view.svelte';
import type { Player } from '../state/player.svelte';
import type { ExportMoment } from './types';
import { kmAtInstant, readoutsAt } from '../domain/schedule/playback';
import { movingFeatures } from '../domain/route/trains';
import { findingOf } from '../domain/claims/finding';
import { findingCardLines } from '../present/finding';

/** What exports need from the app's state, as plain functions of an instant. */
export function exportSources(journey: JourneyState, view: PlaybackView, player: Player) {
  const movingAt = (tMs: number): FeatureCollection =>
    journey.current
      ? movingFeatures(journey.current, view.trainsAt(tMs), true)
      : { type: 'FeatureCollection', features: [] };
  const captionAt = (tMs: number): string => {
    if (!journey.current || !view.main || !journey.journey) return '';
    const r = readoutsAt(journey.current, view.main, tMs, journey.journey.zones);
    return `${r.localTime} · km ${r.km.toFixed(0)} · ${view.main.label.split(',')[0]}`;
  };
  const moment = (): ExportMoment | null => {
    const main = view.main;
    if (!main || !journey.current) return null;
    const tMs = player.clock.tMs;
    return {
      tMs,
      caption: captionAt(tMs),
      scenarioId: main.id,
      scenarioLabel: main.label,
      routing: journey.variant,
      km: kmAtInstant(main, tMs),
      reopenUrl: location.href,
      journeyTitle: journey.journey?.title ?? 'Journey',
      timeRange: view.range,
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
