/** A place in a text file: 1-based line and column (columns count UTF-16 code units, or bytes). */
export interface TextPosition {
  line: number;
  column: number;
}

/**
 * 1-based line and column of `offset` in a text, or in raw bytes (for text that is not valid
 * UTF-8 and so cannot be decoded): lines end at "\n". The one line/column counter of the project.
 */
export function lineColumnAt(text: string | Uint8Array, offset: number): TextPosition {
  const end = Math.max(0, Math.min(offset, text.length));
  let line = 1;
  let lineStart = 0;
  const find = (from: number): number =>
    typeof text === 'string' ? text.indexOf('\n', from) : text.indexOf(10, from);
  for (let i = find(0); i !== -1 && i < end; i = find(i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: end - lineStart + 1 };
}
