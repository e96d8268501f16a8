import type { Map as MapLibreMap } from 'maplibre-gl';
import { untrack } from 'svelte';
import { JourneyState } from './journey-state.svelte';
import { Player } from './player.svelte';
import { PlaybackView } from './playback-view.svelte';
import { Startup } from './startup';
import { playerActionFor } from './keyboard';
import { writeUrlView } from './url-sync';
import { shareLinks, type ShareLinks } from './share';
import { journeyFallback, reopenFallback, routingFallback } from './url-fallback';
import { ImportRun } from './import-run.svelte';
import {
  forgetKeptImport,
  keepImport,
  keptImportMeta,
  readKeptImport,
  type Kept,
  type KeptMeta,
} from './kept-import';
import { BUILTIN_JOURNEYS, builtinJourney } from './builtin-journeys';
import { IMPORTED_JOURNEY_ID } from './builtin-ids';
import type { MapCamera, ViewState } from '../domain/data/url-state';
import type { ImportedJourney } from '../domain/data/imported';
import { positionAt } from '../domain/route/position';
import { DEFAULT_ROUTING } from '../domain/route/routing';
import { arrivalMs } from '../domain/schedule/playback';
import { claimFocus, routeSlice } from '../present/claim-focus';

/**
 * The whole app's state and its wiring, made once by `App.svelte` (its effects belong to that
 * component): the journey, the player clock, the playback view, the one map handle, the start-up
 * sequence, the URL it writes, and what keys do. Components read it; none of them orchestrate.
 */
export class AppState {
  readonly journey = new JourneyState();
  readonly player = new Player();
  readonly view = new PlaybackView(this.journey, this.player);
  readonly opened: ViewState;
  readonly #startup: Startup;

  /** The built-in journey chosen in the menu. */
  journeyId = $state('');
  /** The map, once `MapView` has made it; the one handle, held raw (never proxied). */
  map = $state.raw<MapLibreMap | null>(null);
  /** Where the user last left the map; written to the URL only with the free camera. */
  mapCamera = $state.raw<MapCamera | null>(null);
  /** The map theme's name (the app checks it against the map's themes); 'light' by default. */
  theme = $state('light');
  /** A sentence for the reader when the URL asked for something the app cannot show. */
  notice = $state<string | null>(null);
  /** Embedded in another page (`#embed`): map, player and finding only. */
  readonly embed: boolean;
  /** The start-up sequence is done: the view may be written to the URL. */
  #ready = $state(false);
  /** The one import under way, and what the import panel shows of it. */
  readonly importer = new ImportRun(() => this.journey.vague);
  /** The import kept in this browser, which `#j=imported` reopens; null when none is. */
  kept = $state.raw<KeptMeta | null>(null);
  /** Whether the last import was kept in this browser, or why not. */
  keepNote = $state<string | null>(null);
  /** The kept import is being reopened. */
  #reopening = false;
  /** Keeping imports one after another, so the last one imported is the one kept. */
  #keeping: Promise<unknown> = Promise.resolve();

  constructor(opened: ViewState) {
    this.opened = opened;
    this.embed = opened.embed === true;
    this.#startup = new Startup(opened);
    this.journeyId =
      opened.journey === IMPORTED_JOURNEY_ID
        ? IMPORTED_JOURNEY_ID
        : builtinJourney(opened.journey).id;
    this.mapCamera = opened.map ?? null;
    if (opened.variant) this.journey.variant = opened.variant;
    if (opened.rate) this.player.setRate(opened.rate);
    if (opened.camera) this.player.camera = opened.camera;
    if (opened.scenarios) this.view.shown = opened.scenarios;
    this.notice = journeyFallback(opened.journey, BUILTIN_JOURNEYS);
    void keptImportMeta().then((m) => {
      if (m.ok && !this.#reopening) this.kept = m.value;
    });

    $effect(() => {
      // an imported journey on screen stays; one asked for by the URL or the menu is reopened
      // from the copy kept in this browser; a built-in one is loaded
      if (this.journeyId === IMPORTED_JOURNEY_ID) {
        if (!untrack(() => this.journey.imported)) void this.#reopen();
        return;
      }
      const chosen = builtinJourney(this.journeyId);
      untrack(() => {
        this.#journeyChanged();
        void this.journey.load(chosen.sources);
      });
    });
    // a routing the journey does not have (#v=Z): the default one, and a word to the reader
    $effect(() => {
      const fallback = routingFallback(this.journey.variant, this.journey.variants);
      if (!fallback || !this.journey.route) return;
      untrack(() => {
        this.journey.variant = fallback.routing;
        this.notice = fallback.notice;
      });
    });
    $effect(() => {
      const [start, end] = this.view.range;
      if (!this.view.main) return;
      untrack(() => {
        this.player.setRange(start, end);
        const seekMs = this.#startup.rangeKnown(start, end);
        if (seekMs !== null) this.player.seek(seekMs);
        this.#ready = true;
      });
    });
    $effect(() => {
      if (!this.#ready || !this.view.main) return;
      writeUrlView({ ...this.urlView, embed: this.embed || undefined }, this.player.clock.playing);
    });
  }

  /** The view as the URL keeps it (time rounded to the minute). */
  get urlView(): ViewState {
    return {
      tMs: Math.round(this.player.clock.tMs / 60_000) * 60_000,
      scenarios: this.view.shown ?? undefined,
      rate: this.player.clock.rate,
      camera: this.player.camera,
      variant: this.journey.variant === DEFAULT_ROUTING ? undefined : this.journey.variant,
      // an import is named `imported`: its link reopens the copy kept in this browser
      journey: this.journeyId === BUILTIN_JOURNEYS[0]!.id ? undefined : this.journeyId,
      map: this.player.camera === 'free' ? (this.mapCamera ?? undefined) : undefined,
      theme: this.theme === 'light' ? undefined : this.theme,
    };
  }

  /** The links the Share panel offers for the view shown now. */
  shareLinks = (): ShareLinks => shareLinks(location.href, this.urlView, this.journey.title);

  /** Where the main train is, [lon, lat]. */
  trainPoint = $derived.by((): [number, number] | null => {
    const main = this.view.trains.find((t) => t.main);
    if (!main || !this.journey.current) return null;
    const p = positionAt(this.journey.current, main.km);
    return [p.lon, p.lat];
  });

  /** The point the camera follows, when it follows the train. */
  follow = $derived(this.player.camera === 'follow' ? this.trainPoint : null);

  /** Where and when the selected claim applies. */
  focus = $derived.by(() => {
    const { report, selectedClaim, current } = this.journey;
    if (!report || !selectedClaim || !current) return null;
    const summary = this.journey.measuredVariants.find(
      (m) => m.summary.variant === this.journey.variant,
    )?.summary;
    return claimFocus(report, selectedClaim, current, summary?.borderKm ?? null);
  });

  /** The stretch of route the selected claim is about, drawn over the route. */
  highlight = $derived(
    this.focus && this.journey.current
      ? routeSlice(this.journey.current, this.focus.fromKm, this.focus.toKm)
      : null,
  );

  /** Shows a journey read from the user's file (already parsed, validated and measured). */
  importJourney(j: ImportedJourney): void {
    this.#journeyChanged();
    this.journey.loadImported(j);
    this.journeyId = IMPORTED_JOURNEY_ID;
  }

  /**
   * Imports files dropped or chosen; once the journey is shown, keeps them in this browser so a
   * reload reopens it (or says why it cannot be kept). The journey shown stays on failure.
   */
  async openFiles(files: File[]): Promise<void> {
    const run = await this.importer.open(files);
    if (!run.ok) return;
    this.importJourney(run.value);
    this.keepNote = null;
    this.kept = null; // until this import is kept: exports must not say its link reopens it
    const keeping = this.#keeping.then(() => keepImport(files, run.value.name));
    this.#keeping = keeping;
    const kept = await keeping;
    if (this.journey.imported !== run.value) return; // another journey came meanwhile
    this.kept = kept.ok ? kept.value : null;
    this.keepNote = kept.ok
      ? 'Kept in this browser: reloading the page (or opening its link here) reopens it.'
      : `Not kept in this browser: ${kept.reason}. After a reload, import the file again.`;
  }

  /** Removes the kept import; if it is on screen, the first built-in journey takes its place. */
  async forgetImport(): Promise<void> {
    const done: Kept<null> = await this.#keeping.then(forgetKeptImport, forgetKeptImport);
    if (!done.ok) {
      this.keepNote = `Could not forget the imported journey: ${done.reason}.`;
      return;
    }
    const title = this.kept?.title ?? 'the imported journey';
    this.kept = null;
    this.keepNote = `Forgot “${title}”: it is no longer kept in this browser.`;
    if (this.journeyId === IMPORTED_JOURNEY_ID) this.journeyId = BUILTIN_JOURNEYS[0]!.id;
  }

  /**
   * Reopens the import kept in this browser through the import worker, as an import (validated
   * again, with its progress shown). When nothing usable is kept, the first built-in journey is
   * shown and the notice says why; a copy that no longer opens is removed.
   */
  async #reopen(): Promise<void> {
    if (this.#reopening) return;
    this.#reopening = true;
    const instead = BUILTIN_JOURNEYS[0]!;
    const fallback = (reason: string, cancelled = false) => {
      if (this.journeyId !== IMPORTED_JOURNEY_ID) return; // the reader chose another meanwhile
      this.notice = reopenFallback(reason, instead.label, cancelled);
      this.journeyId = instead.id;
    };
    try {
      const kept = await readKeptImport();
      if (!kept.ok) {
        this.kept = null;
        return fallback(kept.reason);
      }
      this.kept = kept.value.meta;
      await this.journey.loadVague(instead.sources.vagueUrl);
      if (this.journeyId !== IMPORTED_JOURNEY_ID) return;
      const run = await this.importer.open(kept.value.files, { reopening: true });
      if (run.ok) {
        if (this.journeyId !== IMPORTED_JOURNEY_ID) return;
        this.importJourney(run.value);
        this.keepNote = 'Reopened from the copy kept in this browser.';
        return;
      }
      if (run.superseded) return;
      if (!run.cancelled) {
        await forgetKeptImport();
        this.kept = null;
      }
      fallback(
        `the copy of ${kept.value.meta.names.join(', ')} kept in this browser no longer opens (${run.message}), so it was removed`,
        run.cancelled,
      );
    } finally {
      this.#reopening = false;
    }
  }

  /** A key pressed anywhere on the page: the player's keys act, others pass. */
  onkeydown = (e: KeyboardEvent): void => {
    const action = playerActionFor(e);
    if (!action) return;
    e.preventDefault();
    const { player, view } = this;
    if (action === 'toggle') player.toggle();
    else if (action === 'prev') view.step(-1);
    else if (action === 'next') view.step(1);
    else if (action === 'faster') player.faster();
    else if (action === 'slower') player.slower();
    else if (action === 'start') player.seek(view.main?.departUtcMs ?? player.clock.startMs);
    else player.seek(view.main ? arrivalMs(view.main) : player.clock.endMs);
  };

  #journeyChanged(): void {
    this.#ready = false;
    if (this.#startup.journeyChanged().resetRouting) this.journey.variant = DEFAULT_ROUTING;
    this.journey.selectedClaim = null;
  }
}
