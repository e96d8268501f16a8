import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LineString, Position } from 'geojson';
import fc from 'fast-check';
import {
  closeZoom,
  FOLLOW,
  followCamera,
  followPlan,
  lookAheadCentre,
  type FollowFrame,
} from './follow';
import { layoutExport, type Rect } from './layout';
import { PRESETS, cssLayoutFor } from './presets';
import { approximateMeasure } from './text-fit';
import { mercatorWorld, projector } from './view';

const route = JSON.parse(
  readFileSync(
    join(import.meta.dirname, '..', '..', 'geo', 'routes', 'pyongyang-beijing.geojson'),
    'utf8',
  ),
) as { features: { geometry: LineString; properties: Record<string, unknown> }[] };
const lines: Position[][] = route.features
  .filter((f) => f.properties.kind === 'leg' && !f.properties.variant)
  .map((f) => f.geometry.coordinates);
const all = lines.flat();
const bounds: [[number, number], [number, number]] = [
  [Math.min(...all.map((c) => c[0]!)), Math.min(...all.map((c) => c[1]!))],
  [Math.max(...all.map((c) => c[0]!)), Math.max(...all.map((c) => c[1]!))],
];
/** Forty places along the line where the train passes. */
const trains = all
  .filter((_, i) => i % Math.ceil(all.length / 40) === 0)
  .map((c) => [c[0]!, c[1]!] as [number, number]);

/** A train passing `trains`, the camera looking towards the fourth place ahead. */
const samples = trains.map((train, i) => ({
  train,
  ahead: trains[Math.min(i + 4, trains.length - 1)]!,
}));
const frames: FollowFrame[] = samples.map((s) => ({
  train: s.train,
  centre: lookAheadCentre(s.train, s.ahead),
}));

/** The follow layout of a preset, as the animation makes it: panels in the corners, no route. */
function followLayout(width: number, height: number) {
  const css = cssLayoutFor(width, height);
  return layoutExport(
    {
      width: css.cssWidth,
      height: css.cssHeight,
      title: 'Kim Jong Un’s armoured train, Pyongyang → Beijing, 1–2 September 2025',
      subtitle: 'Scenario: Reconstructed timeline through the reference events',
      caption: 'Tue 2 Sep 06:08 Beijing (UTC+8) · km 447 · Reconstructed timeline',
      legend: ['Rail in North Korea', 'Rail in China', 'Station', 'Reconstructed'],
      legendTitle: 'Legend',
      verdict: [],
      attribution: 'Basemap: Natural Earth (public domain)',
      view: { bounds, bearingDeg: 0 },
      lines: [],
      marks: [],
    },
    approximateMeasure,
  );
}

/** Within `FOLLOW.marginPx` of the panel `a`: the line keeps that far from every panel. */
const nearPanel = (a: Rect, x: number, y: number) => {
  const m = FOLLOW.marginPx - 1e-6;
  return x > a.x - m && x < a.x + a.w + m && y > a.y - m && y < a.y + a.h + m;
};

describe('followCamera and followZoom', () => {
  // the narrow frame looks ahead; in the wide ones that would take a view wider than the overview
  for (const [id, looksAhead] of [
    ['16:9', false],
    ['1:1', false],
    ['9:16', true],
  ] as const) {
    it(`in the ${id} preset the camera ${looksAhead ? 'looks ahead' : 'centres on the train'} and, in every frame, the train and the line near it are inside the area and under no panel`, () => {
      const preset = PRESETS[id];
      const layout = followLayout(preset.width, preset.height);
      const panels = layout.panels.filter((p) => !p.banded).map((p) => p.rect);
      const plan = followPlan(layout.camera, layout.area, lines, samples, panels);
      expect(plan.lookAhead).toBe(looksAhead);
      const { cruise, frames } = plan;
      expect(cruise).toBeLessThanOrEqual(layout.camera.zoom + FOLLOW.maxZoomIn);
      expect(cruise).toBeGreaterThan(layout.camera.zoom);
      const a = layout.area;
      const pts = all.map((c) => mercatorWorld(c[0]!, c[1]!));
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const r =
        FOLLOW.nearShare *
        Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys));
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: frames.length - 1 }),
          fc.double({ min: 0, max: 1, noNaN: true }),
          (i, k) => {
            const { train, centre } = frames[i]!;
            const end = closeZoom(layout.camera, a, lines, [frames[i]!], cruise, panels);
            expect(end).toBeGreaterThanOrEqual(cruise);
            const cam = followCamera(layout.camera, centre, k, cruise, a, end);
            const p = projector(cam);
            const [x, y] = p(centre[0], centre[1]);
            expect(x).toBeCloseTo(a.x + a.w / 2, 3);
            expect(y).toBeCloseTo(a.y + a.h / 2, 3);
            // near: the radius at the cruise zoom; closing in, that radius shrunk as much as the
            // closest zoom closes in
            const near = cam.zoom > cruise + 1e-9 ? r / 2 ** FOLLOW.closeIn : r;
            const [tx, ty] = mercatorWorld(train[0], train[1]);
            const shown = [
              p(train[0], train[1]),
              ...all
                .filter((_, j) => Math.hypot(pts[j]![0] - tx, pts[j]![1] - ty) <= near)
                .map((c) => p(c[0]!, c[1]!)),
            ];
            const outside = shown.filter(
              ([vx, vy]) => vx < a.x || vx > a.x + a.w || vy < a.y || vy > a.y + a.h,
            );
            expect(outside).toEqual([]);
            const covered = shown.filter(([vx, vy]) => panels.some((q) => nearPanel(q, vx, vy)));
            expect(covered).toEqual([]);
          },
        ),
        { numRuns: 200 },
      );
    });
  }

  it('lookAheadCentre puts the train behind the centre, on the side away from where it goes', () => {
    const layout = followLayout(1080, 1920);
    for (const [i, { train, centre }] of frames.slice(0, -4).entries()) {
      const p = projector(followCamera(layout.camera, centre, 0.5, 7, layout.area));
      const [tx, ty] = p(train[0], train[1]);
      const ahead = trains[i + 4]!;
      const [ax, ay] = p(ahead[0], ahead[1]);
      const [cx, cy] = [layout.area.x + layout.area.w / 2, layout.area.y + layout.area.h / 2];
      // the centre lies halfway from the train to where it will be
      expect(cx).toBeCloseTo((tx + ax) / 2, 3);
      expect(cy).toBeCloseTo((ty + ay) / 2, 3);
    }
    expect(lookAheadCentre(trains[0]!, null)).toEqual(trains[0]);
  });

  it('followCamera closes in at departure and arrival and cruises between', () => {
    const layout = followLayout(1920, 1080);
    const cam = (k: number) => followCamera(layout.camera, trains[0]!, k, 7, layout.area);
    expect(cam(0).zoom).toBeCloseTo(7 + FOLLOW.closeIn);
    expect(cam(1).zoom).toBeCloseTo(7 + FOLLOW.closeIn);
    expect(cam(0.5).zoom).toBeCloseTo(7);
    expect(cam(0.1).zoom).toBeGreaterThan(7);
    expect(cam(0.1).zoom).toBeLessThan(7 + FOLLOW.closeIn);
  });

  it('followCamera without a train keeps the overview', () => {
    const layout = followLayout(1080, 1920);
    expect(followCamera(layout.camera, null, 0.5, 9, layout.area)).toEqual(layout.camera);
  });
});
