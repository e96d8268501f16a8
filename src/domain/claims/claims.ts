import { div, point, type Interval } from '../time/interval';
import type {
  Claim,
  FactReading,
  Journey,
  Place,
  QuantityReading,
  TimeReading,
  VagueWords,
} from '../data/journey';
import {
  measureRoute,
  variantsOf,
  type MeasuredLeg,
  type MeasuredRoute,
  type RouteCollection,
} from '../route/route';
import { quantityInterval, type SpeedMode, timeWindowUtcMs } from './vague';
import { distanceToKm, speedToKmh } from '../time/units';

/** A time claim with the UTC window (ms) its words allow. */
export interface TimeClaim {
  type: 'time';
  claim: Claim;
  reading: TimeReading;
  windowUtcMs: Interval;
}

/** A speed claim as an interval of average speeds, km/h. */
export interface SpeedClaim {
  type: 'speed';
  claim: Claim;
  reading: QuantityReading;
  /** The averages it allows: for a top speed, anything from 0 up to it. */
  speedKmh: Interval;
  /** The stated figure with its rounding, whatever it is read as. */
  statedKmh: Interval;
  mode: SpeedMode;
}

/** A duration claim as an interval, hours. */
export interface DurationClaim {
  type: 'duration';
  claim: Claim;
  reading: QuantityReading;
  durationH: Interval;
}

/** A distance claim as an interval, km. */
export interface DistanceClaim {
  type: 'distance';
  claim: Claim;
  reading: QuantityReading;
  distanceKm: Interval;
}

/** A claim of fact checked against reference facts (a date, a time elapsed, places passed). */
export interface FactClaim {
  type: 'fact';
  claim: Claim;
  reading: FactReading;
}

/** A claim with its words turned into numbers. */
export type ResolvedClaim = TimeClaim | SpeedClaim | DurationClaim | DistanceClaim | FactClaim;

const isTime = (c: Claim): c is Claim & { reading: TimeReading } => 'zones' in c.reading;
const isFact = (c: Claim): c is Claim & { reading: FactReading } =>
  c.reading.kind === 'elapsed' || c.reading.kind === 'date' || c.reading.kind === 'route';

/** A value of a quantity reading in base units (km/h, h, km). */
function baseValue(r: QuantityReading, value: number): number {
  if (r.unit === 'km/h' || r.unit === 'mph') return speedToKmh(value, r.unit);
  if (r.unit === 'km' || r.unit === 'mi') return distanceToKm(value, r.unit);
  return value;
}

function resolveQuantity(claim: Claim, r: QuantityReading, table: VagueWords): ResolvedClaim {
  const { interval, stated, mode } = quantityInterval(
    baseValue(r, r.value),
    r.phrase,
    table,
    baseValue(r, r.valueHi ?? r.value),
  );
  if (r.kind === 'speed')
    return { type: 'speed', claim, reading: r, speedKmh: interval, statedKmh: stated, mode };
  if (r.kind === 'duration') return { type: 'duration', claim, reading: r, durationH: interval };
  return { type: 'distance', claim, reading: r, distanceKm: interval };
}

/**
 * Every claim of a journey (or those `only` keeps) with its vague words replaced by intervals
 * from the table, in file order. "Later in the day" claims start from the earliest instant of the
 * claim they follow, kept or not.
 */
export function resolveClaims(
  journey: Journey,
  table: VagueWords,
  only?: (c: Claim) => boolean,
): ResolvedClaim[] {
  const byId = new Map(journey.claims.map((c) => [c.id, c]));
  const windows = new Map<string, Interval>();
  const windowOf = (claim: Claim & { reading: TimeReading }, depth = 0): Interval => {
    const known = windows.get(claim.id);
    if (known) return known;
    if (depth > journey.claims.length) throw new RangeError(`claim ${claim.id}: cyclic "after"`);
    const after = claim.reading.after ? byId.get(claim.reading.after) : undefined;
    const afterWindow = after && isTime(after) ? windowOf(after, depth + 1) : undefined;
    const w = timeWindowUtcMs(claim.reading, table, journey.zones, afterWindow);
    windows.set(claim.id, w);
    return w;
  };
  return (only ? journey.claims.filter(only) : journey.claims).map((claim): ResolvedClaim => {
    if (isTime(claim))
      return { type: 'time', claim, reading: claim.reading, windowUtcMs: windowOf(claim) };
    if (isFact(claim)) return { type: 'fact', claim, reading: claim.reading };
    return resolveQuantity(claim, claim.reading as QuantityReading, table);
  });
}

/** One routing measured on the route geometry, summarised for the report. */
export interface VariantMeasure {
  variant: string;
  totalKm: number;
  /** Km of the border point (or of the first change of country) along this routing. */
  borderKm: number | null;
  countryKm: Record<string, number>;
  legs: (Pick<MeasuredLeg, 'id' | 'line' | 'from' | 'to' | 'country' | 'startKm' | 'lengthKm'> & {
    publishedKm: number | null;
  })[];
}

/** A measured routing and its summary. */
export interface MeasuredVariant {
  route: MeasuredRoute;
  summary: VariantMeasure;
}

/** Measures every routing of a route collection once (Turf distances, km). */
export function measureVariants(route: RouteCollection): MeasuredVariant[] {
  const cached = measuredCache.get(route);
  if (cached) return cached;
  const measured = measureAll(route);
  measuredCache.set(route, measured);
  return measured;
}

/** Routes are measured once per collection object: the app and the check share the result. */
const measuredCache = new WeakMap<RouteCollection, MeasuredVariant[]>();

function measureAll(route: RouteCollection): MeasuredVariant[] {
  return variantsOf(route).map((variant) => {
    const m = measureRoute(route, variant);
    const countryKm: Record<string, number> = {};
    for (const leg of m.legs) countryKm[leg.country] = (countryKm[leg.country] ?? 0) + leg.lengthKm;
    const border = m.stations.find((s) => s.kind === 'border');
    const firstCountry = m.legs[0]?.country;
    const change = m.legs.find((l) => l.country !== firstCountry);
    return {
      route: m,
      summary: {
        variant,
        totalKm: m.totalKm,
        borderKm: border?.km ?? change?.startKm ?? null,
        countryKm,
        legs: m.legs.map((l) => ({
          id: l.id,
          line: l.line,
          from: l.from,
          to: l.to,
          country: l.country,
          startKm: l.startKm,
          lengthKm: l.lengthKm,
          publishedKm: l.publishedKm ?? null,
        })),
      },
    };
  });
}

/** Km along a measured routing of an event's place; null when the routing lacks it. */
export function placeKm(m: MeasuredVariant, place: Place): number | null {
  if (place.kind === 'station') {
    const { name } = place;
    return m.route.stations.find((s) => s.name === name)?.km ?? null;
  }
  if (place.kind === 'start') return 0;
  return place.kind === 'end' ? m.summary.totalKm : m.summary.borderKm;
}

/** The legs a scope covers on one routing, or null if the scope does not apply to it. */
export function scopeLegs(m: MeasuredVariant, scope: string): VariantMeasure['legs'] | null {
  const [kind, arg] = scope.split(':') as [string, string | undefined];
  const legs = m.summary.legs;
  if (kind === 'whole') return legs;
  if (kind === 'country') return legs.filter((l) => l.country === arg);
  if (kind === 'leg') {
    const leg = legs.find((l) => l.id === arg);
    return leg ? [leg] : null;
  }
  if (kind === 'variant') return arg === m.summary.variant ? legs : null;
  return null;
}

const sumKm = (legs: VariantMeasure['legs']): number => legs.reduce((s, l) => s + l.lengthKm, 0);

/** What a speed claim implies on one routing: the duration of its scope and of each leg. */
export interface SpeedOnVariant {
  variant: string;
  distanceKm: number;
  durationH: Interval;
  legs: { id: string; lengthKm: number; durationH: Interval }[];
}

/** What a duration claim implies on one routing: the average speed over its scope. */
export interface DurationOnVariant {
  variant: string;
  distanceKm: number;
  speedKmh: Interval;
}

/** A published distance against the measured one. */
export interface DistanceOnVariant {
  variant: string;
  measuredKm: number;
  differenceKm: number;
  differencePct: number;
}

/** The implied durations of a speed claim, per routing. */
export function speedImplications(c: SpeedClaim, variants: MeasuredVariant[]): SpeedOnVariant[] {
  return variants.flatMap((m) => {
    const legs = scopeLegs(m, c.reading.scope);
    if (!legs || legs.length === 0) return [];
    const perLeg = legs.map((l) => ({
      id: l.id,
      lengthKm: l.lengthKm,
      durationH: div(point(l.lengthKm), c.speedKmh),
    }));
    const distanceKm = sumKm(legs);
    return [
      {
        variant: m.summary.variant,
        distanceKm,
        durationH: div(point(distanceKm), c.speedKmh),
        legs: perLeg,
      },
    ];
  });
}

/** The implied average speeds of a duration claim, per routing. */
export function durationImplications(
  c: DurationClaim,
  variants: MeasuredVariant[],
): DurationOnVariant[] {
  return variants.flatMap((m) => {
    const legs = scopeLegs(m, c.reading.scope);
    if (!legs || legs.length === 0) return [];
    const distanceKm = sumKm(legs);
    const speedKmh = div(point(distanceKm), c.durationH);
    return [{ variant: m.summary.variant, distanceKm, speedKmh }];
  });
}

/** A distance claim against the measured geometry, per routing it applies to. */
export function distanceImplications(
  c: DistanceClaim,
  variants: MeasuredVariant[],
): DistanceOnVariant[] {
  return variants.flatMap((m) => {
    const legs = scopeLegs(m, c.reading.scope);
    if (!legs || legs.length === 0) return [];
    const measuredKm = sumKm(legs);
    const statedKm = distanceToKm(c.reading.value, c.reading.unit as 'km' | 'mi');
    return [
      {
        variant: m.summary.variant,
        measuredKm,
        differenceKm: measuredKm - statedKm,
        differencePct: ((measuredKm - statedKm) / statedKm) * 100,
      },
    ];
  });
}
