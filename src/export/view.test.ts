import { describe, expect, it } from 'vitest';
import {
  fitView,
  mercatorLngLat,
  mercatorWorld,
  metersPerPixel,
  projector,
  scaleBar,
} from './view';

const NO_PADDING = { top: 0, right: 0, bottom: 0, left: 0 };
const ROUTE_BOX: [[number, number], [number, number]] = [
  [116.3, 39.0],
  [125.8, 41.9],
];

describe('view', () => {
  it('mercatorLngLat(mercatorWorld(p)) returns p', () => {
    const [lon, lat] = mercatorLngLat(...mercatorWorld(125.75, 39.03));
    expect(lon).toBeCloseTo(125.75, 9);
    expect(lat).toBeCloseTo(39.03, 9);
  });

  it('projector(camera) puts the centre in the middle of the viewport', () => {
    const cam = {
      center: [120, 40] as [number, number],
      zoom: 5,
      bearingDeg: 0,
      cssWidth: 800,
      cssHeight: 600,
    };
    const [x, y] = projector(cam)(120, 40);
    expect(x).toBeCloseTo(400, 6);
    expect(y).toBeCloseTo(300, 6);
  });

  it('projector(camera) with bearing 90 puts east at the top', () => {
    const cam = {
      center: [120, 40] as [number, number],
      zoom: 5,
      bearingDeg: 90,
      cssWidth: 800,
      cssHeight: 600,
    };
    const [x, y] = projector(cam)(121, 40);
    expect(x).toBeCloseTo(400, 3);
    expect(y).toBeLessThan(300);
  });

  it('fitView(bounds) fits the box inside the padded viewport, touching one pair of sides', () => {
    const padding = { top: 100, right: 40, bottom: 80, left: 40 };
    const cam = fitView({ bounds: ROUTE_BOX, bearingDeg: 0 }, 1920, 1080, padding);
    const project = projector(cam);
    const [x0, y0] = project(ROUTE_BOX[0][0], ROUTE_BOX[1][1]);
    const [x1, y1] = project(ROUTE_BOX[1][0], ROUTE_BOX[0][1]);
    expect(x0).toBeGreaterThanOrEqual(40 - 1e-6);
    expect(x1).toBeLessThanOrEqual(1880 + 1e-6);
    expect(y0).toBeGreaterThanOrEqual(100 - 1e-6);
    expect(y1).toBeLessThanOrEqual(1000 + 1e-6);
    const touchesX = Math.abs(x0 - 40) < 1e-6 && Math.abs(x1 - 1880) < 1e-6;
    const touchesY = Math.abs(y0 - 100) < 1e-6 && Math.abs(y1 - 1000) < 1e-6;
    expect(touchesX || touchesY).toBe(true);
  });

  it('fitView(bounds, bearing) keeps every corner inside the viewport', () => {
    const cam = fitView({ bounds: ROUTE_BOX, bearingDeg: 30 }, 800, 600, NO_PADDING);
    const project = projector(cam);
    for (const [lon, lat] of [
      ROUTE_BOX[0],
      ROUTE_BOX[1],
      [ROUTE_BOX[0][0], ROUTE_BOX[1][1]],
      [ROUTE_BOX[1][0], ROUTE_BOX[0][1]],
    ]) {
      const [x, y] = project(lon!, lat!);
      expect(x).toBeGreaterThanOrEqual(-1e-6);
      expect(x).toBeLessThanOrEqual(800 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(-1e-6);
      expect(y).toBeLessThanOrEqual(600 + 1e-6);
    }
  });

  it('metersPerPixel(0, 0) is the equator over 512 px', () => {
    expect(metersPerPixel(0, 0)).toBeCloseTo(40075016.686 / 512, 0);
    expect(metersPerPixel(60, 1)).toBeCloseTo(40075016.686 / 512 / 2 / 2, 0);
  });

  it('scaleBar picks a 1-2-5 length no longer than asked', () => {
    const bar = scaleBar(40, 6, 150);
    expect(bar.cssPx).toBeLessThanOrEqual(150);
    expect(bar.cssPx).toBeGreaterThan(150 / 2.5);
    expect(String(bar.meters)).toMatch(/^[125]0*$/);
  });
});
