import { decodeHash, encodeHash, type ViewState } from '../domain/data/url-state';

/** Reads the view the page was opened with. */
export const readUrlView = (): ViewState => decodeHash(location.hash);

let last = '';
let lastWriteMs = -Infinity;

/** While playing, the hash is written at most this often: `replaceState` takes milliseconds. */
const PLAYING_WRITE_INTERVAL_MS = 5000;

/**
 * Writes the view into the hash without adding a history entry; skips unchanged hashes. While
 * playing (`throttle`), writes at most every {@link PLAYING_WRITE_INTERVAL_MS}: at the ~10 frames/s
 * of software WebGL a once-a-second write lands in one frame in ten and shows in the p95 frame
 * cost (`npm run bench`).
 */
export function writeUrlView(v: ViewState, throttle = false): void {
  const now = performance.now();
  if (throttle && now - lastWriteMs < PLAYING_WRITE_INTERVAL_MS) return;
  const hash = encodeHash(v);
  if (hash === last) return;
  last = hash;
  lastWriteMs = now;
  history.replaceState(history.state, '', hash || location.pathname + location.search);
}
