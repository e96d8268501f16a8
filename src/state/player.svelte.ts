import { clampRate, clampTime, play, stepRate, tick, type ClockState } from '../domain/time/clock';
import { mapCallMs } from './frame-cost';

/** How the camera behaves during playback. */
export type CameraMode = 'follow' | 'free';

/**
 * The one clock of the app: an instant on the journey's time axis (UTC ms), whether it runs, and
 * how fast. Everything that moves is derived from `clock.tMs`; the frame loop only adds elapsed
 * real time times the rate, and is cancelled when playback stops or the player is destroyed.
 */
export class Player {
  clock = $state<ClockState>({
    tMs: 0,
    startMs: 0,
    endMs: 1,
    playing: false,
    rate: 3600,
    loop: false,
  });
  camera = $state<CameraMode>('free');

  #raf = 0;
  #lastRealMs: number | null = null;
  #now: () => number;
  #request: (cb: FrameRequestCallback) => number;
  #cancel: (id: number) => void;

  constructor(
    env: {
      now?: () => number;
      requestFrame?: (cb: FrameRequestCallback) => number;
      cancelFrame?: (id: number) => void;
    } = {},
  ) {
    this.#now = env.now ?? (() => performance.now());
    this.#request = env.requestFrame ?? ((cb) => requestAnimationFrame(cb));
    this.#cancel = env.cancelFrame ?? ((id) => cancelAnimationFrame(id));
  }

  get playing(): boolean {
    return this.clock.playing;
  }

  /** Sets the time axis; keeps the current instant when it lies inside. */
  setRange(startMs: number, endMs: number): void {
    const c = this.clock;
    const inside = c.tMs >= startMs && c.tMs <= endMs && c.endMs > 1;
    this.clock = { ...c, startMs, endMs, tMs: inside ? c.tMs : startMs };
  }

  play(): void {
    this.clock = play(this.clock);
    this.#startLoop();
  }

  pause(): void {
    this.clock = { ...this.clock, playing: false };
    this.#stopLoop();
  }

  toggle(): void {
    if (this.clock.playing) this.pause();
    else this.play();
  }

  seek(tMs: number): void {
    this.clock = { ...this.clock, tMs: clampTime(this.clock, tMs) };
  }

  /** Seeks to a fraction 0…1 of the time axis. */
  seekProgress(p: number): void {
    const c = this.clock;
    this.seek(c.startMs + Math.min(Math.max(p, 0), 1) * (c.endMs - c.startMs));
  }

  reset(): void {
    this.pause();
    this.seek(this.clock.startMs);
  }

  setRate(rate: number): void {
    this.clock = { ...this.clock, rate: clampRate(rate) };
  }

  faster(): void {
    this.setRate(stepRate(this.clock.rate, 1));
  }

  slower(): void {
    this.setRate(stepRate(this.clock.rate, -1));
  }

  setLoop(loop: boolean): void {
    this.clock = { ...this.clock, loop };
  }

  destroy(): void {
    this.#stopLoop();
  }

  /**
   * Called after each frame with the milliseconds spent in it (for benchmarks): all of it, and
   * the part inside MapLibre API calls (`setData`, `setPaintProperty`).
   */
  onFrameTiming: ((totalMs: number, mapMs: number) => void) | null = null;

  #frame = (): void => {
    const now = this.#now();
    const elapsed = this.#lastRealMs === null ? 0 : now - this.#lastRealMs;
    this.#lastRealMs = now;
    this.clock = tick(this.clock, elapsed);
    // Svelte applies the new instant's effects in a microtask queued by the assignment above;
    // one queued after it runs once they are done, so a benchmark times the frame users get.
    const timing = this.onFrameTiming;
    if (timing) {
      mapCallMs.value = 0;
      queueMicrotask(() => timing(performance.now() - now, mapCallMs.value));
    }
    if (this.clock.playing) this.#raf = this.#request(this.#frame);
    else this.#stopLoop();
  };

  #startLoop(): void {
    if (this.#raf) return;
    this.#lastRealMs = this.#now();
    this.#raf = this.#request(this.#frame);
  }

  #stopLoop(): void {
    if (this.#raf) this.#cancel(this.#raf);
    this.#raf = 0;
    this.#lastRealMs = null;
  }
}
