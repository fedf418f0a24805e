import { describe, expect, it } from 'vitest';
import { articleIdFor, normaliseUrl } from '../../core/canonical-url.ts';

describe('normaliseUrl', () => {
  it('lower-cases the host and drops the fragment and default port', () => {
    expect(normaliseUrl('HTTPS://Www.HotNews.RO:443/stiri/a-1#comments')).toBe(
      'https://www.hotnews.ro/stiri/a-1',
    );
  });

  it('removes tracking parameters and sorts the rest', () => {
    expect(normaliseUrl('https://oko.press/a?utm_source=fb&b=2&fbclid=XYZ&a=1&gclid=1&utm_campaign=x')).toBe(
      'https://oko.press/a?a=1&b=2',
    );
  });

  it('drops a trailing slash except on the root', () => {
    expect(normaliseUrl('https://example.org/news/')).toBe('https://example.org/news');
    expect(normaliseUrl('https://example.org/')).toBe('https://example.org/');
  });

  it('keeps the path case, which servers may treat as significant', () => {
    expect(normaliseUrl('https://example.org/Stiri/ABC')).toBe('https://example.org/Stiri/ABC');
  });

  it('removes credentials', () => {
    expect(normaliseUrl('https://user:secret@example.org/a')).toBe('https://example.org/a');
  });

  it('refuses what is not an absolute http(s) URL', () => {
    expect(normaliseUrl('/relative/path')).toBeNull();
    expect(normaliseUrl('mailto:someone@example.org')).toBeNull();
    expect(normaliseUrl('javascript:alert(1)')).toBeNull();
    expect(normaliseUrl('')).toBeNull();
  });
});

describe('articleIdFor', () => {
  it('gives one id to every spelling of the same article URL', () => {
    const id = articleIdFor('https://www.digi24.ro/stiri/refugiati-123');
    expect(articleIdFor('http://WWW.digi24.ro/stiri/refugiati-123/?utm_medium=rss#top')).toBe(id);
    expect(id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('gives different ids to different articles', () => {
    expect(articleIdFor('https://example.org/a?id=1')).not.toBe(articleIdFor('https://example.org/a?id=2'));
  });

  it('throws on a URL that cannot identify an article', () => {
    expect(() => articleIdFor('not a url')).toThrow(/not an absolute http\(s\) URL/);
  });
});
