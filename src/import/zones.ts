import tzlookup from '@photostructure/tz-lookup';
import type { ZoneStretch } from '../domain/time/iana';

/**
 * The IANA time zones along a route, as km stretches: the zone is looked up offline from the
 * coordinates (`@photostructure/tz-lookup`) every `stepKm`, and each change of zone is narrowed
 * down to the vertex where it happens by bisection.
 */
export function zoneStretches(
  route: { lon: ArrayLike<number>; lat: ArrayLike<number>; cumKm: ArrayLike<number> },
  stepKm = 5,
): ZoneStretch[] {
  const n = route.lon.length;
  if (!n) return [];
  const at = (i: number) => {
    try {
      return tzlookup(route.lat[i]!, route.lon[i]!);
    } catch {
      return 'Etc/UTC';
    }
  };
  const out: ZoneStretch[] = [{ fromKm: 0, tz: at(0) }];
  let prev = 0;
  let prevTz = out[0]!.tz;
  for (let i = 1; i < n; i++) {
    if (route.cumKm[i]! - route.cumKm[prev]! < stepKm && i < n - 1) continue;
    const tz = at(i);
    if (tz !== prevTz) {
      // the first vertex in (prev, i] that lies in the new zone
      let lo = prev;
      let hi = i;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if (at(mid) === prevTz) lo = mid;
        else hi = mid;
      }
      out.push({ fromKm: route.cumKm[hi]!, tz: at(hi) });
      prevTz = at(hi);
      if (prevTz !== tz) {
        out.push({ fromKm: route.cumKm[i]!, tz });
        prevTz = tz;
      }
    }
    prev = i;
  }
  return out;
}
