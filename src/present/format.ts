/** Formats a distance in kilometres with thousands separators: 1364.2 → "1,364 km". */
export function formatKm(km: number, digits = 0): string {
  return `${km.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })} km`;
}

/** Percentage difference of a measured figure from a published one: +1.2 %. */
export function formatDiffPct(measured: number, published: number): string {
  const pct = ((measured - published) / published) * 100;
  return `${pct >= 0 ? '+' : '−'}${Math.abs(pct).toFixed(1)} %`;
}

/**
 * A text cut to at most `max` characters at a word boundary, with "…" when cut (a single word
 * longer than the room is cut inside it).
 */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const room = text.slice(0, max - 1);
  const space = room.lastIndexOf(' ');
  const cut = space > max / 2 ? room.slice(0, space) : room;
  return `${cut.replace(/[\s,;:.–—-]+$/u, '')}…`;
}
