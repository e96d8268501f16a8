import { describe, expect, it } from 'vitest';
import { THEME_NAMES, THEMES, uiTheme } from './style';

describe('uiTheme', () => {
  it.each(THEME_NAMES)('gives the %s panels the route colours the map draws with', (name) => {
    const t = THEMES[name];
    const { vars } = uiTheme(t);
    expect(vars['--kp']).toBe(t.KP);
    expect(vars['--cn']).toBe(t.CN);
    expect(vars['--vn']).toBe(t.VN);
    expect(vars['--variant']).toBe(t.variant);
    expect(vars['--bridge']).toBe(t.bridge);
  });

  it('darkens the panels only under the dark map', () => {
    expect(THEME_NAMES.map((n) => uiTheme(THEMES[n]).scheme)).toEqual(['light', 'dark', 'light']);
  });
});
