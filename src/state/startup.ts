/**
 * The start-up sequence, as one named state: the URL is read, a journey loads, its scenarios give
 * the clock its range, and the player seeks once — to the URL's instant for the journey the page
 * was opened with, to the start for any journey chosen or imported later. After that a new range
 * (another routing) only re-bounds the clock.
 */
export type StartupPhase =
  /** The journey the URL named is loading; its first range seeks to the URL's instant. */
  | 'opening'
  /** Another journey is loading; its first range seeks to its start. */
  | 'switching'
  /** Playing: the view is written to the URL; ranges keep the time. */
  | 'ready';

/** The instant the URL asked for: an absolute time, or a fraction of the time axis. */
export interface OpenedInstant {
  tMs?: number;
  progress?: number;
}

export class Startup {
  #phase: StartupPhase = 'opening';
  readonly #opened: OpenedInstant;

  constructor(opened: OpenedInstant) {
    this.#opened = opened;
  }

  get phase(): StartupPhase {
    return this.#phase;
  }

  /**
   * Another journey starts loading (the menu or an import). Returns whether the routing goes back
   * to the default: yes once the first journey has started, no while the URL's journey still opens.
   */
  journeyChanged(): { resetRouting: boolean } {
    if (this.#phase === 'opening') return { resetRouting: false };
    this.#phase = 'switching';
    return { resetRouting: true };
  }

  /** The clock's range is known: the instant to seek to, or null to keep the current time. */
  rangeKnown(startMs: number, endMs: number): number | null {
    const phase = this.#phase;
    this.#phase = 'ready';
    if (phase === 'ready') return null;
    if (phase === 'switching') return startMs;
    const { tMs, progress } = this.#opened;
    if (tMs !== undefined) return tMs;
    if (progress !== undefined)
      return startMs + Math.min(Math.max(progress, 0), 1) * (endMs - startMs);
    return startMs;
  }
}
