import { distance } from '@turf/turf';
import { isStation, type MeasuredRoute, type RouteCollection } from '../domain/route/route';
import { DEFAULT_ROUTING } from '../domain/route/routing';
import { measureVariants } from '../domain/claims/claims';
import { checkJourney, type CheckReport } from '../domain/claims/check';
import type { Journey, VagueWords } from '../domain/data/journey';
import { parseJourney, parseVagueWords } from '../domain/data/parse-journey';
import { formatDataError } from '../domain/data/data-error';
import { buildScenarios, kmAtTime, timeAtKm, type Scenario } from '../domain/schedule/schedule';
import type { PlaybackScenario, ZoneLookup } from '../domain/schedule/playback';
import { stretchZones } from '../domain/time/iana';
import type { ImportedJourney } from '../domain/data/imported';

/** Speed assumed to play an imported route that carries no times. */
export const DEFAULT_IMPORT_SPEED_KMH = 60;

/** Colours of the trains: the reconstructed timeline first, then the claims' ghosts. */
export const TRAIN_COLORS = ['#111827', '#e11d48', '#0891b2', '#ca8a04', '#7c3aed', '#059669'];

export const toPlayback = (s: Scenario): PlaybackScenario => ({
  id: s.id,
  label: s.label,
  departUtcMs: s.departUtcMs,
  durationSec: s.durationSec,
  kmAt: (t) => kmAtTime(s, t),
  timeAt: (km) => timeAtKm(s, km),
});

export interface JourneySources {
  routeUrl: string;
  journeyUrl: string;
  vagueUrl: string;
}

/** The loaded journey and everything derived from it; components read this one object. */
export class JourneyState {
  /** The route collection; held raw, never proxied. */
  route = $state.raw<RouteCollection | null>(null);
  journey = $state.raw<Journey | null>(null);
  vague = $state.raw<VagueWords | null>(null);
  /** The routing shown as the main line and used for playback. */
  variant = $state(DEFAULT_ROUTING);
  showVariants = $state(true);
  error = $state<string | null>(null);
  selectedClaim = $state<string | null>(null);
  /** A journey the user loaded from a file; null for a built-in journey. */
  imported = $state.raw<ImportedJourney | null>(null);
  /** The import's fact-check, shown one task after the journey (two shorter tasks, not one). */
  #importedReport = $state.raw<CheckReport | null>(null);

  /** The title to show. */
  title = $derived(this.journey?.title ?? this.imported?.name ?? 'Journey Map');

  /**
   * The clock's zones: the journey file's fixed zones, or for an imported route the IANA zones
   * along it (looked up from its coordinates at import), daylight saving included.
   */
  clockZones: ZoneLookup = $derived(
    this.journey?.zones ??
      (this.imported?.timeZones?.length ? stretchZones(this.imported.timeZones) : {}),
  );

  /** Every routing measured once (an import comes measured on its full line, from the worker). */
  measuredVariants = $derived(
    this.imported?.measuredVariants ?? (this.route ? measureVariants(this.route) : []),
  );
  variants = $derived(this.measuredVariants.map((m) => m.summary.variant));
  measured: Record<string, MeasuredRoute> = $derived(
    Object.fromEntries(this.measuredVariants.map((m) => [m.summary.variant, m.route])),
  );
  current = $derived(this.measured[this.variant] ?? null);

  /**
   * The fact-check. An imported journey file arrives checked by the import worker (thousands of
   * claims never block the page); a built-in journey (a few dozen claims) is checked here.
   */
  report = $derived(
    this.imported
      ? this.#importedReport
      : this.journey && this.vague && this.route
        ? checkJourney(this.journey, this.vague, this.route, { measured: this.measuredVariants })
        : null,
  );

  scenarios: Scenario[] = $derived.by(() => {
    const mv = this.measuredVariants.find((m) => m.summary.variant === this.variant);
    if (!mv) return [];
    if (this.journey && this.vague) return buildScenarios(this.journey, this.vague, mv);
    return this.imported ? [importedScenario(this.imported, mv.summary.totalKm)] : [];
  });
  playback = $derived(this.scenarios.map(toPlayback));

  /** Great-circle distance between the first and the last vertex of the main routing, km. */
  greatCircleKm = $derived.by(() => {
    const m = this.current;
    if (!m || m.lon.length === 0) return 0;
    const last = m.lon.length - 1;
    return distance([m.lon[0]!, m.lat[0]!], [m.lon[last]!, m.lat[last]!], { units: 'kilometers' });
  });

  /** Every label the map will draw, for preloading its fonts. */
  labelText = $derived(
    this.route
      ? this.route.features
          .filter(isStation)
          .map((s) => `${s.properties.name} ${s.properties.name_local ?? ''}`)
          .join(' ')
      : '',
  );

  /**
   * Shows a journey read from the user's file. Called only after the worker parsed and validated
   * it (and its journey file, if any), so the journey on screen is replaced only by a good one
   * and nothing is parsed again here.
   */
  loadImported(j: ImportedJourney): void {
    this.variant = DEFAULT_ROUTING;
    this.selectedClaim = null;
    this.imported = j;
    this.journey = j.journey ?? null;
    this.route = j.route;
    this.error = null;
    this.#importedReport = null;
    if (j.report)
      setTimeout(() => {
        if (this.imported === j) this.#importedReport = j.report ?? null;
      }, 0);
  }

  /**
   * Loads the vague-words table alone: an imported journey file needs it to be checked and
   * played, and an import reopened at start-up comes before any built-in journey.
   */
  async loadVague(url: string): Promise<void> {
    if (this.vague) return;
    try {
      this.vague = vagueOf(await fetchText(url), url);
    } catch (e) {
      this.error = `Could not load the vague-words table: ${e instanceof Error ? e.message : String(e)}`;
    }
  }

  /** Loads a route, its journey file and the vague-words table; errors name file and place. */
  async load(src: JourneySources): Promise<void> {
    try {
      const [routeText, journeyText, vagueText] = await Promise.all(
        [src.routeUrl, src.journeyUrl, src.vagueUrl].map(fetchText),
      );
      const vague = vagueOf(vagueText!, src.vagueUrl);
      const journey = parseJourney(journeyText!, fileName(src.journeyUrl), vague);
      if (!journey.ok) throw new Error(journey.errors.map(formatDataError).join('\n'));
      this.imported = null;
      this.route = JSON.parse(routeText!) as RouteCollection;
      this.vague = vague;
      this.journey = journey.value;
      this.error = null;
    } catch (e) {
      this.error = `Could not load the journey: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}

/** The playable schedule of an import: its recorded times, or a constant speed when it has none. */
function importedScenario(j: ImportedJourney, totalKm: number): Scenario {
  if (j.timeline && j.timeline.knots.length > 1) {
    const last = j.timeline.knots[j.timeline.knots.length - 1]!;
    return {
      id: 'recorded',
      label: 'Recorded times from the file',
      variant: DEFAULT_ROUTING,
      departUtcMs: j.timeline.departUtcMs,
      durationSec: last.tSec,
      knots: j.timeline.knots,
      basis: [],
    };
  }
  const durationSec = Math.max((totalKm / DEFAULT_IMPORT_SPEED_KMH) * 3600, 1);
  return {
    id: 'constant',
    label: `No times in the file: a constant ${DEFAULT_IMPORT_SPEED_KMH} km/h`,
    variant: DEFAULT_ROUTING,
    departUtcMs: Date.UTC(2000, 0, 1),
    durationSec,
    knots: [
      { tSec: 0, km: 0 },
      { tSec: durationSec, km: totalKm },
    ],
    basis: [],
  };
}

/** The vague-words table read from `url`'s text; throws a located message when it is bad. */
function vagueOf(text: string, url: string): VagueWords {
  const vague = parseVagueWords(text, fileName(url));
  if (!vague.ok) throw new Error(vague.errors.map(formatDataError).join('\n'));
  return vague.value;
}

const fileName = (url: string) =>
  decodeURIComponent(url.split('/').pop() ?? url).replace(/-[\w]{8}\./, '.');

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  return res.text();
}
