import { FONT_FACES } from './style';

/**
 * Loads the label fonts for the given text before the map draws, so that every label is drawn
 * with the shipped Noto fonts rather than whatever the machine has. Only the unicode-range
 * subsets the text needs are fetched.
 */
export async function loadLabelFonts(text: string): Promise<void> {
  if (typeof document === 'undefined' || !document.fonts) return;
  const sample = `${text} 0123456789 km`;
  await Promise.all(FONT_FACES.map((f) => document.fonts.load(f.css, sample)));
}
