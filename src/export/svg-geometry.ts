import type { Geometry, Position } from 'geojson';
import { clipPolygon, clipPolyline, type BoundingBox, type Point } from 'lineclip';
import { r1 } from './prims-svg';

/** Where a longitude and latitude land on the export, in CSS px. */
export type Project = (lon: number, lat: number) => [number, number];

/** An SVG path of point runs, each closed when `close`; runs too short to draw are left out. */
export const pathOf = (parts: Point[][], close: boolean): string =>
  parts
    .filter((p) => p.length > (close ? 2 : 1))
    .map((p) => `M${p.map(([x, y]) => `${r1(x)} ${r1(y)}`).join('L')}${close ? 'Z' : ''}`)
    .join('');

export function polygonsOf(g: Geometry | null): Position[][][] {
  if (!g) return [];
  if (g.type === 'Polygon') return [g.coordinates];
  if (g.type === 'MultiPolygon') return g.coordinates;
  return [];
}

export function linesOf(g: Geometry | null): Position[][] {
  if (!g) return [];
  if (g.type === 'LineString') return [g.coordinates];
  if (g.type === 'MultiLineString') return g.coordinates;
  return [];
}

const projected = (coords: Position[], project: Project): Point[] =>
  coords.map(([lon, lat]) => project(lon!, lat!));

/** A line projected and clipped to `box`, as a path. */
export const linePath = (coords: Position[], project: Project, box: BoundingBox): string =>
  pathOf(clipPolyline(projected(coords, project), box), false);

/** Polygons (outer rings and holes, even–odd) projected and clipped to `box`, as one path. */
export const polygonPath = (polys: Position[][][], project: Project, box: BoundingBox): string =>
  pathOf(
    polys.flatMap((poly) => poly.map((ring) => clipPolygon(projected(ring, project), box))),
    true,
  );
