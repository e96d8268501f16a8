/** Milliseconds spent in MapLibre API calls since the last reset (set per frame by the player). */
export const mapCallMs = { value: 0 };

/** Runs a MapLibre call and adds its time to `mapCallMs`, so benchmarks can tell it from ours. */
export function timedMapCall(fn: () => void): void {
  const t = performance.now();
  try {
    fn();
  } finally {
    mapCallMs.value += performance.now() - t;
  }
}
