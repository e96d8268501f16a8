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

const sheets = [
  '@fontsource/noto-sans/latin-400.css',
  '@fontsource/noto-sans/latin-ext-400.css',
  '@fontsource/noto-sans/latin-700.css',
  '@fontsource/noto-sans-kr/400.css',
  '@fontsource/noto-sans-sc/400.css',
];

export function buildFonts(): number {
  mkdirSync(outDir, { recursive: true });
  let files = 0;
  const css = sheets.map((sheet) => {
    const path = require.resolve(sheet);
    const text = readFileSync(path, 'utf8')
      .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/g, '')
      .replace(/font-display: swap;/g, 'font-display: block;');
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
