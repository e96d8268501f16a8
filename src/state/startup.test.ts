import { describe, expect, it } from 'vitest';
import { Startup } from './startup';

describe('Startup', () => {
  it('seeks the opened journey to the instant the URL asked for, once', () => {
    const s = new Startup({ tMs: 5_000 });
    expect(s.phase).toBe('opening');
    expect(s.rangeKnown(1_000, 9_000)).toBe(5_000);
    expect(s.phase).toBe('ready');
    // another routing: a new range keeps the time
    expect(s.rangeKnown(1_000, 8_000)).toBeNull();
  });

  it('turns a URL progress into an instant of the range, clamped to it', () => {
    expect(new Startup({ progress: 0.25 }).rangeKnown(0, 8_000)).toBe(2_000);
    expect(new Startup({ progress: 3 }).rangeKnown(0, 8_000)).toBe(8_000);
  });

  it('starts at the beginning when the URL names no instant', () => {
    expect(new Startup({}).rangeKnown(1_000, 9_000)).toBe(1_000);
  });

  it('keeps the URL routing while the opened journey loads, resets it for a later journey', () => {
    const s = new Startup({ tMs: 5_000 });
    expect(s.journeyChanged()).toEqual({ resetRouting: false });
    s.rangeKnown(0, 9_000);
    expect(s.journeyChanged()).toEqual({ resetRouting: true });
    expect(s.phase).toBe('switching');
  });

  it('seeks a journey chosen later to its own start, not to the URL instant', () => {
    const s = new Startup({ tMs: 5_000 });
    s.rangeKnown(0, 9_000);
    s.journeyChanged();
    expect(s.rangeKnown(20_000, 30_000)).toBe(20_000);
    expect(s.phase).toBe('ready');
  });
});
