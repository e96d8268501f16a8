import { decodeHash, encodeHash, type ViewState } from './journey/url-state';

/** Reads the view the page was opened with. */
export const readUrlView = (): ViewState => decodeHash(location.hash);

let last = '';
let lastWriteMs = -Infinity;

/**
 * Writes the view into the hash without adding a history entry; skips unchanged hashes. While
 * playing (`throttle`), writes at most once a second: `replaceState` is slow enough to show in a
 * frame.
 */
export function writeUrlView(v: ViewState, throttle = false): void {
  const now = performance.now();
  if (throttle && now - lastWriteMs < 1000) return;
  const hash = encodeHash(v);
  if (hash === last) return;
  last = hash;
  lastWriteMs = now;
  history.replaceState(history.state, '', hash || location.pathname + location.search);
}
