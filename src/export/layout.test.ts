import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LineString, Point, Position } from 'geojson';
import { layoutExport, type LayoutInput, type Mark, type Rect } from './layout';
import { approximateMeasure, fitText, wrapText } from './text-fit';
import { projector } from './view';
import { locatorOf } from './locator';
import { PRESETS, cssLayoutFor } from './presets';

const root = join(import.meta.dirname, '..', '..');
const routeOf = (name: string) =>
  JSON.parse(readFileSync(join(root, 'geo', 'routes', `${name}.geojson`), 'utf8')) as {
    features: { geometry: LineString | Point; properties: Record<string, unknown> }[];
  };

/** The layout input for a built-in route, its main routing only (as exports draw it). */
function inputFor(name: string, width: number, height: number, extra: Partial<LayoutInput> = {}) {
  const route = routeOf(name);
  const lines: Position[][] = route.features
    .filter((f) => f.properties.kind === 'leg' && !f.properties.variant)
    .map((f) => (f.geometry as LineString).coordinates);
  const marks: Mark[] = route.features
    .filter((f) => f.properties.kind !== 'leg' && !f.properties.variant)
    .map((f) => {
      const [lon, lat] = (f.geometry as Point).coordinates as [number, number];
      const p = f.properties;
      const border = p.kind === 'border';
      return {
        lon,
        lat,
        label: border ? String(p.name) : `${String(p.name)} ${String(p.name_local ?? '')}`.trim(),
        px: p.principal ? 13 : 11,
        minZoom: border || p.principal ? 0 : 7.5,
      };
    });
  const all = lines.flat();
  const lons = all.map((c) => c[0]!);
  const lats = all.map((c) => c[1]!);
  const input: LayoutInput = {
    width,
    height,
    title: 'Kim Jong Un’s armoured train, Pyongyang → Beijing, 1–2 September 2025',
    subtitle: 'Scenario: reconstructed timeline from the reports',
    caption: 'Tue 2 Sep 03:00 Beijing (UTC+8) · km 812 · Reconstructed timeline',
    legend: [
      'Rail in North Korea',
      'Rail in China',
      'Sino-Korean Friendship Bridge',
      'Border (mid-river)',
      'Station',
      'Reconstructed timeline',
      'Claim: 50 km/h average (Reuters)',
    ],
    legendTitle: 'Legend',
    verdict: [
      'The reports cannot all be true',
      '✗ “nearly 20 hours” — Yonhap',
      '✗ “37 mph” — The Guardian',
    ],
    attribution:
      'Basemap: Natural Earth (public domain) · Route: traced 1942 lines and public station positions (Wikipedia, CC BY-SA; OpenStreetMap, ODbL)',
    view: {
      bounds: [
        [Math.min(...lons), Math.min(...lats)],
        [Math.max(...lons), Math.max(...lats)],
      ],
      bearingDeg: 0,
    },
    lines,
    marks,
    ...extra,
  };
  return input;
}

const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Every projected route vertex and mark of the input, in CSS px of the layout's camera. */
function routePixels(input: LayoutInput, layout: ReturnType<typeof layoutExport>) {
  const p = projector(layout.camera);
  return [
    ...input.lines.flat().map((c) => p(c[0]!, c[1]!)),
    ...input.marks.map((mk) => p(mk.lon, mk.lat)),
  ];
}

describe('wrapText and fitText', () => {
  it('wrapText breaks between words and never exceeds the width', () => {
    const lines = wrapText('one two three four five six', 60, 10, false, 10, approximateMeasure)!;
    expect(lines.length).toBeGreaterThan(1);
    for (const l of lines) expect(approximateMeasure(l, 10, false)).toBeLessThanOrEqual(60);
    expect(lines.join(' ')).toBe('one two three four five six');
  });

  it('fitText wraps onto two lines before it shrinks', () => {
    const text = 'Kim Jong Un’s armoured train, Pyongyang → Beijing, 1–2 September 2025';
    const full = approximateMeasure(text, 30, true);
    const f = fitText(text, full * 0.6, 30, 18, 2, true, approximateMeasure)!;
    expect(f.px).toBe(30);
    expect(f.lines).toHaveLength(2);
  });

  it('fitText shrinks when two lines are not enough, and never cuts with an ellipsis', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 300 }),
        fc.integer({ min: 80, max: 900 }),
        (t, w) => {
          const f = fitText(t, w, 30, 12, 2, true, approximateMeasure);
          if (!f) return;
          expect(f.lines.join('').replace(/\s/g, '')).toBe(t.replace(/\s/g, ''));
          for (const l of f.lines) expect(approximateMeasure(l, f.px, true)).toBeLessThanOrEqual(w);
        },
      ),
    );
  });

  it('fitText of a 100,000-character title returns quickly with null instead of hanging', () => {
    let calls = 0;
    const counting: typeof approximateMeasure = (t, px, b) => {
      calls++;
      return approximateMeasure(t, px, b);
    };
    expect(fitText('x'.repeat(100_000), 1200, 30, 18, 2, true, counting)).toBeNull();
    expect(fitText('word '.repeat(20_000), 1200, 30, 18, 2, true, counting)).toBeNull();
    expect(calls).toBeLessThan(2000);
  });
});

describe('layoutExport', () => {
  for (const [id, preset] of Object.entries(PRESETS)) {
    it(`layoutExport for the ${id} preset covers neither the route nor its labels, and keeps the title whole`, () => {
      const css = cssLayoutFor(preset.width, preset.height);
      const input = inputFor('pyongyang-beijing', css.cssWidth, css.cssHeight);
      const layout = layoutExport(input, approximateMeasure);
      const boxes = [
        layout.header.rect,
        layout.footer.rect,
        ...(layout.band ? [layout.band.rect] : []),
        ...layout.panels.map((p) => p.rect),
      ];
      const covered = routePixels(input, layout).filter(([x, y]) =>
        boxes.some((b) => x > b.x && x < b.x + b.w && y > b.y && y < b.y + b.h),
      );
      expect(covered).toEqual([]);
      const outside = routePixels(input, layout).filter(
        ([x, y]) => x < 0 || x > css.cssWidth || y < 0 || y > css.cssHeight,
      );
      expect(outside).toEqual([]);
      // fitted into the space left: the route spans most of the map area one way or the other
      const pts = routePixels(input, layout);
      const span = (v: number[]) => Math.max(...v) - Math.min(...v);
      const fill = Math.max(
        span(pts.map((q) => q[0])) / layout.area.w,
        span(pts.map((q) => q[1])) / layout.area.h,
      );
      expect(fill).toBeGreaterThan(0.5);
      for (const label of layout.keepClear)
        for (const b of layout.panels.filter((p) => !p.banded))
          expect(overlaps(label, b.rect)).toBe(false);
      expect(layout.header.title.lines.join(' ')).toBe(input.title);
      expect(layout.header.title.lines.length).toBeLessThanOrEqual(2);
      expect(layout.header.title.lines.join('')).not.toContain('…');
      for (const l of layout.header.title.lines)
        expect(approximateMeasure(l, layout.header.title.px, true)).toBeLessThanOrEqual(
          css.cssWidth,
        );
      const ids = layout.panels.map((p) => p.id).sort();
      expect(ids).toEqual(['caption', 'legend', 'scale', 'verdict']);
      for (let i = 0; i < layout.panels.length; i++)
        for (let j = i + 1; j < layout.panels.length; j++)
          expect(overlaps(layout.panels[i]!.rect, layout.panels[j]!.rect)).toBe(false);
    });
  }

  it('layoutExport of the Hanoi route at 16:9 keeps Dong Dang and the border clear', () => {
    const input = inputFor('pyongyang-dongdang-2019', 1280, 720);
    const layout = layoutExport(input, approximateMeasure);
    const pts = routePixels(input, layout);
    const covered = pts.filter(([x, y]) =>
      layout.panels.some(({ rect: r }) => x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h),
    );
    expect(covered).toEqual([]);
  });

  it('layoutExport of the Hanoi route at 16:9 wraps a long caption rather than giving it a column beside the map', () => {
    const input = inputFor('pyongyang-dongdang-2019', 1280, 720, {
      caption:
        'Sat 23 Feb 17:00 Pyongyang (UTC+9) · km 0 · Reconstructed timeline through the reference events',
      verdict: [],
    });
    const layout = layoutExport(input, approximateMeasure);
    // the map keeps the frame's whole width; the caption floats over it, wrapped, clear of the route
    expect(layout.area.w).toBe(1280);
    expect(layout.band).toBeNull();
    expect(layout.caption!.lines.length).toBeGreaterThan(2);
    expect(layout.caption!.lines.join(' ')).toBe(input.caption);
    const { rect: r, banded } = layout.panels.find((p) => p.id === 'caption')!;
    expect(banded).toBe(false);
    const under = routePixels(input, layout).filter(
      ([x, y]) => x > r.x && x < r.x + r.w && y > r.y && y < r.y + r.h,
    );
    expect(under).toEqual([]);
  });

  it('layoutExport of a zoomed-in view keeps its zoom: stations outside it push no edge', () => {
    // the live map at zoom 9 over Dandong and the bridge, exported as "what the map shows"
    const view = {
      bounds: [
        [123.6, 39.9],
        [125, 40.7],
      ] as [Position, Position],
      bearingDeg: 0,
    };
    const layout = layoutExport(
      inputFor('pyongyang-beijing', 1280, 720, { view: view as LayoutInput['view'] }),
      approximateMeasure,
    );
    expect(layout.camera.zoom).toBeGreaterThan(8);
    expect(layout.camera.center[0]).toBeCloseTo(124.3, 0);
    expect(layout.camera.center[1]).toBeCloseTo(40.3, 0);
  });

  it('layoutExport places the locator inset like the other panels, clear of the route, with the route’s box inside its map', () => {
    const input = inputFor('pyongyang-beijing', 1280, 720, { locator: true });
    const layout = layoutExport(input, approximateMeasure);
    const panel = layout.panels.find((p) => p.id === 'locator')!;
    expect(panel).toBeDefined();
    const inside = (a: Rect, b: Rect) =>
      a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h;
    const covered = routePixels(input, layout).filter(
      ([x, y]) =>
        x > panel.rect.x &&
        x < panel.rect.x + panel.rect.w &&
        y > panel.rect.y &&
        y < panel.rect.y + panel.rect.h,
    );
    expect(covered).toEqual([]);
    for (const label of layout.keepClear) expect(overlaps(label, panel.rect)).toBe(false);
    for (const other of layout.panels.filter((p) => p !== panel))
      expect(overlaps(other.rect, panel.rect)).toBe(false);
    const loc = layout.locator!;
    expect(inside(loc.map, panel.rect)).toBe(true);
    expect(inside(loc.box, loc.map)).toBe(true);
    // the inset shows the region around the route: its box is a small part of the inset's map
    expect(loc.box.w * loc.box.h).toBeLessThan((loc.map.w * loc.map.h) / 8);
    // and marks where the route is: the box's centre is the view's centre on the inset's camera
    const [[w, s], [e, n]] = input.view.bounds;
    const [cx, cy] = projector(loc.camera)((w + e) / 2, (s + n) / 2);
    expect(loc.box.x + loc.box.w / 2 - loc.map.x).toBeCloseTo(cx, -1);
    expect(loc.box.y + loc.box.h / 2 - loc.map.y).toBeCloseTo(cy, 0);
  });

  it('layoutExport without the locator option places no inset', () => {
    const layout = layoutExport(inputFor('pyongyang-beijing', 1280, 720), approximateMeasure);
    expect(layout.panels.map((p) => p.id)).not.toContain('locator');
    expect(layout.locator).toBeNull();
  });

  it('locatorOf shows at least a continent around a city-sized view, its box a few px wide at least', () => {
    const loc = locatorOf(
      {
        bounds: [
          [13.3, 52.4],
          [13.5, 52.6],
        ],
        bearingDeg: 0,
      },
      { x: 10, y: 20, w: 170, h: 130 },
      1,
    );
    const p = projector(loc.camera);
    // Paris and Warsaw are both on the inset map of a Berlin view
    for (const [lon, lat] of [
      [2.35, 48.86],
      [21.01, 52.23],
    ] as const) {
      const [x, y] = p(lon, lat);
      expect(x).toBeGreaterThan(0);
      expect(x).toBeLessThan(loc.map.w);
      expect(y).toBeGreaterThan(0);
      expect(y).toBeLessThan(loc.map.h);
    }
    expect(loc.box.w).toBeGreaterThanOrEqual(6);
    expect(loc.box.h).toBeGreaterThanOrEqual(6);
    expect(Number.isInteger(loc.map.w) && Number.isInteger(loc.map.h)).toBe(true);
  });

  it('layoutExport lays a 4K frame out like a 1080p one (the same CSS layout)', () => {
    expect(cssLayoutFor(3840, 2160)).toEqual({ ...cssLayoutFor(1920, 1080), pixelRatio: 3 });
  });
});
