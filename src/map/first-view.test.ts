import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grownPadding, overshoot, placeLabels, type Box } from './first-view';

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && a.x1 > b.x0 && a.y0 < b.y1 && a.y1 > b.y0;

describe('placeLabels', () => {
  it('puts a lone label to the right of its point, 0.7 em away', () => {
    const [b] = placeLabels([{ x: 100, y: 50, w: 80, size: 10 }]);
    expect(b).toEqual({ x0: 107, x1: 187, y0: 44, y1: 56 });
  });

  it('wraps a label longer than 10 em onto balanced lines, as MapLibre does', () => {
    const [b] = placeLabels([{ x: 0, y: 0, w: 250, size: 10 }]);
    expect(b!.x1 - b!.x0).toBeCloseTo(250 / 3 + 10);
    expect(b!.y1 - b!.y0).toBe(36);
  });

  it('moves a label that would cover an earlier one to the left of its point', () => {
    const [, b] = placeLabels([
      { x: 100, y: 50, w: 80, size: 10 },
      { x: 95, y: 52, w: 60, size: 10 },
    ]);
    expect(b).toEqual({ x0: 28, x1: 88, y0: 46, y1: 58 });
  });

  it('never places two labels over each other, and drops one with no free anchor', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            x: fc.integer({ min: 0, max: 300 }),
            y: fc.integer({ min: 0, max: 300 }),
            w: fc.integer({ min: 10, max: 120 }),
            size: fc.integer({ min: 8, max: 16 }),
          }),
          { maxLength: 30 },
        ),
        (marks) => {
          const boxes = placeLabels(marks).filter((b): b is Box => b !== null);
          for (let i = 0; i < boxes.length; i++)
            for (let j = i + 1; j < boxes.length; j++)
              expect(overlaps(boxes[i]!, boxes[j]!)).toBe(false);
        },
      ),
    );
  });
});

describe('overshoot', () => {
  it('gives each side the furthest any label runs past it, and 0 where none does', () => {
    const boxes: (Box | null)[] = [
      { x0: 350, x1: 420, y0: 10, y1: 24 },
      { x0: 380, x1: 400, y0: 10, y1: 24 },
      null,
      { x0: -30, x1: 40, y0: 100, y1: 114 },
    ];
    expect(overshoot(boxes, 390, 500, 4)).toEqual({ left: 34, right: 34, top: 0, bottom: 0 });
  });
});

describe('grownPadding', () => {
  const base = { top: 10, bottom: 10, left: 20, right: 20 };

  it('widens each side by its overshoot, at most to 45 % of the view', () => {
    expect(grownPadding(base, { top: 0, bottom: 0, left: 5, right: 500 }, 400, 300)).toEqual({
      top: 10,
      bottom: 10,
      left: 25,
      right: 180,
    });
  });

  it('is null when no side grows by half a pixel or more', () => {
    expect(grownPadding(base, { top: 0.2, bottom: 0, left: 0.4, right: 0 }, 400, 300)).toBeNull();
  });
});
