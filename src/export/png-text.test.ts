import { describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { crc32, insertPngText, pngSize, readPngChunks, readPngText } from './png-text';

function tinyPng(width = 3, height = 2): Uint8Array {
  const png = new PNG({ width, height });
  png.data.fill(200);
  return new Uint8Array(PNG.sync.write(png));
}

const PROVENANCE: [string, string][] = [
  ['Title', 'Pyongyang to Beijing'],
  ['Description', 'The armoured train at 2025-09-01 18:00 (UTC+9), km 212'],
  ['Source URL', 'http://127.0.0.1:4173/#t=2025-09-01T09:00:00Z&s=timeline'],
  ['Journey', 'Pyongyang → Beijing, 1–2 September 2025'],
  ['Moment', '2025-09-01T09:00:00.000Z'],
  ['Scenario', 'Reported timeline [timeline]'],
  ['Software', 'Journey Map export'],
];

describe('png-text', () => {
  it('crc32("IEND") is the CRC every PNG ends with', () => {
    expect(crc32(new TextEncoder().encode('IEND'))).toBe(0xae426082);
  });

  it('readPngText(insertPngText(png, entries)) returns the entries in order', () => {
    const out = insertPngText(tinyPng(), PROVENANCE);
    expect(readPngText(out).map((t) => [t.keyword, t.text])).toEqual(PROVENANCE);
  });

  it('insertPngText writes tEXt for Latin-1 text and iTXt for other text', () => {
    const texts = readPngText(insertPngText(tinyPng(), PROVENANCE));
    expect(texts.find((t) => t.keyword === 'Title')?.chunk).toBe('tEXt');
    expect(texts.find((t) => t.keyword === 'Journey')?.chunk).toBe('iTXt');
  });

  it('insertPngText puts the text chunks right after IHDR, with correct CRCs', () => {
    const chunks = readPngChunks(insertPngText(tinyPng(), PROVENANCE));
    expect(chunks[0]?.type).toBe('IHDR');
    expect(chunks.slice(1, 1 + PROVENANCE.length).every((c) => /^(tEXt|iTXt)$/.test(c.type))).toBe(
      true,
    );
    expect(chunks.at(-1)?.type).toBe('IEND');
    expect(chunks.every((c) => c.crcOk)).toBe(true);
  });

  it('insertPngText keeps the image decodable and its size unchanged', () => {
    const out = insertPngText(tinyPng(5, 4), PROVENANCE);
    const decoded = PNG.sync.read(Buffer.from(out));
    expect([decoded.width, decoded.height]).toEqual([5, 4]);
    expect(pngSize(out)).toEqual({ width: 5, height: 4 });
  });

  it('readPngChunks flags a corrupted chunk', () => {
    const out = insertPngText(tinyPng(), [['Title', 'x']]);
    const title = readPngChunks(out).find((c) => c.type === 'tEXt')!;
    out[title.offset + 8] = out[title.offset + 8]! ^ 0xff;
    expect(readPngChunks(out).find((c) => c.type === 'tEXt')?.crcOk).toBe(false);
  });

  it('insertPngText rejects an invalid keyword', () => {
    expect(() => insertPngText(tinyPng(), [['', 'x']])).toThrow(/keyword/);
    expect(() => insertPngText(tinyPng(), [['k'.repeat(80), 'x']])).toThrow(/keyword/);
  });

  it('readPngChunks rejects bytes that are not a PNG', () => {
    expect(() => readPngChunks(new Uint8Array(20))).toThrow(/not a PNG/);
  });
});
