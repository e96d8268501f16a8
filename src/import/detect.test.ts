import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile, importFiles } from './detect';
import { MAX_BYTES } from './types';

const bytes = (name: string): ArrayBuffer => {
  const b = readFileSync(join(import.meta.dirname, '../../tests/fixtures/import', name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};
const utf8 = (s: string): ArrayBuffer => new TextEncoder().encode(s).buffer as ArrayBuffer;
const geo = (name: string): ArrayBuffer => {
  const b = readFileSync(join(import.meta.dirname, '../../geo', name));
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
};

describe('importFile', () => {
  it('importFile tells GeoJSON, GPX and KML apart by their content, not their names', () => {
    expect(importFile('a.txt', bytes('route.geojson')).ok).toBe(true);
    expect(importFile('b.json', bytes('track.gpx')).ok).toBe(true);
    expect(importFile('c.gpx', bytes('route.kml')).ok).toBe(true);
  });

  it('refuses an empty file', () => {
    expect(importFile('empty.geojson', bytes('empty.geojson'))).toEqual({
      ok: false,
      errors: [
        { file: 'empty.geojson', path: '', line: 1, column: 1, message: 'the file is empty' },
      ],
    });
  });

  it('refuses bytes that are not UTF-8, naming the line and the byte', () => {
    const r = importFile('latin1.gpx', bytes('latin1.gpx'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ line: 3, column: 51 });
    expect(r.errors[0]!.message).toMatch(/^not UTF-8 text: byte 0xE0/);
  });

  it('refuses a file over the size limit, saying its size', () => {
    const r = importFile('huge.geojson', new ArrayBuffer(MAX_BYTES + 1));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toBe('the file is 100.0 MB; files up to 100.0 MB can be opened');
  });

  it('refuses text that is neither JSON nor XML', () => {
    const r = importFile('notes.txt', bytes('notes.txt'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toBe('not a GeoJSON, GPX, KML or journey file');
  });

  it('refuses JSON that is not GeoJSON', () => {
    const r = importFile('not-a-route.json', bytes('not-a-route.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toMatch(/^JSON, but not a GeoJSON, GPX, KML or journey file/);
  });

  it('refuses XML of another kind, naming its root element', () => {
    const r = importFile('page.xml', utf8('<html><body/></html>'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toBe(
      'XML with root element <html>, not a GeoJSON, GPX, KML or journey file',
    );
  });

  it('refuses NaN in a GeoJSON at its line and column', () => {
    const r = importFile(
      'nan.geojson',
      utf8('{"type": "LineString",\n "coordinates": [[NaN, 1], [2, 3]]}'),
    );
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          file: 'nan.geojson',
          path: '',
          line: 2,
          column: 19,
          message: 'not valid JSON: unexpected "NaN" (JSON has no NaN or Infinity)',
        },
      ],
    });
  });

  it('refuses GeoJSON nested 1,000,000 deep at the line and column of the bad value', () => {
    const depth = 1_000_000;
    const text = `{"type": "LineString",\n"coordinates": ${'['.repeat(depth)}${']'.repeat(depth)}}`;
    const r = importFile('deep.geojson', utf8(text));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ path: '/coordinates', line: 2, column: 16 });
    expect(r.errors[0]!.message).not.toMatch(/importer bug/);
  }, 60_000);

  it('refuses a zip archive (a KMZ) with advice', () => {
    const r = importFile('x.kmz', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0]).buffer);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]!.message).toMatch(/unzip it and choose the \.kml inside/);
  });
});

describe('importFiles (a journey file with its route)', () => {
  const journey = () => geo('journeys/pyongyang-beijing-2025.json');
  const vague = JSON.parse(
    new TextDecoder().decode(geo('journeys/vague-words.json')),
  ) as import('../domain/data/journey').VagueWords;

  it('a journey file alone is refused at its "route", asking for the route file too', () => {
    const r = importFiles([{ name: 'pyongyang-beijing-2025.json', bytes: journey() }], { vague });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]).toMatchObject({ path: '/route', line: 5 });
    expect(r.errors[0]!.message).toMatch(
      /drop or choose the route GeoJSON .* together with this journey file/,
    );
  });

  it('a journey file with its route gives the parsed journey, its title and the route', () => {
    const r = importFiles(
      [
        { name: 'pyongyang-beijing.geojson', bytes: geo('routes/pyongyang-beijing.geojson') },
        { name: 'pyongyang-beijing-2025.json', bytes: journey() },
      ],
      { vague },
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.name).toMatch(/^Kim Jong Un's armoured train/);
    expect(r.value.journey).toEqual(JSON.parse(new TextDecoder().decode(journey())));
    expect(r.value.warnings).toEqual([]);
  });

  it('an invalid journey file is reported at its JSON path', () => {
    const text = new TextDecoder().decode(journey()).replace('"zone": "KP"', '"zone": "XX"');
    const r = importFiles(
      [
        { name: 'route.geojson', bytes: bytes('route.geojson') },
        { name: 'j.json', bytes: utf8(text) },
      ],
      { vague },
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({
      file: 'j.json',
      path: '/events/0/zone',
      message: 'unknown zone "XX"',
    });
  });

  it('two route files at once are refused', () => {
    const r = importFiles([
      { name: 'a.geojson', bytes: bytes('route.geojson') },
      { name: 'b.gpx', bytes: bytes('track.gpx') },
    ]);
    expect(r.ok).toBe(false);
  });
});
