/** One Intl.NumberFormat per digit range: making one per figure was most of a report's words' cost. */
const formats = new Map<string, Intl.NumberFormat>();
/** Numbers already formatted, by digits and value; cleared when it holds this many. */
const formatted = new Map<string, string>();
const FORMATTED_MAX = 4096;

/** A number in British English with thousands separators and `min`…`max` decimals. */
export function formatNumber(x: number, min: number, max = min): string {
  const key = `${min}/${max}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-GB', { minimumFractionDigits: min, maximumFractionDigits: max });
    formats.set(key, f);
  }
  // a finding over many copies of a claim formats the same figures again and again
  const memoKey = `${key}/${Object.is(x, -0) ? '-0' : x}`;
  const known = formatted.get(memoKey);
  if (known !== undefined) return known;
  if (formatted.size >= FORMATTED_MAX) formatted.clear();
  const text = f.format(x);
  formatted.set(memoKey, text);
  return text;
}

/** Formats a distance in kilometres with thousands separators: 1364.2 → "1,364 km". */
export function formatKm(km: number, digits = 0): string {
  return `${formatNumber(km, digits)} km`;
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
