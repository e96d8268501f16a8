/**
 * Douglas–Peucker significance of every vertex: vertex i is kept by Douglas–Peucker at tolerance
 * ε exactly when `importance[i] > ε` (the recursion tree does not depend on ε, so a vertex's
 * importance is the smaller of its own split distance and its parent's). The ends are Infinity.
 * Keeping the k most important vertices is therefore Douglas–Peucker for some ε. Iterative; when
 * a pathological line makes the recursion quadratic, the rest is decimated evenly instead.
 */
export function dpImportance(
  n: number,
  distance: (i: number, a: number, b: number) => number,
): Float64Array {
  const importance = new Float64Array(n);
  if (n === 0) return importance;
  importance[0] = Infinity;
  importance[n - 1] = Infinity;
  let budget = 64 * n * Math.max(1, Math.log2(n));
  const stack: number[] = [0, n - 1, Infinity];
  while (stack.length) {
    const cap = stack.pop()!;
    const b = stack.pop()!;
    const a = stack.pop()!;
    if (b - a < 2) continue;
    if (budget < 0) {
      // even fallback: importance by position in a binary subdivision, below every real split
      const mid = (a + b) >> 1;
      importance[mid] = Math.min(cap, Number.MIN_VALUE * (b - a));
      stack.push(a, mid, importance[mid], mid, b, importance[mid]);
      continue;
    }
    let best = a + 1;
    let bestD = -1;
    for (let i = a + 1; i < b; i++) {
      const d = distance(i, a, b);
      if (d > bestD) {
        bestD = d;
        best = i;
      }
    }
    budget -= b - a;
    const imp = Math.min(cap, bestD);
    importance[best] = imp;
    stack.push(a, best, imp, best, b, imp);
  }
  return importance;
}

/** Indices (ascending) of the `k` most important vertices; all of them when there are fewer. */
export function keepMostImportant(importance: Float64Array, k: number): Uint8Array {
  const n = importance.length;
  const keep = new Uint8Array(n);
  if (k >= n) return keep.fill(1);
  const sorted = Float64Array.from(importance).sort();
  const threshold = sorted[n - k]!;
  let room = k;
  for (let i = 0; i < n; i++) {
    if (importance[i]! > threshold) {
      keep[i] = 1;
      room--;
    }
  }
  for (let i = 0; i < n && room > 0; i++) {
    if (importance[i] === threshold) {
      keep[i] = 1;
      room--;
    }
  }
  return keep;
}

/** Planar distance (degrees, longitude scaled by cos latitude) from vertex i to segment a–b. */
export function segmentDistance(lon: ArrayLike<number>, lat: ArrayLike<number>, scale: number) {
  return (i: number, a: number, b: number): number => {
    const ax = lon[a]! * scale;
    const ay = lat[a]!;
    const dx = lon[b]! * scale - ax;
    const dy = lat[b]! - ay;
    const px = lon[i]! * scale - ax;
    const py = lat[i]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
    return Math.hypot(px - t * dx, py - t * dy);
  };
}
