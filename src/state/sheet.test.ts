import { describe, expect, it } from 'vitest';
import { sheetOpenAfterDrag } from './sheet';

describe('sheetOpenAfterDrag', () => {
  it('opens the sheet when the handle is pulled up and closes it when pulled down', () => {
    expect(sheetOpenAfterDrag(false, -120)).toBe(true);
    expect(sheetOpenAfterDrag(true, 120)).toBe(false);
  });

  it('leaves the sheet as it was after a short drag', () => {
    expect(sheetOpenAfterDrag(false, -10)).toBe(false);
    expect(sheetOpenAfterDrag(true, 10)).toBe(true);
  });
});
