import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import fc from 'fast-check';
import {
  KEEP_MAX_BYTES,
  checkKept,
  forgetKeptImport,
  keepImport,
  keepRefusal,
  keptImportMeta,
  readKeptImport,
  storageFailure,
} from './kept-import';

const gpx = (text = '<gpx/>') => new File([text], 'track.gpx', { type: 'application/gpx+xml' });

/** Writes raw values where the module keeps an import, as a damaged browser profile would. */
async function writeRaw(entries: [string, unknown][]): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open('journey-map');
    req.onupgradeneeded = () => req.result.createObjectStore('kept-import');
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  const tx = db.transaction('kept-import', 'readwrite');
  for (const [key, value] of entries) tx.objectStore('kept-import').put(value, key);
  await new Promise((resolve) => (tx.oncomplete = resolve));
  db.close();
}

describe('keeping an imported journey in the browser', () => {
  beforeEach(() => {
    vi.stubGlobal('indexedDB', new IDBFactory());
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('keepImport then readKeptImport gives back the same files, names and title', async () => {
    const kept = await keepImport([gpx('<gpx>one</gpx>')], 'Dong Dang → Hanoi');
    expect(kept.ok && kept.value.names).toEqual(['track.gpx']);
    const read = await readKeptImport();
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.meta.title).toBe('Dong Dang → Hanoi');
    expect(read.value.files.map((f) => f.name)).toEqual(['track.gpx']);
    expect(read.value.files[0]!.type).toBe('application/gpx+xml');
    expect(await read.value.files[0]!.text()).toBe('<gpx>one</gpx>');
  });

  it('a second import replaces the first', async () => {
    await keepImport([gpx('first')], 'First');
    await keepImport([new File(['{}'], 'trip.json'), new File(['{}'], 'route.geojson')], 'Second');
    const meta = await keptImportMeta();
    expect(meta.ok && meta.value).toMatchObject({
      title: 'Second',
      names: ['trip.json', 'route.geojson'],
      bytes: 4,
    });
  });

  it('nothing kept reads as "no imported journey is kept", and the description as null', async () => {
    expect(await readKeptImport()).toEqual({
      ok: false,
      reason: 'no imported journey is kept in this browser',
    });
    expect(await keptImportMeta()).toEqual({ ok: true, value: null });
  });

  it('forgetKeptImport removes the kept copy', async () => {
    await keepImport([gpx()], 'T');
    expect(await forgetKeptImport()).toEqual({ ok: true, value: null });
    expect((await readKeptImport()).ok).toBe(false);
  });

  it('an import over the cap is not kept, says why, and removes the older copy', async () => {
    await keepImport([gpx()], 'Older');
    const big = new File([new Uint8Array(26 * 1024 * 1024)], 'huge.gpx');
    expect(await keepImport([big], 'Huge')).toEqual({
      ok: false,
      reason: 'it is 26.0 MB, and imports up to 25.0 MB are kept',
    });
    expect(await keptImportMeta()).toEqual({ ok: true, value: null });
  });

  it('a damaged copy is reported with where it is damaged, and removed', async () => {
    await writeRaw([
      ['meta', { version: 1, title: 'T', names: ['track.gpx'], bytes: 3, keptAtMs: 0 }],
      ['files', [{ name: 'track.gpx', type: '', bytes: 'not bytes' }]],
    ]);
    expect(await readKeptImport()).toEqual({
      ok: false,
      reason:
        'the copy kept in this browser is damaged (files[0].bytes is not binary data) and was removed',
    });
    expect(await keptImportMeta()).toEqual({ ok: true, value: null });
  });

  it('a damaged description is reported and removed when only the description is read', async () => {
    await writeRaw([['meta', { version: 7 }]]);
    expect(await keptImportMeta()).toEqual({
      ok: false,
      reason: 'the copy kept in this browser is damaged (its version is 7, not 1) and was removed',
    });
    expect(await keptImportMeta()).toEqual({ ok: true, value: null });
  });

  it('a browser without IndexedDB gets a reason, not an exception', async () => {
    vi.stubGlobal('indexedDB', undefined);
    expect(await keepImport([gpx()], 'T')).toEqual({
      ok: false,
      reason: 'this browser offers no storage (IndexedDB)',
    });
    expect((await readKeptImport()).ok).toBe(false);
  });

  it('storage that refuses to open gets its reason named', async () => {
    vi.stubGlobal('indexedDB', {
      open() {
        throw new DOMException('access to storage is denied', 'SecurityError');
      },
    });
    expect(await keepImport([gpx()], 'T')).toEqual({
      ok: false,
      reason: "the browser's storage refused it (SecurityError: access to storage is denied)",
    });
  });
});

describe('storageFailure', () => {
  it('names a full disk plainly', () => {
    expect(storageFailure(new DOMException('quota', 'QuotaExceededError'))).toBe(
      "the browser's storage for this page is full (its quota is exceeded)",
    );
  });
});

describe('keepRefusal', () => {
  it('keeps imports up to the cap and refuses larger ones with their size', () => {
    expect(keepRefusal([KEEP_MAX_BYTES - 10, 10])).toBeNull();
    expect(keepRefusal([30 * 1024 * 1024, 1024 * 1024])).toBe(
      'it is 31.0 MB, and imports up to 25.0 MB are kept',
    );
  });
});

describe('checkKept', () => {
  const meta = { version: 1, title: 'T', names: ['a.gpx'], bytes: 1, keptAtMs: 0 };
  it('tells nothing kept apart from a damaged copy', () => {
    expect(checkKept(undefined, undefined)).toMatchObject({ ok: false, missing: true });
    expect(checkKept(meta, undefined)).toEqual({
      ok: false,
      missing: false,
      reason: 'the copy kept in this browser is damaged (its files are missing)',
    });
  });

  it('refuses, never throws on, any value without binary file contents', () => {
    // fc.anything() makes no ArrayBuffer, so no value it makes is a sound list of files
    fc.assert(
      fc.property(fc.anything(), (files) => {
        const checked = checkKept(meta, files);
        expect(checked.ok).toBe(false);
        expect(!checked.ok && checked.reason).toMatch(
          /^the copy kept in this browser is damaged \(/,
        );
      }),
    );
  });
});
