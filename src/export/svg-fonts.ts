import { base64 } from './bytes';

/** One `@font-face` rule of the app's font sheet. */
export interface FontFace {
  family: string;
  weight: number;
  /** The woff2 file, relative to the sheet. */
  url: string;
  /** Code point ranges the file covers; absent: every character. */
  ranges?: [number, number][];
}

/** Parses `U+0-FF, U+131, U+4E??` into inclusive code point ranges. */
export function parseUnicodeRange(text: string): [number, number][] {
  return text
    .split(',')
    .map((part) => part.trim().replace(/^U\+/i, ''))
    .filter(Boolean)
    .map((r): [number, number] => {
      if (r.includes('?')) {
        return [parseInt(r.replaceAll('?', '0'), 16), parseInt(r.replaceAll('?', 'F'), 16)];
      }
      const [a, b] = r.split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
}

/** The `@font-face` rules of a font sheet. */
export function parseFontFaces(css: string): FontFace[] {
  const faces: FontFace[] = [];
  for (const m of css.matchAll(/@font-face\s*\{([^}]*)\}/g)) {
    const body = m[1]!;
    const family = /font-family:\s*['"]?([^;'"]+)['"]?;/.exec(body)?.[1];
    const url = /src:\s*url\(([^)]+)\)/.exec(body)?.[1]?.replace(/^['"]|['"]$/g, '');
    if (!family || !url) continue;
    const weight = Number(/font-weight:\s*(\d+)/.exec(body)?.[1] ?? 400);
    const range = /unicode-range:\s*([^;]+);/.exec(body)?.[1];
    faces.push({ family, weight, url, ...(range ? { ranges: parseUnicodeRange(range) } : {}) });
  }
  return faces;
}

/**
 * The font files a text needs: every face whose unicode-range holds one of its characters
 * (faces without a range always). Only these are embedded in an SVG, so it carries the subsets
 * it draws and looks the same where Noto is not installed.
 */
export function facesFor(faces: FontFace[], text: string): FontFace[] {
  const cps = [...new Set(Array.from(text, (c) => c.codePointAt(0)!))];
  return faces.filter(
    (f) => !f.ranges || cps.some((cp) => f.ranges!.some(([lo, hi]) => cp >= lo && cp <= hi)),
  );
}

/** Embeds the needed font files as data URLs in `@font-face` rules for an SVG `<style>`. */
export async function embeddedFontCss(
  baseUrl: string,
  text: string,
  signal?: AbortSignal,
): Promise<string> {
  const sheetUrl = new URL('fonts/fonts.css', baseUrl);
  const res = await fetch(sheetUrl, signal ? { signal } : {});
  if (!res.ok) throw new Error(`${sheetUrl.href}: HTTP ${res.status}`);
  const faces = facesFor(parseFontFaces(await res.text()), text);
  const rules = await Promise.all(
    faces.map(async (f) => {
      const url = new URL(f.url, sheetUrl);
      const file = await fetch(url, signal ? { signal } : {});
      if (!file.ok) throw new Error(`${url.href}: HTTP ${file.status}`);
      const data = base64(new Uint8Array(await file.arrayBuffer()));
      const range = f.ranges
        ? `unicode-range:${f.ranges.map(([a, b]) => `U+${a.toString(16)}${b > a ? `-${b.toString(16)}` : ''}`).join(',')};`
        : '';
      return `@font-face{font-family:'${f.family}';font-weight:${f.weight};src:url(data:font/woff2;base64,${data}) format('woff2');${range}}`;
    }),
  );
  return rules.join('\n');
}
