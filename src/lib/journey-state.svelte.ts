import { distance } from '@turf/turf';
import {
  isStation,
  measureRoute,
  variantsOf,
  type MeasuredRoute,
  type RouteCollection,
} from './journey/route';

/** The loaded journey and what is derived from it; components read this one object. */
export class JourneyState {
  /** The route collection; held raw, never proxied. */
  route = $state.raw<RouteCollection | null>(null);
  /** The routing shown as the main line and used for playback. */
  variant = $state('A');
  showVariants = $state(true);
  error = $state<string | null>(null);

  variants = $derived(this.route ? variantsOf(this.route) : []);
  /** Every routing measured once. */
  measured: Record<string, MeasuredRoute> = $derived.by(() => {
    const route = this.route;
    if (!route) return {};
    return Object.fromEntries(this.variants.map((v) => [v, measureRoute(route, v)]));
  });
  current = $derived(this.measured[this.variant] ?? null);

  /** Great-circle distance between the first and the last station of the main routing, km. */
  greatCircleKm = $derived.by(() => {
    const route = this.route;
    const m = this.current;
    if (!route || !m || m.lon.length === 0) return 0;
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

  async load(url: string): Promise<void> {
    try {
      const res = await fetch(url);
      if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
      this.route = (await res.json()) as RouteCollection;
      this.error = null;
    } catch (e) {
      this.error = `Could not load the route: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
}
