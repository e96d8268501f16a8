import { describe, expect, it } from 'vitest';
import { Player } from './player.svelte';

/** A fake frame scheduler: frames run only when the test says so, at the times it says. */
function fakeFrames() {
  let now = 0;
  let queued: FrameRequestCallback | null = null;
  let cancelled = 0;
  return {
    env: {
      now: () => now,
      requestFrame: (cb: FrameRequestCallback) => {
        queued = cb;
        return 1;
      },
      cancelFrame: () => {
        queued = null;
        cancelled++;
      },
    },
    advance(ms: number) {
      now += ms;
      const cb = queued;
      queued = null;
      cb?.(now);
    },
    get pending() {
      return queued !== null;
    },
    get cancelled() {
      return cancelled;
    },
  };
}

describe('Player', () => {
  it('player.play() advances the clock by real elapsed time times the rate', () => {
    const f = fakeFrames();
    const p = new Player(f.env);
    p.setRange(0, 3_600_000);
    p.setRate(60);
    p.play();
    f.advance(1000);
    expect(p.clock.tMs).toBe(60_000);
    f.advance(500);
    expect(p.clock.tMs).toBe(90_000);
  });

  it('player.pause() cancels the frame loop', () => {
    const f = fakeFrames();
    const p = new Player(f.env);
    p.setRange(0, 1e9);
    p.play();
    p.pause();
    expect(f.pending).toBe(false);
    expect(f.cancelled).toBe(1);
  });

  it('the frame loop stops by itself at the end of the journey', () => {
    const f = fakeFrames();
    const p = new Player(f.env);
    p.setRange(0, 10_000);
    p.setRate(100);
    p.play();
    f.advance(1000);
    expect(p.clock).toMatchObject({ tMs: 10_000, playing: false });
    expect(f.pending).toBe(false);
  });

  it('player.seekProgress(0.5) lands in the middle of the time axis', () => {
    const p = new Player(fakeFrames().env);
    p.setRange(1000, 3000);
    p.seekProgress(0.5);
    expect(p.clock.tMs).toBe(2000);
  });

  it('player.destroy() leaves no frame queued', () => {
    const f = fakeFrames();
    const p = new Player(f.env);
    p.setRange(0, 1e9);
    p.play();
    p.destroy();
    expect(f.pending).toBe(false);
  });
});
