import type { RouteCollection } from '../domain/route/route';
import { isLeg, isStation } from '../domain/route/route';
import { onRouting } from '../domain/route/routing';
import { railColor, themeOf, type Theme } from '../map/style';

/** How a legend row's symbol is drawn (the same symbols the map draws). */
export type Swatch =
  | { kind: 'line'; color: string; dashed?: boolean }
  | { kind: 'bridge'; color: string; casing: string }
  | { kind: 'dot'; fill: string; stroke: string; r: number }
  | { kind: 'train'; color: string; halo: string };

export interface LegendEntry {
  label: string;
  swatch: Swatch;
}

/** The colour the map draws a leg in, by its country, in a theme (light by default). */
export function legColor(country: string, t: Theme = themeOf('light')): string {
  return railColor(t, country);
}

function countryName(code: string): string {
  if (code === 'KP') return 'North Korea';
  if (code === 'KR') return 'South Korea';
  try {
    return new Intl.DisplayNames(['en'], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * The legend of what an export draws, read from the route itself: one row per country the shown
 * routing crosses (in travel order), the bridge and the border points when there are any, the
 * stations, the other routings when they are shown, and the trains. `noun` names the line
 * ("Rail" for the built-in journeys, "Route" for a file of unknown kind).
 */
export function legendFor(
  route: RouteCollection,
  opts: {
    routing: string;
    showVariants: boolean;
    trains: { label: string; color: string }[];
    noun: string;
    theme?: Theme;
  },
): LegendEntry[] {
  const t = opts.theme ?? themeOf('light');
  const legs = route.features.filter(isLeg);
  const shown = legs.filter((l) => onRouting(l.properties, opts.routing));
  const rows: LegendEntry[] = [];
  const countries = [...new Set(shown.map((l) => l.properties.country))];
  for (const c of countries) {
    const label = c ? `${opts.noun} in ${countryName(c)}` : opts.noun;
    rows.push({ label, swatch: { kind: 'line', color: legColor(c, t) } });
  }
  const bridge = shown.find((l) => l.properties.line.includes('Bridge'));
  if (bridge) {
    const name = /\(([^()]*Bridge)[^()]*\)/.exec(bridge.properties.line)?.[1] ?? 'Bridge';
    rows.push({
      label: name,
      swatch: { kind: 'bridge', color: legColor(bridge.properties.country, t), casing: t.bridge },
    });
  }
  const points = route.features
    .filter(isStation)
    .filter((s) => onRouting(s.properties, opts.routing));
  const borders = points.filter((s) => s.properties.kind === 'border');
  if (borders.length) {
    rows.push({
      label: borders.length > 1 ? 'Border crossings' : 'Border crossing',
      swatch: { kind: 'dot', fill: t.borderPoint, stroke: t.halo, r: 5 },
    });
  }
  if (points.some((s) => s.properties.kind === 'station')) {
    rows.push({
      label: 'Station',
      swatch: { kind: 'dot', fill: t.stationFill, stroke: legColor(countries[0] ?? '', t), r: 4 },
    });
  }
  if (opts.showVariants && legs.some((l) => !onRouting(l.properties, opts.routing))) {
    rows.push({
      label: 'Alternative routing (unconfirmed)',
      swatch: { kind: 'line', color: t.variant, dashed: true },
    });
  }
  for (const train of opts.trains)
    rows.push({
      label: train.label,
      swatch: { kind: 'train', color: train.color, halo: t.trainHalo },
    });
  return rows;
}
