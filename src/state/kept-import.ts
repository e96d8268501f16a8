import { createStore, delMany, getMany, setMany, type UseStore } from 'idb-keyval';

/**
 * Imports up to this size (all their files together) are kept in the browser, so that a reload or
 * the link `#j=imported` reopens them; a larger import is shown but not kept.
 */
export const KEEP_MAX_BYTES = 25 * 1024 * 1024;

/** What is known of the kept import without reading its files. */
export interface KeptMeta {
  version: 1;
  /** The journey's title when it was imported. */
  title: string;
  /** The files' names, in the order they were given. */
  names: string[];
  /** All files together, bytes. */
  bytes: number;
  keptAtMs: number;
}

/** One kept file: its name, type and bytes, as the user gave it. */
export interface KeptFile {
  name: string;
  type: string;
  bytes: ArrayBuffer;
}

/** A storage answer: the value, or a phrase saying why not (it completes "… because …"). */
export type Kept<T> = { ok: true; value: T } | { ok: false; reason: string };

const META = 'meta';
const FILES = 'files';
const stores = new WeakMap<IDBFactory, UseStore>();

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The reason an import of these sizes is not kept, or null when it may be. */
export function keepRefusal(sizes: readonly number[]): string | null {
  const total = sizes.reduce((a, b) => a + b, 0);
  if (total <= KEEP_MAX_BYTES) return null;
  return `it is ${mb(total)}, and imports up to ${mb(KEEP_MAX_BYTES)} are kept`;
}

/** Where a kept description is damaged, or null when it is sound. */
function metaDamage(meta: unknown): string | null {
  if (!isRecord(meta)) return 'its description is missing';
  if (meta['version'] !== 1) return `its version is ${String(meta['version'])}, not 1`;
  if (typeof meta['title'] !== 'string') return 'its title is not text';
  const names = meta['names'];
  if (!Array.isArray(names) || !names.every((n) => typeof n === 'string'))
    return 'its file names are not a list of names';
  if (typeof meta['bytes'] !== 'number') return 'its size is not a number';
  return null;
}

/** Where kept files are damaged, or null when they are sound. */
function filesDamage(files: unknown): string | null {
  if (!Array.isArray(files) || files.length === 0) return 'its files are missing';
  for (const [i, f] of files.entries()) {
    if (!isRecord(f)) return `files[${i}] is not a file`;
    if (typeof f['name'] !== 'string' || f['name'] === '')
      return `files[${i}].name is not a file name`;
    if (!(f['bytes'] instanceof ArrayBuffer)) return `files[${i}].bytes is not binary data`;
  }
  return null;
}

const damaged = (where: string) => `the copy kept in this browser is damaged (${where})`;

/**
 * Checks what storage gave back: the kept import's description and files, or where it is
 * damaged (`files[1].bytes is not binary data`); `missing` when nothing is kept.
 */
export function checkKept(
  meta: unknown,
  files: unknown,
):
  | { ok: true; value: { meta: KeptMeta; files: KeptFile[] } }
  | { ok: false; reason: string; missing: boolean } {
  if (meta === undefined && files === undefined)
    return { ok: false, reason: 'no imported journey is kept in this browser', missing: true };
  const where = metaDamage(meta) ?? filesDamage(files);
  if (where) return { ok: false, reason: damaged(where), missing: false };
  const kept = files as Record<string, unknown>[];
  return {
    ok: true,
    value: {
      meta: meta as unknown as KeptMeta,
      files: kept.map((f) => ({
        name: f['name'] as string,
        type: typeof f['type'] === 'string' ? f['type'] : '',
        bytes: f['bytes'] as ArrayBuffer,
      })),
    },
  };
}

/**
 * Keeps the files of an import that succeeded, replacing any import kept before. An import over
 * {@link KEEP_MAX_BYTES} is not kept, and the older copy is removed (the link would reopen it
 * instead of the journey on screen). Never rejects.
 */
export async function keepImport(files: readonly File[], title: string): Promise<Kept<KeptMeta>> {
  return storage(async (store) => {
    const refused = keepRefusal(files.map((f) => f.size));
    if (refused) {
      await delMany([META, FILES], store);
      return { ok: false, reason: refused };
    }
    const kept: KeptFile[] = await Promise.all(
      files.map(async (f) => ({ name: f.name, type: f.type, bytes: await f.arrayBuffer() })),
    );
    const meta: KeptMeta = {
      version: 1,
      title,
      names: kept.map((f) => f.name),
      bytes: kept.reduce((a, f) => a + f.bytes.byteLength, 0),
      keptAtMs: Date.now(),
    };
    await setMany(
      [
        [META, meta],
        [FILES, kept],
      ],
      store,
    );
    return { ok: true, value: meta };
  });
}

/**
 * The kept import's files, ready to import again. A damaged copy is removed (it would fail again
 * on every reload), and the reason says so. Never rejects.
 */
export async function readKeptImport(): Promise<Kept<{ meta: KeptMeta; files: File[] }>> {
  return storage(async (store) => {
    const [meta, files] = await getMany([META, FILES], store);
    const checked = checkKept(meta, files);
    if (!checked.ok) {
      if (checked.missing) return { ok: false, reason: checked.reason };
      await delMany([META, FILES], store);
      return { ok: false, reason: `${checked.reason} and was removed` };
    }
    return {
      ok: true,
      value: {
        meta: checked.value.meta,
        files: checked.value.files.map((f) => new File([f.bytes], f.name, { type: f.type })),
      },
    };
  });
}

/**
 * What is kept (title, names, size), without reading the files; null when nothing is. A damaged
 * description is removed with its files. Never rejects.
 */
export async function keptImportMeta(): Promise<Kept<KeptMeta | null>> {
  return storage(async (store) => {
    const [meta] = await getMany([META], store);
    if (meta === undefined) return { ok: true, value: null };
    const where = metaDamage(meta);
    if (!where) return { ok: true, value: meta as KeptMeta };
    await delMany([META, FILES], store);
    return { ok: false, reason: `${damaged(where)} and was removed` };
  });
}

/** Removes the kept import, if any. Never rejects. */
export async function forgetKeptImport(): Promise<Kept<null>> {
  return storage(async (store) => {
    await delMany([META, FILES], store);
    return { ok: true, value: null };
  });
}

/** Runs `work` on the store; a browser without storage, a full disk or a refusal becomes a reason. */
async function storage<T>(work: (store: UseStore) => Promise<Kept<T>>): Promise<Kept<T>> {
  try {
    const factory = globalThis.indexedDB as IDBFactory | undefined;
    if (!factory) return { ok: false, reason: 'this browser offers no storage (IndexedDB)' };
    let store = stores.get(factory);
    if (!store) {
      store = createStore('journey-map', 'kept-import');
      stores.set(factory, store);
    }
    return await work(store);
  } catch (err) {
    return { ok: false, reason: storageFailure(err) };
  }
}

/** Why storage failed, in words. */
export function storageFailure(err: unknown): string {
  const name = err instanceof Error || err instanceof DOMException ? err.name : '';
  if (name === 'QuotaExceededError')
    return "the browser's storage for this page is full (its quota is exceeded)";
  const message = err instanceof Error || err instanceof DOMException ? err.message : String(err);
  return `the browser's storage refused it (${name ? `${name}: ` : ''}${message || 'no reason given'})`;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
