import type { ZoneLike } from './timezone';

const offsetFormats = new Map<string, Intl.DateTimeFormat>();
const nameFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(
  cache: Map<string, Intl.DateTimeFormat>,
  tz: string,
  locale: string,
  style: 'longOffset' | 'short',
) {
  let f = cache.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, { timeZone: tz, timeZoneName: style });
    cache.set(tz, f);
  }
  return f;
}

const zonePart = (f: Intl.DateTimeFormat, ms: number) =>
  f.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value ?? '';

/** Whether the runtime knows an IANA zone name ("Europe/Paris"). */
export function isIanaZone(tz: string): boolean {
  try {
    formatOf(offsetFormats, tz, 'en-US', 'longOffset');
    return true;
  } catch {
    return false;
  }
}

/** The UTC offset of an IANA zone at an instant, minutes (daylight saving included). */
export function ianaOffsetMin(tz: string, utcMs: number): number {
  const text = zonePart(formatOf(offsetFormats, tz, 'en-US', 'longOffset'), utcMs);
  const m = /GMT([+-])(\d\d):(\d\d)/.exec(text);
  if (!m) return 0;
  return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/** The zone's abbreviation at an instant where it has a common one ("CEST", "BST"), else ''. */
export function ianaAbbreviation(tz: string, utcMs: number): string {
  const text = zonePart(formatOf(nameFormats, tz, 'en-GB', 'short'), utcMs);
  return /^[A-Z]{2,5}$/.test(text) && text !== 'UTC' && text !== 'GMT' ? text : '';
}

/**
 * The fixed-offset zone in force in an IANA zone at an instant, named for the clock by its
 * abbreviation ("CEST" in summer, "CET" in winter) or, where it has none, "local time". Never by
 * the zone's city: the offline zone data merges zones that have agreed since 1970, so Hanoi lies
 * in "Asia/Bangkok" and Amsterdam in "Europe/Brussels".
 */
export function ianaZoneAt(tz: string, utcMs: number): ZoneLike {
  const abbr = ianaAbbreviation(tz, utcMs);
  return { label: abbr || 'local time', utcOffsetMin: ianaOffsetMin(tz, utcMs) };
}

/** A stretch of route from `fromKm` on that lies in one IANA zone. */
export interface ZoneStretch {
  fromKm: number;
  tz: string;
}

/** The IANA zone at `km` along a route whose zone stretches are in km order. */
export function ianaZoneAtKm(stretches: ZoneStretch[], km: number): string | undefined {
  let found: string | undefined;
  for (const s of stretches) {
    if (s.fromKm <= km) found = s.tz;
    else break;
  }
  return found ?? stretches[0]?.tz;
}

/** The clock zones of a route in IANA zone stretches: the zone in force at a km and instant. */
export function stretchZones(stretches: ZoneStretch[]): (km: number, tMs: number) => ZoneLike {
  return (km, tMs) => {
    const tz = ianaZoneAtKm(stretches, km);
    return tz ? ianaZoneAt(tz, tMs) : { label: 'UTC', utcOffsetMin: 0 };
  };
}
