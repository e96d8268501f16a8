import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { ringCrossesAntimeridian, splitAtAntimeridian, unwrapLongitudes } from './antimeridian';

const square = (coords: number[][]): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [coords] },
});

describe('antimeridian', () => {
  it('ringCrossesAntimeridian(ring) is false for a ring within one hemisphere', () => {
    expect(
      ringCrossesAntimeridian([
        [10, 0],
        [20, 0],
        [20, 10],
        [10, 0],
      ]),
    ).toBe(false);
  });

  it('unwrapLongitudes(line) makes a line across 180° continuous', () => {
    expect(
      unwrapLongitudes([
        [179, 0],
        [-179, 1],
        [-178, 2],
      ]),
    ).toEqual([
      [179, 0],
      [181, 1],
      [182, 2],
    ]);
  });

  it('splitAtAntimeridian(polygon) cuts a polygon wrapping 180° into two parts inside −180…180', () => {
    const wrapped = square([
      [170, 0],
      [-170, 0],
      [-170, 10],
      [170, 10],
      [170, 0],
    ]);
    const out = splitAtAntimeridian(wrapped);
    expect(out.geometry.type).toBe('MultiPolygon');
    const parts = out.geometry.coordinates as number[][][][];
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      for (const [lon] of part[0]!) {
        expect(lon).toBeGreaterThanOrEqual(-180);
        expect(lon).toBeLessThanOrEqual(180);
      }
    }
    const widths = parts.map((p) => {
      const lons = p[0]!.map((c) => c[0]!);
      return Math.max(...lons) - Math.min(...lons);
    });
    expect(widths.sort()).toEqual([10, 10]);
  });

  it('splitAtAntimeridian(polygon) leaves a polygon that does not wrap unchanged', () => {
    const plain = square([
      [10, 0],
      [20, 0],
      [20, 10],
      [10, 0],
    ]);
    expect(splitAtAntimeridian(plain)).toBe(plain);
  });
});
