import type { FeatureCollection } from 'geojson';
import type { JourneyState } from './journey-state.svelte';
import { TRAIN_COLORS } from './journey-state.svelte';
import type { Player } from './player.svelte';
import {
  adjacentTick,
  kmAtInstant,
  readoutsAt,
  stationTicks,
  timeRange,
  type Tick,
} from '../domain/schedule/playback';
import { isoToUtcMs } from '../domain/time/timezone';
import { movingFeatures, type TrainMark } from '../domain/route/trains';
import { chartData } from '../present/chart/chart-data';
import type { ChartData, ChartTrain } from '../present/chart/time-distance';

/** The id of the scenario drawn as the train; the others are its ghosts. */
export const MAIN_SCENARIO = 'reconstructed';

/**
 * What playback shows at the player's instant: the trains, the trail, the readouts and the
 * timeline ticks, all derived from the one clock. One O(log n) lookup per train per frame.
 */
export class PlaybackView {
  journey: JourneyState;
  player: Player;
  /** Scenario ids shown; null shows every scenario. */
  shown = $state<string[] | null>(null);
  /** The train the pointer is over (on the chart or its card): highlighted everywhere. */
  hovered = $state<string | null>(null);

  constructor(journey: JourneyState, player: Player) {
    this.journey = journey;
    this.player = player;
  }

  main = $derived.by(
    () =>
      this.journey.playback.find((s) => s.id === MAIN_SCENARIO) ?? this.journey.playback[0] ?? null,
  );
  range = $derived.by(() => timeRange(this.journey.playback));

  colorOf = (id: string): string => {
    const i = this.journey.playback.findIndex((s) => s.id === id);
    const main = this.main?.id === id;
    return main
      ? TRAIN_COLORS[0]!
      : TRAIN_COLORS[1 + (Math.max(i, 0) % (TRAIN_COLORS.length - 1))]!;
  };

  visible = $derived.by(() =>
    this.journey.playback.filter(
      (s) => s.id === this.main?.id || !this.shown || this.shown.includes(s.id),
    ),
  );

  /** The short name of a train on the map and the chart. */
  labelOf = (s: { id: string; label: string }): string =>
    s.id === MAIN_SCENARIO ? 'Reconstructed' : s.label.split(',')[0]!;

  /**
   * The shown trains at any instant (exports ask for instants other than the player's); the one
   * named by `hovered` is highlighted.
   */
  trainsAt = (tMs: number, hovered: string | null = null): TrainMark[] =>
    this.visible.map((s) => ({
      id: s.id,
      label: this.labelOf(s),
      color: this.colorOf(s.id),
      km: kmAtInstant(s, tMs),
      main: s.id === this.main?.id,
      ...(s.id === hovered ? { highlight: true } : {}),
    }));

  trains: TrainMark[] = $derived.by(() => this.trainsAt(this.player.clock.tMs, this.hovered));

  /** What the time–distance chart draws: the shown trains on the selected routing (no clock). */
  chartData: ChartData | null = $derived.by(() => {
    const measured = this.journey.measuredVariants.find(
      (m) => m.summary.variant === this.journey.variant,
    );
    if (!measured || !this.main) return null;
    const shown = this.visible.map((s) => s.id);
    const trains: ChartTrain[] = this.journey.scenarios
      .filter((s) => shown.includes(s.id))
      .map((s) => ({
        id: s.id,
        label: this.labelOf(s),
        color: this.colorOf(s.id),
        main: s.id === this.main?.id,
        scenario: s,
      }));
    return chartData({
      trains,
      measured,
      events: this.journey.journey?.events ?? [],
      zones: this.journey.journey?.zones ?? {},
      timeRange: this.range,
    });
  });

  moving: FeatureCollection = $derived.by(() =>
    this.journey.current
      ? movingFeatures(this.journey.current, this.trains)
      : { type: 'FeatureCollection', features: [] },
  );

  readouts = $derived.by(() =>
    this.journey.current && this.main
      ? readoutsAt(this.journey.current, this.main, this.player.clock.tMs, this.journey.clockZones)
      : null,
  );

  ticks: Tick[] = $derived.by(() => {
    const route = this.journey.current;
    const main = this.main;
    const journey = this.journey.journey;
    if (!route || !main) return [];
    const events: Tick[] = (journey?.events ?? []).map((e) => ({
      kind: 'event',
      label: e.name,
      tMs: isoToUtcMs(e.best),
      km: 0,
    }));
    return [...stationTicks(route, main), ...events];
  });

  toggleScenario(id: string): void {
    const all = this.journey.playback.map((s) => s.id);
    const now = this.shown ?? all;
    this.shown = now.includes(id) ? now.filter((x) => x !== id) : [...now, id];
  }

  /** Moves to the previous or next station or event on the timeline. */
  step(dir: 1 | -1): void {
    const t = adjacentTick(this.ticks, this.player.clock.tMs, dir);
    if (t) this.player.seek(t.tMs);
    else this.player.seek(dir > 0 ? this.player.clock.endMs : this.player.clock.startMs);
  }

  /** Moves the main train to a km along the route. */
  seekKm(km: number): void {
    const main = this.main;
    if (main) this.player.seek(main.departUtcMs + main.timeAt(km) * 1000);
  }
}
