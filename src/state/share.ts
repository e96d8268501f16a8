import { encodeHash, type ViewState } from '../domain/data/url-state';

/** What the Share panel offers: the link that reopens this view, and an embed for an article. */
export interface ShareLinks {
  /** Reopens the view (journey, moment, trains, routing, camera, theme) in the full app. */
  url: string;
  /** The same view without the side panel (`#…&embed=1`). */
  embedUrl: string;
  /** An `<iframe>` element to paste into an HTML page. */
  iframe: string;
}

const escapeAttribute = (s: string) =>
  s
    .replaceAll('&', '&amp;')
    .replaceAll('"', '&quot;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;');

/**
 * The share links of `view` on the page at `pageUrl` (its hash is replaced). The iframe is
 * 800×600, borderless, titled for screen readers and loaded lazily.
 */
export function shareLinks(pageUrl: string, view: ViewState, title: string): ShareLinks {
  const base = pageUrl.replace(/#.*$/, '');
  const url = base + encodeHash({ ...view, embed: undefined });
  const embedUrl = base + encodeHash({ ...view, embed: true });
  const iframe =
    `<iframe src="${escapeAttribute(embedUrl)}" title="${escapeAttribute(`Journey Map: ${title}`)}"` +
    ` width="800" height="600" style="border:0" loading="lazy" allowfullscreen></iframe>`;
  return { url, embedUrl, iframe };
}
