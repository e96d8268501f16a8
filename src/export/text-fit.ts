/** Width in CSS px of `text` drawn at `px` (bold or regular); the canvas's `measureText` in a page. */
export type Measure = (text: string, px: number, bold: boolean) => number;

/** Text broken into lines at one size. */
export interface FittedText {
  lines: string[];
  px: number;
  bold: boolean;
  /** Baseline-to-baseline distance, CSS px. */
  lineH: number;
  /** Widest line, CSS px. */
  width: number;
}

/** Line height as a multiple of the font size. */
export const LINE_HEIGHT = 1.22;

const isWide = (cp: number) =>
  (cp >= 0x1100 && cp <= 0x11ff) ||
  (cp >= 0x2e80 && cp <= 0xa4cf) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xff00 && cp <= 0xff60);

/**
 * A measure without a font engine, for Node: Noto Sans averages about 0.56 em per Latin character
 * (0.6 em bold) and 1 em per Chinese or Korean character. Tests lay out with it.
 */
export const approximateMeasure: Measure = (text, px, bold) => {
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    em += isWide(cp) ? 1 : ch === ' ' ? 0.26 : bold ? 0.6 : 0.56;
  }
  return em * px;
};

/**
 * The longest prefix (in code points) of `chars` that fits `maxW`, found by binary search, so a
 * word of any length costs O(log n) measurements. At least one character, so lines always advance.
 */
function fittingPrefix(chars: string[], maxW: number, px: number, bold: boolean, m: Measure) {
  let lo = 1;
  let hi = chars.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (m(chars.slice(0, mid).join(''), px, bold) <= maxW) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Greedy word wrap of `text` into lines no wider than `maxW`; a word wider than a line is broken
 * between characters. Returns null as soon as more than `maxLines` lines would be needed, so the
 * work is bounded by what fits (a 100,000-character title costs as much as a short one).
 */
export function wrapText(
  text: string,
  maxW: number,
  px: number,
  bold: boolean,
  maxLines: number,
  m: Measure,
): string[] | null {
  const lines: string[] = [];
  let line = '';
  const words = text.trim().split(/\s+/);
  for (let i = 0; i < words.length; i++) {
    let word = words[i]!;
    if (!word) continue;
    const joined = line ? `${line} ${word}` : word;
    if (m(joined, px, bold) <= maxW) {
      line = joined;
      continue;
    }
    if (line) {
      lines.push(line);
      if (lines.length >= maxLines) return null;
    }
    // the word alone is too wide: break it between characters
    let chars = Array.from(word);
    while (m(word, px, bold) > maxW) {
      const n = fittingPrefix(chars, maxW, px, bold, m);
      lines.push(chars.slice(0, n).join(''));
      if (lines.length >= maxLines) return null;
      chars = chars.slice(n);
      word = chars.join('');
    }
    line = word;
  }
  if (line) lines.push(line);
  return lines.length <= maxLines ? lines : null;
}

/**
 * Fits `text` into `maxLines` lines of at most `maxW`: at `maxPx` if it fits, else at the largest
 * size down to `minPx` that does (binary search, about eight layouts). It wraps before it shrinks
 * and never cuts: null when even `minPx` needs more lines.
 */
export function fitText(
  text: string,
  maxW: number,
  maxPx: number,
  minPx: number,
  maxLines: number,
  bold: boolean,
  m: Measure,
): FittedText | null {
  const at = (px: number): FittedText | null => {
    const lines = wrapText(text, maxW, px, bold, maxLines, m);
    if (!lines) return null;
    const width = Math.max(0, ...lines.map((l) => m(l, px, bold)));
    return { lines, px, bold, lineH: px * LINE_HEIGHT, width };
  };
  const best = at(maxPx);
  if (best) return best;
  let lo = minPx;
  let hi = maxPx;
  let found = at(minPx);
  if (!found) return null;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    const f = at(mid);
    if (f) {
      lo = mid;
      found = f;
    } else hi = mid;
  }
  return found;
}

/** Height of fitted text, CSS px. */
export const textHeight = (t: FittedText | null | undefined): number =>
  t ? t.lines.length * t.lineH : 0;

/**
 * A point label's lines as MapLibre breaks them (`text-max-width`, point placement): each of the
 * text's own lines (`parts`, forced breaks) is broken further at spaces so the lines come closest
 * to the width that as many lines as the whole text needs at `maxW` each would have; a short last
 * line costs half as much as a long one. `width(text, part)` measures a piece of a part. Lines
 * wider than twice `maxW` are never tried, so a long text costs linear work.
 */
export function balancedLines(
  parts: string[],
  maxW: number,
  width: (text: string, part: number) => number,
): { text: string; part: number }[] {
  const split = parts.map((p) => p.trim().split(/\s+/).filter(Boolean));
  const total = split.reduce((n, words, k) => n + width(words.join(' '), k), 0);
  const target = total / Math.max(1, Math.ceil(total / maxW));
  return split.flatMap((words, k) => {
    const last = k === split.length - 1;
    const badness = (w: number, end: boolean) => {
      const ragged = (w - target) ** 2;
      if (!end || !last) return ragged;
      return w < target ? ragged / 2 : ragged * 2;
    };
    // best[j]: the least badness of the first j words broken into lines; from[j]: its last break
    const best = [0];
    const from = [0];
    for (let j = 1; j <= words.length; j++) {
      best[j] = Infinity;
      for (let i = j - 1; i >= 0; i--) {
        const w = width(words.slice(i, j).join(' '), k);
        if (w > 2 * maxW && i < j - 1) break;
        const cost = best[i]! + badness(w, j === words.length);
        if (cost < best[j]!) [best[j], from[j]] = [cost, i];
      }
    }
    const lines: { text: string; part: number }[] = [];
    for (let j = words.length; j > 0; j = from[j]!)
      lines.unshift({ text: words.slice(from[j]!, j).join(' '), part: k });
    return lines;
  });
}
