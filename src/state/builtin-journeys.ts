import beijingRoute from '../../geo/routes/pyongyang-beijing.geojson?url';
import beijingJourney from '../../geo/journeys/pyongyang-beijing-2025.json?url';
import hanoiRoute from '../../geo/routes/pyongyang-dongdang-2019.geojson?url';
import hanoiJourney from '../../geo/journeys/pyongyang-dongdang-2019.json?url';
import vagueUrl from '../../geo/journeys/vague-words.json?url';
import type { JourneySources } from './journey-state.svelte';
import { BUILTIN_JOURNEY_IDS } from './builtin-ids';

/** The journeys that ship with the app, by the id the URL names (`#j=…`). */
export const BUILTIN_JOURNEYS: { id: string; label: string; sources: JourneySources }[] = [
  {
    id: BUILTIN_JOURNEY_IDS[0]!,
    label: 'Pyongyang → Beijing, September 2025',
    sources: { routeUrl: beijingRoute, journeyUrl: beijingJourney, vagueUrl },
  },
  {
    id: BUILTIN_JOURNEY_IDS[1]!,
    label: 'Pyongyang → Dong Dang (Hanoi summit), February 2019',
    sources: { routeUrl: hanoiRoute, journeyUrl: hanoiJourney, vagueUrl },
  },
];

export const builtinJourney = (id: string | undefined) =>
  BUILTIN_JOURNEYS.find((j) => j.id === id) ?? BUILTIN_JOURNEYS[0]!;
