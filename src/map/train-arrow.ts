/** The train marker: an arrow pointing north, in px around its centre (y grows downwards). */
export const ARROW: readonly (readonly [number, number])[] = [
  [0, -21],
  [17, 19],
  [0, 10],
  [-17, 19],
];

/** The arrow as an SVG path around its centre (the SVG export draws it with this). */
export const ARROW_PATH = `M${ARROW.map(([x, y]) => `${x} ${y}`).join('L')}Z`;

/** Px of distance per unit of alpha in MapLibre's SDF images (its shader's `SDF_PX`). */
const SDF_PX = 8;
/** Alpha MapLibre reads as the shape's edge (192 of 255). */
const EDGE = 0.75;

function distanceToSegment(
  px: number,
  py: number,
  [ax, ay]: readonly [number, number],
  [bx, by]: readonly [number, number],
): number {
  const dx = bx - ax;
  const dy = by - ay;
  const k = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + k * dx), py - (ay + k * dy));
}

/** Even–odd rule: whether a point lies inside the polygon. */
function inside(px: number, py: number, poly: readonly (readonly [number, number])[]): boolean {
  let odd = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]!;
    const [xj, yj] = poly[j]!;
    if (yi > py !== yj > py && px < ((xj - xi) * (py - yi)) / (yj - yi) + xi) odd = !odd;
  }
  return odd;
}

/**
 * The arrow as a signed distance field, the image MapLibre tints (`icon-color`) and outlines
 * (`icon-halo-*`) when it is added with `sdf: true`: alpha 192 on the edge, one step of 1/8 per
 * px inside and out. A plain drawn shape has no alpha outside its edge, so its halo is a hairline;
 * this one can carry a halo of up to 6 px, room the image keeps on every side.
 */
export function arrowSdf(size = 64): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(size * size * 4);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      // pixel centres, around the arrow's centre
      const px = x + 0.5 - c;
      const py = y + 0.5 - c;
      let d = Infinity;
      for (let i = 0; i < ARROW.length; i++)
        d = Math.min(d, distanceToSegment(px, py, ARROW[i]!, ARROW[(i + 1) % ARROW.length]!));
      const signed = inside(px, py, ARROW) ? d : -d;
      const i4 = (y * size + x) * 4;
      data[i4 + 3] = Math.round((EDGE + signed / SDF_PX) * 255);
    }
  }
  return { width: size, height: size, data };
}
