import { decodeHash, encodeHash, type ViewState } from './journey/url-state';

/** Reads the view the page was opened with. */
export const readUrlView = (): ViewState => decodeHash(location.hash);

let last = '';

/** Writes the view into the hash without adding a history entry; skips unchanged hashes. */
export function writeUrlView(v: ViewState): void {
  const hash = encodeHash(v);
  if (hash === last) return;
  last = hash;
  history.replaceState(history.state, '', hash || location.pathname + location.search);
}
