/** Kilometres in one international mile (exact by definition, 1959). */
export const KM_PER_MILE = 1.609344;
/** Seconds in one hour. */
export const SEC_PER_HOUR = 3600;
/** Milliseconds in one minute. */
export const MS_PER_MIN = 60_000;
/** Milliseconds in one hour. */
export const MS_PER_HOUR = 3_600_000;

/** The speed units that claims may be stated in. */
export type SpeedUnit = 'km/h' | 'mph';
/** The distance units that claims may be stated in. */
export type DistanceUnit = 'km' | 'mi';

/** Miles per hour to kilometres per hour (37 mph = 59.546 km/h). */
export const mphToKmh = (speedMph: number): number => speedMph * KM_PER_MILE;

/** Kilometres per hour to miles per hour. */
export const kmhToMph = (speedKmh: number): number => speedKmh / KM_PER_MILE;

/** A speed in its stated unit, in km/h. The one place speeds are converted. */
export const speedToKmh = (value: number, unit: SpeedUnit): number =>
  unit === 'mph' ? mphToKmh(value) : value;

/** A distance in its stated unit, in km. The one place distances are converted. */
export const distanceToKm = (value: number, unit: DistanceUnit): number =>
  unit === 'mi' ? value * KM_PER_MILE : value;

/** Hours taken to cover `distanceKm` at `speedKmh`. */
export const durationHAt = (distanceKm: number, speedKmh: number): number => distanceKm / speedKmh;

/** Hours to seconds. */
export const hToSec = (durationH: number): number => durationH * SEC_PER_HOUR;

/** Seconds to hours. */
export const secToH = (tSec: number): number => tSec / SEC_PER_HOUR;

/** Milliseconds to hours. */
export const msToH = (ms: number): number => ms / MS_PER_HOUR;

/** Rounds to a fixed number of decimals, for stable reports (-0 becomes 0). */
export function roundTo(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** decimals;
  const r = Math.round(value * f) / f;
  return r === 0 ? 0 : r;
}
