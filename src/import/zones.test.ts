import { describe, expect, it } from 'vitest';
import { zoneStretches } from './zones';

const line = (points: [number, number][]) => {
  const cumKm = points.map((_, i) => i * 10);
  return { lon: points.map((p) => p[0]), lat: points.map((p) => p[1]), cumKm };
};

describe('zoneStretches', () => {
  it('zoneStretches of a line inside France is one Europe/Paris stretch', () => {
    expect(
      zoneStretches(
        line([
          [2.35, 48.88],
          [4.03, 49.25],
          [7.73, 48.58],
        ]),
      ),
    ).toEqual([{ fromKm: 0, tz: 'Europe/Paris' }]);
  });

  it('zoneStretches finds the vertex where a line from Madrid enters the Portuguese zone', () => {
    const stretches = zoneStretches(
      line([
        [-3.7, 40.4],
        [-5.0, 40.0],
        [-6.5, 39.5],
        [-7.5, 39.0],
        [-9.1, 38.7],
      ]),
      5,
    );
    expect(stretches[0]).toEqual({ fromKm: 0, tz: 'Europe/Madrid' });
    expect(stretches.at(-1)!.tz).toBe('Europe/Lisbon');
    expect(stretches.at(-1)!.fromKm).toBe(30);
  });
});
