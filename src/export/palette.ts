import { themeOf } from '../map/style';
import type { DecorationPalette } from './decorations';
import type { ThemeName } from './request';

/** `#rrggbb` with an alpha, as CSS `rgba()`. */
const withAlpha = (hex: string, a: number) =>
  /^#[0-9a-f]{6}$/i.test(hex)
    ? `rgba(${parseInt(hex.slice(1, 3), 16)}, ${parseInt(hex.slice(3, 5), 16)}, ${parseInt(hex.slice(5, 7), 16)}, ${a})`
    : hex;

/**
 * The decorations' colours, read from the map style module's theme (its card colours); the bands
 * are left clear on a transparent PNG.
 */
export function paletteFor(theme: ThemeName, transparent = false): DecorationPalette {
  const t = themeOf(theme);
  return {
    paper: transparent ? 'rgba(0, 0, 0, 0)' : t.card,
    // nearly opaque: at 0.92 the dark theme's light basemap labels showed through its cards
    card: withAlpha(t.card, 0.97),
    ink: t.cardText,
    muted: t.cardMuted,
    accent: t.KP,
    halo: t.halo,
  };
}
