/** Playback rates offered as steps: journey seconds per real second (1× … one journey-hour a second). */
export const RATE_STEPS = [1, 10, 60, 300, 900, 1800, 3600] as const;
export const MIN_RATE = 0.1;
export const MAX_RATE = 86_400;

/** The player's clock: one instant on the journey's time axis (UTC ms) and how it moves. */
export interface ClockState {
  tMs: number;
  startMs: number;
  endMs: number;
  playing: boolean;
  /** Journey milliseconds per real millisecond. */
  rate: number;
  loop: boolean;
}

export function clampTime(s: Pick<ClockState, 'startMs' | 'endMs'>, tMs: number): number {
  return Math.min(Math.max(tMs, s.startMs), s.endMs);
}

/**
 * Advances the clock by the real time that passed (never by counting frames). At the end it stops,
 * or wraps to the start when looping. Returns a new state; a paused clock is returned unchanged.
 */
export function tick(s: ClockState, elapsedRealMs: number): ClockState {
  if (!s.playing || elapsedRealMs <= 0) return s;
  const t = s.tMs + elapsedRealMs * s.rate;
  if (t < s.endMs) return { ...s, tMs: t };
  if (s.loop && s.endMs > s.startMs) {
    const span = s.endMs - s.startMs;
    return { ...s, tMs: s.startMs + ((t - s.startMs) % span) };
  }
  return { ...s, tMs: s.endMs, playing: false };
}

/** Starts playing; from the end, starts again at the beginning. */
export function play(s: ClockState): ClockState {
  return { ...s, playing: true, tMs: s.tMs >= s.endMs ? s.startMs : s.tMs };
}

export function clampRate(rate: number): number {
  if (!Number.isFinite(rate)) return RATE_STEPS[0];
  return Math.min(Math.max(rate, MIN_RATE), MAX_RATE);
}

/** The next step up (dir 1) or down (dir −1) from a rate that may lie between steps. */
export function stepRate(rate: number, dir: 1 | -1): number {
  if (dir > 0) return RATE_STEPS.find((r) => r > rate) ?? RATE_STEPS[RATE_STEPS.length - 1]!;
  return [...RATE_STEPS].reverse().find((r) => r < rate) ?? RATE_STEPS[0];
}

/** Human label of a rate: "real time", "1 min/s", "1 h/s". */
export function rateLabel(rate: number): string {
  if (rate === 1) return 'real time';
  if (rate >= 3600 && rate % 3600 === 0) return `${rate / 3600} h/s`;
  if (rate >= 60 && rate % 60 === 0) return `${rate / 60} min/s`;
  return `${Number(rate.toFixed(2))}×`;
}
