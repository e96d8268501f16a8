import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { constantSpeedScenario, timelineScenario } from '../../domain/schedule/schedule';
import { sceneSvg, textWidth, type RectItem, type TextItem } from './scene';
import {
  CHART_DARK,
  CHART_STYLE,
  chartCursor,
  CONFIDENCE_OPACITY,
  cursorItems,
  legendText,
  nearestLine,
  tickStepH,
  timeDistanceChart,
  timeTicks,
  windowHits,
  type ChartData,
  type ChartTrain,
} from './time-distance';

const H = 3_600_000;
const T0 = Date.UTC(2025, 8, 1, 9); // 18:00 in Pyongyang (UTC+9)

const main: ChartTrain = {
  id: 'main',
  label: 'Reconstructed',
  color: '#111827',
  main: true,
  scenario: timelineScenario({
    id: 'main',
    label: 'Reconstructed',
    variant: 'A',
    points: [
      { km: 0, utcMs: T0 },
      { km: 100, utcMs: T0 + 3 * H },
      { km: 300, utcMs: T0 + 5 * H },
    ],
    basis: [],
  }),
};
const ghost: ChartTrain = {
  id: 'ghost',
  label: 'Constant 50 km/h',
  color: '#e11d48',
  main: false,
  scenario: constantSpeedScenario({
    id: 'ghost',
    label: 'Constant 50 km/h',
    variant: 'A',
    totalKm: 300,
    departUtcMs: T0,
    speedKmh: 50,
    basis: [],
  }),
};

/** 300 km: 100 km in one zone, a border, 200 km in the next; three windows of three grades. */
const data: ChartData = {
  trains: [ghost, main],
  stations: [
    { name: 'A', km: 0, border: false, principal: true },
    { name: 'Bridge', km: 100, border: true, principal: false },
    { name: 'M', km: 200, border: false, principal: true },
    { name: 'B', km: 300, border: false, principal: true },
  ],
  windows: [
    {
      id: 'depart',
      label: 'Departure',
      km: 0,
      fromUtcMs: T0 - 3 * H,
      toUtcMs: T0,
      confidence: 'high',
    },
    {
      id: 'border',
      label: 'Border',
      km: 100,
      fromUtcMs: T0 + 2.5 * H,
      toUtcMs: T0 + 3.5 * H,
      confidence: 'medium',
    },
    {
      id: 'arrive',
      label: 'Arrival',
      km: 300,
      fromUtcMs: T0 + 4.5 * H,
      toUtcMs: T0 + 5.5 * H,
      confidence: 'low',
    },
  ],
  zones: [
    { startUtcMs: -Infinity, label: 'Pyongyang', utcOffsetMin: 540 },
    { startUtcMs: T0 + 3 * H, label: 'Beijing', utcOffsetMin: 480 },
  ],
  totalKm: 300,
  timeRange: [T0, T0 + 6 * H],
};

const chart = timeDistanceChart(data, { width: 900, height: 220 });
const line = (id: string) => chart.lines.find((l) => l.id === id)!;
/** km/h between two points of the drawing, read back through the scales. */
const slopeKmh = (a: [number, number], b: [number, number]) =>
  (chart.kmAt(b[1]) - chart.kmAt(a[1])) / ((chart.tAt(b[0]) - chart.tAt(a[0])) / H);

describe('timeDistanceChart', () => {
  it('draws on the dark panels with the dark palette and no white left from the light one', () => {
    const dark = timeDistanceChart(data, { width: 600, height: 300, palette: CHART_DARK });
    const svg = sceneSvg([
      ...dark.items,
      ...cursorItems(chartCursor(dark, data.zones, T0), dark.fontPx, CHART_DARK),
    ]);
    expect(svg).not.toMatch(/#ffffff/i);
    expect(svg).toContain(`fill="${CHART_DARK.paper}"`);
    expect(svg).toContain(CHART_DARK.ink);
    const light = sceneSvg(timeDistanceChart(data, { width: 600, height: 300 }).items);
    expect(light).toContain(`fill="${CHART_STYLE.paper}"`);
    expect(light).not.toContain(CHART_DARK.paper);
    expect(dark.lines.find((l) => l.main)!.color).toBe(CHART_DARK.mainLine);
  });

  it('spans the player range widened to every window, left to right across the plot', () => {
    expect(chart.domain).toEqual([T0 - 3 * H, T0 + 6 * H]);
    expect(chart.xOf(chart.domain[0])).toBeCloseTo(chart.plot.left);
    expect(chart.xOf(chart.domain[1])).toBeCloseTo(chart.plot.right);
    expect(chart.tAt(chart.xOf(T0 + 1234567))).toBeCloseTo(T0 + 1234567, 0);
  });

  it('puts km 0 at the bottom and the whole routing above it, inside the plot', () => {
    expect(chart.yOf(0)).toBeGreaterThan(chart.yOf(300));
    expect(chart.yOf(0)).toBeLessThanOrEqual(chart.plot.bottom);
    expect(chart.yOf(300)).toBeGreaterThanOrEqual(chart.plot.top);
    expect(chart.kmAt(chart.yOf(123))).toBeCloseTo(123);
  });

  it('draws one line per train and one box per window', () => {
    expect(chart.lines.map((l) => l.id)).toEqual(['ghost', 'main']);
    expect(chart.boxes.map((b) => b.id)).toEqual(['depart', 'border', 'arrive']);
    const svg = sceneSvg(chart.items);
    expect(svg.match(/data-train="/g)).toHaveLength(2);
    expect(svg.match(/data-window="/g)).toHaveLength(3);
  });

  it("gives a constant-speed line the slope of its scenario's speed", () => {
    const pts = line('ghost').points;
    expect(slopeKmh(pts[0]!, pts[pts.length - 1]!)).toBeCloseTo(50, 0);
    expect(line('ghost').avgSpeedKmh).toBeCloseTo(50);
  });

  it('gives each part of a timeline the slope of that part', () => {
    const [a, b, c] = line('main').points;
    expect(slopeKmh(a!, b!)).toBeCloseTo(100 / 3, 0);
    expect(slopeKmh(b!, c!)).toBeCloseTo(100, 0);
  });

  it('draws a window as a box from its first to its last instant, centred on its km', () => {
    const b = chart.boxes.find((x) => x.id === 'border')!;
    expect(b.x).toBeCloseTo(chart.xOf(T0 + 2.5 * H));
    expect(b.x + b.w).toBeCloseTo(chart.xOf(T0 + 3.5 * H));
    expect(b.y + b.h / 2).toBeCloseTo(chart.yOf(100));
  });

  it('shades a surer window darker', () => {
    const op = (id: string) => chart.boxes.find((b) => b.id === id)!.fillOpacity;
    expect(op('depart')).toBe(CONFIDENCE_OPACITY.high);
    expect(op('depart')).toBeGreaterThan(op('border'));
    expect(op('border')).toBeGreaterThan(op('arrive'));
  });

  it('marks where a train misses a window, and by how much', () => {
    expect(windowHits(main, data.windows).every((h) => h.hit)).toBe(true);
    const g = windowHits(ghost, data.windows);
    expect(g.map((h) => [h.windowId, h.hit, h.gapSec])).toEqual([
      ['depart', true, 0],
      ['border', false, -1800], // 100 km at 50 km/h: 2 h, half an hour before the window opens
      ['arrive', false, 1800], // 6 h: half an hour after it closes
    ]);
    expect(line('ghost').misses.map((m) => m.windowId)).toEqual(['border', 'arrive']);
    const miss = chart.hits.find((h) => h.trainId === 'ghost' && h.windowId === 'border')!;
    expect(miss.x).toBeCloseTo(chart.xOf(T0 + 2 * H));
    expect(miss.y).toBeCloseTo(chart.yOf(100));
    expect(sceneSvg(chart.items)).toContain('data-miss="ghost border"');
  });

  it('states each train in the key: speed, duration and the windows it misses', () => {
    expect(legendText(line('ghost'), data.windows)).toBe(
      'Constant 50 km/h: 50 km/h average, 6 h 00 min, misses Border, Arrival',
    );
    expect(legendText(line('main'), data.windows)).toBe(
      'Reconstructed: 60 km/h average, 5 h 00 min, inside every window',
    );
  });

  it('labels the time axis on the local clock and marks where the zone changes', () => {
    const texts = chart.items.filter((i): i is TextItem => i.kind === 'text').map((t) => t.text);
    expect(texts).toContain('21:00→20:00'); // 12:00 UTC: 21:00 in Pyongyang is 20:00 in Beijing
    expect(texts).toContain('Beijing UTC+8');
    expect(texts.some((t) => t.startsWith('Mon 1 Sep · Pyongyang UTC+9'))).toBe(true);
    expect(texts).toContain('Border');
  });

  it('timeTicks puts every tick on a whole local hour of the zone in force', () => {
    const ticks = timeTicks(data.zones, chart.domain, 1);
    for (const t of ticks) {
      expect(((t.tMs + t.zone.utcOffsetMin * 60_000) / 60_000) % 60).toBe(0);
      expect(t.tMs >= t.zone.startUtcMs).toBe(true);
    }
    expect(ticks.filter((t) => t.zone.label === 'Beijing')[0]!.tMs).toBe(T0 + 3 * H);
  });

  it('tickStepH picks the smallest step that leaves room for the labels', () => {
    expect(tickStepH(24 * H, 960, 40)).toBe(1);
    expect(tickStepH(24 * H, 300, 40)).toBe(6);
    expect(tickStepH(30 * 24 * H, 300, 40)).toBe(48);
  });

  it('chartCursor puts each train where it is at the instant, with the local time', () => {
    const c = chartCursor(chart, data.zones, T0 + 3 * H);
    expect(c.x).toBeCloseTo(chart.xOf(T0 + 3 * H));
    expect(c.dots.find((d) => d.id === 'main')!.cy).toBeCloseTo(chart.yOf(100));
    expect(c.dots.find((d) => d.id === 'ghost')!.cy).toBeCloseTo(chart.yOf(150));
    expect(c.label).toBe('Mon 20:00');
    expect(chartCursor(chart, data.zones, T0 + 99 * H).x).toBeCloseTo(chart.plot.right);
    expect(cursorItems(c, 11).filter((i) => i.kind === 'circle')).toHaveLength(2);
  });

  it('puts the cursor label on a plate that covers its text, wherever the cursor stands', () => {
    for (const t of [chart.domain[0], T0 + 3 * H, chart.domain[1]]) {
      const c = chartCursor(chart, data.zones, t);
      const items = cursorItems(c, chart.fontPx);
      const plate = items.find((i): i is RectItem => i.kind === 'rect')!;
      const label = items.find((i): i is TextItem => i.kind === 'text')!;
      expect(items.indexOf(plate)).toBeLessThan(items.indexOf(label));
      const w = textWidth(c.label, chart.fontPx);
      const x0 =
        c.anchor === 'start' ? label.x : c.anchor === 'end' ? label.x - w : label.x - w / 2;
      expect(plate.x).toBeLessThanOrEqual(x0);
      expect(plate.x + plate.w).toBeGreaterThanOrEqual(x0 + w);
      expect(plate.y).toBeLessThan(label.y - chart.fontPx * 0.7);
      expect(plate.y + plate.h).toBeGreaterThan(label.y);
      expect(plate.y + plate.h).toBeLessThanOrEqual(chart.plot.top);
    }
  });

  it('nearestLine finds the line under the pointer, and none far from every line', () => {
    const [a, b] = line('ghost').points;
    const mid: [number, number] = [(a![0] + b![0]) / 2, (a![1] + b![1]) / 2];
    expect(nearestLine(chart, mid[0], mid[1] + 2)?.id).toBe('ghost');
    expect(nearestLine(chart, chart.plot.left + 2, chart.plot.top + 2)).toBeNull();
  });

  it('keeps every line inside the plot whatever the speeds', () => {
    fc.assert(
      fc.property(fc.double({ min: 5, max: 300, noNaN: true }), (speedKmh) => {
        const g: ChartTrain = {
          ...ghost,
          scenario: constantSpeedScenario({ ...ghost.scenario, totalKm: 300, speedKmh }),
        };
        const c = timeDistanceChart({ ...data, trains: [g, main] }, { width: 390, height: 170 });
        for (const l of c.lines)
          for (const [x, y] of l.points) {
            expect(x).toBeGreaterThanOrEqual(c.plot.left - 0.1);
            expect(x).toBeLessThanOrEqual(c.plot.right + 0.1);
            expect(y).toBeGreaterThanOrEqual(c.plot.top - 0.1);
            expect(y).toBeLessThanOrEqual(c.plot.bottom + 0.1);
          }
      }),
      { numRuns: 50 },
    );
  });

  it('places the key inside the plot where no line crosses it, or under the plot', () => {
    const withKey = timeDistanceChart(data, { width: 900, height: 300, legend: true });
    const texts = withKey.items.filter((i): i is TextItem => i.kind === 'text');
    const key = texts.find((t) => t.text.startsWith('Constant 50 km/h:'))!;
    expect(key).toBeDefined();
    expect(key.y).toBeLessThanOrEqual(300);
    const small = timeDistanceChart(data, { width: 390, height: 170, legend: true });
    expect(small.plot.bottom).toBeLessThan(chart.plot.bottom);
  });
});
