/** The eight bytes every PNG file starts with. */
export const PNG_SIGNATURE = Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as PNG uses it (ISO 3309, the same as zlib's). */
export function crc32(bytes: Uint8Array, start = 0, end = bytes.length): number {
  let c = 0xffffffff;
  for (let i = start; i < end; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One chunk of a PNG file, as found by {@link readPngChunks}. */
export interface PngChunk {
  type: string;
  /** Offset of the chunk's length field in the file. */
  offset: number;
  data: Uint8Array;
  crc: number;
  /** Whether the stored CRC matches the chunk type and data. */
  crcOk: boolean;
}

/** One text entry of a PNG (tEXt, or iTXt for text outside Latin-1). */
export interface PngText {
  keyword: string;
  text: string;
  chunk: 'tEXt' | 'iTXt';
}

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const latin1 = (b: Uint8Array) => String.fromCharCode(...b);
const isLatin1 = (s: string) => [...s].every((c) => c.codePointAt(0)! <= 0xff);

function assertPng(png: Uint8Array): void {
  if (png.length < 8 || PNG_SIGNATURE.some((b, i) => png[i] !== b)) throw new Error('not a PNG');
}

/** Lists a PNG's chunks in file order, checking each CRC. */
export function readPngChunks(png: Uint8Array): PngChunk[] {
  assertPng(png);
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const chunks: PngChunk[] = [];
  let offset = 8;
  while (offset + 12 <= png.length) {
    const length = view.getUint32(offset);
    const type = latin1(png.subarray(offset + 4, offset + 8));
    const end = offset + 8 + length;
    if (end + 4 > png.length) throw new Error(`PNG chunk ${type} runs past the end of the file`);
    const crc = view.getUint32(end);
    chunks.push({
      type,
      offset,
      data: png.subarray(offset + 8, end),
      crc,
      crcOk: crc32(png, offset + 4, end) === crc,
    });
    offset = end + 4;
    if (type === 'IEND') break;
  }
  return chunks;
}

/** Width and height from the IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const ihdr = readPngChunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const view = new DataView(ihdr.data.buffer, ihdr.data.byteOffset, ihdr.data.byteLength);
  return { width: view.getUint32(0), height: view.getUint32(4) };
}

/** Builds one chunk: length, type, data, CRC over type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(ascii(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out, 4, 8 + data.length));
  return out;
}

/** A tEXt chunk when the text is Latin-1, else an uncompressed iTXt chunk (UTF-8). */
function textChunk(keyword: string, text: string): Uint8Array {
  if (!/^[\x20-\x7e\xa1-\xff]{1,79}$/.test(keyword) || /^ | $| {2}/.test(keyword)) {
    throw new Error(`invalid PNG text keyword: ${JSON.stringify(keyword)}`);
  }
  const key = ascii(keyword);
  if (isLatin1(text)) {
    const clean = text.replaceAll('\0', '');
    return chunk('tEXt', Uint8Array.of(...key, 0, ...ascii(clean)));
  }
  const utf8 = new TextEncoder().encode(text.replaceAll('\0', ''));
  // keyword \0, compression flag 0, method 0, empty language tag \0, empty translated keyword \0
  const data = new Uint8Array(key.length + 5 + utf8.length);
  data.set(key, 0);
  data.set(utf8, key.length + 5);
  return chunk('iTXt', data);
}

/**
 * Returns a copy of `png` with one text chunk per entry inserted right after IHDR, in the given
 * order. Text outside Latin-1 goes into iTXt (UTF-8), as the PNG specification requires.
 */
export function insertPngText(
  png: Uint8Array,
  entries: [string, string][],
): Uint8Array<ArrayBuffer> {
  const ihdr = readPngChunks(png)[0];
  if (ihdr?.type !== 'IHDR') throw new Error('PNG does not start with IHDR');
  const insertAt = ihdr.offset + 12 + ihdr.data.length;
  const added = entries.map(([k, v]) => textChunk(k, v));
  const size = added.reduce((n, c) => n + c.length, 0);
  const out = new Uint8Array(png.length + size);
  out.set(png.subarray(0, insertAt), 0);
  let at = insertAt;
  for (const c of added) {
    out.set(c, at);
    at += c.length;
  }
  out.set(png.subarray(insertAt), at);
  return out;
}

/** Reads every tEXt and uncompressed iTXt entry, in file order. */
export function readPngText(png: Uint8Array): PngText[] {
  const out: PngText[] = [];
  for (const c of readPngChunks(png)) {
    if (c.type !== 'tEXt' && c.type !== 'iTXt') continue;
    const nul = c.data.indexOf(0);
    if (nul < 0) continue;
    const keyword = latin1(c.data.subarray(0, nul));
    if (c.type === 'tEXt') {
      out.push({ keyword, text: latin1(c.data.subarray(nul + 1)), chunk: 'tEXt' });
      continue;
    }
    if (c.data[nul + 1] !== 0) continue; // compressed iTXt: not written by us
    const lang = c.data.indexOf(0, nul + 3);
    const translated = c.data.indexOf(0, lang + 1);
    if (lang < 0 || translated < 0) continue;
    const text = new TextDecoder().decode(c.data.subarray(translated + 1));
    out.push({ keyword, text, chunk: 'iTXt' });
  }
  return out;
}
