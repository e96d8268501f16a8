import { describe, expect, it } from 'vitest';
import { decodeHash } from '../domain/data/url-state';
import { shareLinks } from './share';

const view = { tMs: Date.UTC(2025, 8, 1, 20, 0, 0), rate: 3600, variant: 'B' };

describe('shareLinks', () => {
  it('shareLinks(page, view) gives a link whose hash reopens the same view', () => {
    const { url } = shareLinks('http://example.test/map/#old=1', view, 'Pyongyang → Beijing');
    expect(url.startsWith('http://example.test/map/#')).toBe(true);
    expect(decodeHash(new URL(url).hash)).toEqual(view);
  });

  it('shareLinks(page, view) gives an embed link with the embed flag and the same view', () => {
    const { embedUrl } = shareLinks('http://example.test/map/', view, 'A trip');
    expect(decodeHash(new URL(embedUrl).hash)).toEqual({ ...view, embed: true });
  });

  it('shareLinks(page, embedded view) gives a full-app link without the embed flag', () => {
    const { url } = shareLinks('http://example.test/', { ...view, embed: true }, 'A trip');
    expect(decodeHash(new URL(url).hash).embed).toBeUndefined();
  });

  it('the iframe snippet carries the embed link and a title with quotes and markup escaped', () => {
    const { iframe, embedUrl } = shareLinks('http://example.test/', view, 'A "quoted" <b>trip</b>');
    expect(iframe).toContain(`src="${embedUrl.replaceAll('&', '&amp;')}"`);
    expect(iframe).toContain('title="Journey Map: A &quot;quoted&quot; &lt;b&gt;trip&lt;/b&gt;"');
    expect(iframe).toMatch(/^<iframe [^<>]*><\/iframe>$/);
  });
});
