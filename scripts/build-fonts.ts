/**
 * Copies the label fonts into public/fonts/ with one stylesheet, woff2 only: Noto Sans (Latin),
 * Noto Sans KR (Hangul) and Noto Sans SC (Chinese), from the @fontsource packages (SIL OFL 1.1).
 * The browser downloads only the unicode-range subsets a page draws.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'fonts');

/**
 * Stylesheets, and the family name each is declared under. MapLibre draws a label with the first
 * family of its `text-font` and takes weight and style from that name, so the bold and italic
 * faces are declared again as families of their own ('Noto Sans Bold', 'Noto Sans Italic').
 */
const sheets: [string, string?][] = [
  ['@fontsource/noto-sans/latin-400.css'],
  ['@fontsource/noto-sans/latin-ext-400.css'],
  ['@fontsource/noto-sans/cyrillic-400.css'],
  ['@fontsource/noto-sans/latin-700.css'],
  ['@fontsource/noto-sans/latin-700.css', 'Noto Sans Bold'],
  ['@fontsource/noto-sans/latin-ext-700.css', 'Noto Sans Bold'],
  ['@fontsource/noto-sans/latin-400-italic.css', 'Noto Sans Italic'],
  ['@fontsource/noto-sans/latin-ext-400-italic.css', 'Noto Sans Italic'],
  ['@fontsource/noto-sans-kr/400.css'],
  ['@fontsource/noto-sans-sc/400.css'],
];

export function buildFonts(): number {
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  const css = sheets.map(([sheet, family]) => {
    const path = require.resolve(sheet);
    let text = readFileSync(path, 'utf8')
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      .replace(/font-display: swap;/g, 'font-display: block;');
    if (family) text = text.replace(/font-family: '[^']+';/g, `font-family: '${family}';`);
    return text.replace(/url\(\.\/files\/([^)]+\.woff2)\)/g, (_m, file: string) => {
      copyFileSync(join(dirname(path), 'files', file), join(outDir, basename(file)));
      files++;
      return `url(./${file})`;
    });
  });
  writeFileSync(join(outDir, 'fonts.css'), css.join('\n'));
  return files;
}

console.log(`fonts: ${buildFonts()} woff2 files written to ${outDir}`);
