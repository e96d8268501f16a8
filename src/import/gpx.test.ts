import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isLeg, isStation, measureRoute } from '../domain/route/route';
import { gpxTimeMs, importGpx } from './gpx';

const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../tests/fixtures/import', name), 'utf8');

describe('importGpx', () => {
  it('importGpx(track with times) gives a route, stations and a timeline in the route’s km', () => {
    const r = importGpx(fixture('track.gpx'), 'track.gpx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('Dong Dang → Hanoi by road (test track)');
    expect(r.value.route.features.filter(isLeg)).toHaveLength(1);
    expect(r.value.route.features.filter(isStation).map((s) => s.properties.name)).toEqual([
      'Dong Dang',
      'Hanoi',
    ]);
    const t = r.value.timeline!;
    expect(t.departUtcMs).toBe(Date.UTC(2019, 1, 26, 6, 0, 0));
    expect(t.knots).toHaveLength(8);
    expect(t.knots[0]).toEqual({ tSec: 0, km: 0 });
    expect(t.knots.map((k) => k.tSec)).toEqual([0, 600, 1200, 1800, 2400, 3000, 3600, 4200]);
    // the fourth and fifth points coincide (the join between segments): the train waits there
    expect(t.knots[4]!.km).toBe(t.knots[3]!.km);
    const m = measureRoute(r.value.route);
    expect(t.knots[7]!.km).toBeCloseTo(m.totalKm, 9);
  });

  it('reports the first point whose time goes back, with its line and the line before', () => {
    const r = importGpx(fixture('time-goes-back.gpx'), 'time-goes-back.gpx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = fixture('time-goes-back.gpx').split('\n');
    const bad = lines.findIndex((l) => l.includes('06:05:00Z')) + 1;
    expect(r.errors).toEqual([
      {
        file: 'time-goes-back.gpx',
        path: '',
        line: bad,
        column: 7,
        message: `time goes back: 2019-02-26T06:05:00.000Z is earlier than 2019-02-26T06:40:00.000Z of the point before (line ${bad - 1})`,
      },
    ]);
  });

  it('a GPX route without times gives a route and no timeline', () => {
    const r = importGpx(fixture('untimed.gpx'), 'untimed.gpx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.timeline).toBeUndefined();
    expect(r.value.name).toBe('Planned');
  });

  it('reports XML that is not well formed with its line', () => {
    const r = importGpx(fixture('broken.gpx'), 'broken.gpx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 5 });
    expect(r.errors[0]!.message).toBe(
      'not well-formed XML: closing tag </trkseg> does not match <trkpt> (line 5)',
    );
  });

  it('decodes entities and CDATA in names and keeps them as text', () => {
    const r = importGpx(fixture('xss.gpx'), 'xss.gpx');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toBe('<img src=x onerror=alert(1)>');
    expect(r.value.route.features.filter(isStation).map((s) => s.properties.name)).toEqual([
      '<img src=x onerror=alert(1)>',
      '<script>alert(2)</script>',
    ]);
    expect(r.value.route.features.filter(isLeg)[0]!.properties.line).toBe('<b>bold</b>');
  });

  it('reports a bad latitude or longitude at the point’s line', () => {
    const gpx = `<gpx version="1.1">\n<trk><trkseg>\n<trkpt lat="21" lon="105"/>\n<trkpt lat="91" lon="105"/>\n<trkpt lat="x" lon="105"/>\n</trkseg></trk></gpx>`;
    const r = importGpx(gpx, 'bad.gpx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => [e.line, e.message])).toEqual([
      [4, '<trkpt> latitude 91 is outside −90…90'],
      [5, '<trkpt> lat="x" is not a number'],
    ]);
  });

  it('refuses a document whose root is not <gpx>', () => {
    const r = importGpx('<kml><Document/></kml>', 'x.gpx');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toBe('the root element is <kml>, not <gpx>');
  });

  it('gpxTimeMs reads a time without a zone as UTC', () => {
    expect(gpxTimeMs('2019-02-26T06:00:00')).toBe(Date.UTC(2019, 1, 26, 6));
    expect(gpxTimeMs('2019-02-26T14:00:00+08:00')).toBe(Date.UTC(2019, 1, 26, 6));
    expect(gpxTimeMs('2019-02-26T06:00:00.250Z')).toBe(Date.UTC(2019, 1, 26, 6) + 250);
    expect(gpxTimeMs('yesterday')).toBeNaN();
  });
});
