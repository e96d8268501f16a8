import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { play, rateLabel, stepRate, tick, type ClockState } from './clock';

const base: ClockState = {
  tMs: 0,
  startMs: 0,
  endMs: 10_000,
  playing: true,
  rate: 60,
  loop: false,
};

describe('player clock', () => {
  it('tick(clock, elapsed) advances by elapsed real time times the rate', () => {
    expect(tick(base, 16).tMs).toBe(960);
  });

  it('tick(clock, elapsed) gives the same time whether one long frame or many short ones pass', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 50 }), { maxLength: 30 }), (frames) => {
        const total = frames.reduce((a, b) => a + b, 0);
        const stepped = frames.reduce((s, f) => tick(s, f), { ...base, endMs: 1e12 });
        expect(stepped.tMs).toBeCloseTo(tick({ ...base, endMs: 1e12 }, total).tMs, 6);
      }),
    );
  });

  it('tick(clock, elapsed) stops at the end when not looping', () => {
    const s = tick(base, 1_000);
    expect(s).toMatchObject({ tMs: 10_000, playing: false });
  });

  it('tick(clock, elapsed) wraps to the start when looping', () => {
    expect(tick({ ...base, loop: true, tMs: 9_000 }, 50).tMs).toBe(2_000);
  });

  it('tick(paused clock) does not move', () => {
    const paused = { ...base, playing: false };
    expect(tick(paused, 1_000)).toBe(paused);
  });

  it('play(clock at the end) starts again from the beginning', () => {
    expect(play({ ...base, tMs: 10_000, playing: false })).toMatchObject({ tMs: 0, playing: true });
  });

  it('stepRate(rate, ±1) moves between the steps and stops at the ends', () => {
    expect(stepRate(60, 1)).toBe(300);
    expect(stepRate(60, -1)).toBe(10);
    expect(stepRate(3600, 1)).toBe(3600);
    expect(stepRate(1, -1)).toBe(1);
    expect(stepRate(100, 1)).toBe(300);
  });

  it('rateLabel(rate) names real time, minutes and hours per second', () => {
    expect(rateLabel(1)).toBe('real time');
    expect(rateLabel(60)).toBe('1 min/s');
    expect(rateLabel(3600)).toBe('1 h/s');
    expect(rateLabel(2.5)).toBe('2.5×');
  });
});
