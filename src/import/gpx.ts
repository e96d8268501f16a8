import type { Position } from 'geojson';
import type { DataError } from '../domain/data/journey';
import type { TextPosition } from '../domain/data/text-position';
import type { ImportedTimeline, ImportResult } from './types';
import { capErrors, MAX_ERRORS } from './located';
import { readXml, type XmlVisitor } from './xml';
import {
  baseName,
  buildRoute,
  haversineKm,
  rangeProblem,
  type RawLeg,
  type RawStation,
} from './route-build';

/** xsd:dateTime as GPX writes it; a time without a zone is UTC (GPX 1.1). */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:\d{2})?$/;

/** Milliseconds since the epoch of a GPX `<time>`, or NaN. */
export function gpxTimeMs(s: string): number {
  const m = DATE_TIME.exec(s.trim());
  return m ? Date.parse(`${m[1]}${m[2] ?? 'Z'}`) : NaN;
}

interface Track {
  name: string | undefined;
  /** Index of the track's first point in the point arrays. */
  start: number;
  end: number;
  at: TextPosition;
}

/**
 * Reads a GPX 1.0/1.1 file: every `<trk>` becomes a leg (its `<trkseg>`s joined in order), or
 * every `<rte>` when there is no track; named `<wpt>`s become stations. When the track points
 * carry `<time>`, the result has a timeline: cumulative km at each timed point (the same
 * great-circle km as `measureRoute`), so a track plays back as it was recorded. Times must not go
 * back: the first point that does is reported with its line. Never throws.
 */
export function importGpx(text: string, fileName: string): ImportResult {
  const errors: DataError[] = [];
  const problem = (at: TextPosition, message: string): void => {
    if (errors.length <= MAX_ERRORS) errors.push({ file: fileName, path: '', ...at, message });
  };

  const lon: number[] = [];
  const lat: number[] = [];
  const time: number[] = [];
  /** Line and column of each point's "<", for the errors found after the read. */
  const pointLine: number[] = [];
  const pointColumn: number[] = [];
  const tracks: Track[] = [];
  const routes: Track[] = [];
  const stations: RawStation[] = [];
  const stack: string[] = [];
  let docName: string | undefined;
  let collecting: string | null = null;
  let textValue = '';
  let point: { lon: number; lat: number; time: number; at: TextPosition; ok: boolean } | null =
    null;
  let wptName: string | undefined;
  let group: Track | null = null;

  const coordinates = (attrs: Record<string, string>, tag: string, at: TextPosition) => {
    const la = attrs['lat'];
    const lo = attrs['lon'];
    if (la === undefined || lo === undefined) {
      problem(at, `<${tag}> needs lat and lon attributes`);
      return { lon: NaN, lat: NaN, ok: false };
    }
    const x = lo.trim() === '' ? NaN : Number(lo);
    const y = la.trim() === '' ? NaN : Number(la);
    if (Number.isNaN(x)) {
      problem(at, `<${tag}> lon="${lo.slice(0, 40)}" is not a number`);
      return { lon: x, lat: y, ok: false };
    }
    if (Number.isNaN(y)) {
      problem(at, `<${tag}> lat="${la.slice(0, 40)}" is not a number`);
      return { lon: x, lat: y, ok: false };
    }
    const bad = rangeProblem(x, y);
    if (bad) problem(at, `<${tag}> ${bad}`);
    return { lon: x, lat: y, ok: !bad };
  };

  const visitor: XmlVisitor = {
    open({ local, attributes: attrs }, line, column) {
      const at = { line, column };
      const parent = stack[stack.length - 1];
      stack.push(local);
      if (stack.length === 1 && local !== 'gpx') {
        problem(at, `the root element is <${local}>, not <gpx>`);
        throw new StopScan();
      }
      if (errors.length > MAX_ERRORS) throw new StopScan();
      if ((local === 'trkpt' && parent === 'trkseg') || (local === 'rtept' && parent === 'rte')) {
        point = { ...coordinates(attrs, local, at), time: NaN, at };
      } else if (local === 'wpt' && parent === 'gpx') {
        point = { ...coordinates(attrs, local, at), time: NaN, at };
        wptName = undefined;
      } else if ((local === 'trk' || local === 'rte') && parent === 'gpx') {
        group = { name: undefined, start: lon.length, end: lon.length, at };
      } else if (
        (local === 'name' &&
          (parent === 'trk' || parent === 'rte' || parent === 'wpt' || parent === 'metadata')) ||
        (local === 'time' && (parent === 'trkpt' || parent === 'rtept'))
      ) {
        collecting = `${parent}/${local}`;
        textValue = '';
      } else if (local === 'name' && parent === 'gpx') {
        collecting = 'metadata/name'; // GPX 1.0 puts the name under <gpx>
        textValue = '';
      }
    },
    text(t) {
      if (collecting) textValue += t;
    },
    close(local) {
      stack.pop();
      if (collecting && collecting.endsWith(`/${local}`)) {
        const value = textValue.trim();
        if (collecting === 'metadata/name') docName ??= value || undefined;
        else if (collecting === 'wpt/name') wptName = value;
        else if (collecting.endsWith('/name') && group) group.name = value || undefined;
        else if (point) {
          point.time = gpxTimeMs(value);
          if (Number.isNaN(point.time))
            problem(
              point.at,
              `<time>${value.slice(0, 40)}</time> is not a date-time like 2019-02-23T12:00:00Z`,
            );
        }
        collecting = null;
        return;
      }
      if ((local === 'trkpt' || local === 'rtept') && point) {
        if (point.ok) {
          lon.push(point.lon);
          lat.push(point.lat);
          time.push(local === 'trkpt' ? point.time : NaN);
          pointLine.push(point.at.line);
          pointColumn.push(point.at.column);
        }
        point = null;
      } else if (local === 'wpt' && point) {
        if (point.ok)
          stations.push({
            lon: point.lon,
            lat: point.lat,
            props: wptName ? { name: wptName } : {},
          });
        point = null;
      } else if ((local === 'trk' || local === 'rte') && group && stack.length === 1) {
        group.end = lon.length;
        if (group.end > group.start) (local === 'trk' ? tracks : routes).push(group);
        group = null;
      }
    },
  };
  try {
    const xmlError = readXml(text, visitor);
    if (xmlError)
      errors.push({
        file: fileName,
        path: '',
        ...xmlError,
        message: `not well-formed XML: ${xmlError.message}`,
      });
  } catch (err) {
    if (!(err instanceof StopScan)) throw err;
  }
  if (errors.length) return { ok: false, errors: capErrors(errors) };

  // a GPX of routes only (no recorded track) still draws; a file with tracks uses the tracks
  const groups = tracks.length ? tracks : routes;
  const legs: RawLeg[] = groups.map((g) => {
    const coords: Position[] = [];
    for (let i = g.start; i < g.end; i++) coords.push([lon[i]!, lat[i]!]);
    return {
      coords,
      props: g.name ? { name: g.name } : {},
      errorAt: (message) => ({ file: fileName, path: '', ...g.at, message }),
    };
  });
  const built = buildRoute(legs, stations, fileName, (message) => ({
    file: fileName,
    path: '',
    line: 1,
    column: 1,
    message,
  }));
  if (!built.ok) return built;

  const warnings = [...built.warnings];
  const timed = tracks.length
    ? timeline(groups, lon, lat, time, { line: pointLine, column: pointColumn }, fileName)
    : null;
  if (timed && !timed.ok) return timed;
  if (timed?.warning) warnings.push(timed.warning);
  const single = groups.length === 1 ? groups[0]!.name : undefined;
  return {
    ok: true,
    value: {
      name: docName ?? single ?? baseName(fileName),
      fileName,
      route: built.route,
      ...(timed?.value ? { timeline: timed.value } : {}),
      warnings,
    },
  };
}

/** Thrown by the visitor to end the scan early (wrong root, too many errors). */
class StopScan extends Error {}

/** Knots (seconds since the first timed point, km along the route) from the timed track points. */
function timeline(
  groups: Track[],
  lon: number[],
  lat: number[],
  time: number[],
  pointAt: { line: number[]; column: number[] },
  fileName: string,
): { ok: true; value?: ImportedTimeline; warning?: string } | { ok: false; errors: DataError[] } {
  const knots: { tSec: number; km: number }[] = [];
  let t0 = NaN;
  let prevT = NaN;
  let prevAt = -1;
  let km = 0;
  let untimed = 0;
  let prev = -1;
  for (const g of groups) {
    for (let i = g.start; i < g.end; i++) {
      if (prev >= 0) km += haversineKm(lon[prev]!, lat[prev]!, lon[i]!, lat[i]!);
      prev = i;
      const t = time[i]!;
      if (Number.isNaN(t)) {
        untimed++;
        continue;
      }
      if (t < prevT) {
        const here = { line: pointAt.line[i]!, column: pointAt.column[i]! };
        const before = { line: pointAt.line[prevAt]! };
        return {
          ok: false,
          errors: [
            {
              file: fileName,
              path: '',
              ...here,
              message: `time goes back: ${new Date(t).toISOString()} is earlier than ${new Date(prevT).toISOString()} of the point before (line ${before.line})`,
            },
          ],
        };
      }
      if (Number.isNaN(t0)) t0 = t;
      const tSec = (t - t0) / 1000;
      const last = knots[knots.length - 1];
      if (last && last.tSec === tSec) {
        if (knots.length > 1) last.km = km; // same instant: keep the furthest point
      } else knots.push({ tSec, km });
      prevT = t;
      prevAt = i;
    }
  }
  if (knots.length === 0) return { ok: true };
  if (knots.length < 2)
    return { ok: true, warning: 'the track has fewer than two distinct times: no timeline' };
  return {
    ok: true,
    value: { departUtcMs: t0, knots },
    ...(untimed
      ? {
          warning: `${untimed} track points have no <time>: the timeline runs through the timed ones`,
        }
      : {}),
  };
}
