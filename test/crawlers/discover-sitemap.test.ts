import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { parseSitemap, sitemapText } from '../../crawlers/discover-sitemap.ts';

const BASE = 'https://news.example.pl/sitemap.xml';

describe('parseSitemap', () => {
  it('reads a Google News sitemap: title and publication date from news:*, lastmod otherwise', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
  <url><loc>https://news.example.pl/kraj/uchodzcy-1</loc>
    <news:news><news:publication><news:name>Ex</news:name><news:language>pl</news:language></news:publication>
      <news:publication_date>2025-06-01T08:00:00+02:00</news:publication_date><news:title>Uchodźcy na granicy</news:title></news:news></url>
  <url><loc>/kraj/2</loc><lastmod>2025-06-02</lastmod></url>
  <url><loc>https://news.example.pl/kraj/2</loc></url>
</urlset>`;
    expect(parseSitemap(xml, BASE, 'ex')).toEqual({
      ok: true,
      kind: 'urlset',
      sitemaps: [],
      links: [
        {
          url: 'https://news.example.pl/kraj/uchodzcy-1',
          sourceId: 'ex',
          via: 'sitemap',
          title: 'Uchodźcy na granicy',
          publishedAt: '2025-06-01T06:00:00.000Z',
        },
        {
          url: 'https://news.example.pl/kraj/2',
          sourceId: 'ex',
          via: 'sitemap',
          publishedAt: '2025-06-02T00:00:00.000Z',
        },
      ],
    });
  });

  it('reads a sitemap index into child sitemaps', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://news.example.pl/sitemap-news.xml</loc></sitemap><sitemap><loc>/sitemap-2025-06.xml.gz</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, BASE, 'ex')).toEqual({
      ok: true,
      kind: 'sitemapindex',
      links: [],
      sitemaps: [
        'https://news.example.pl/sitemap-news.xml',
        'https://news.example.pl/sitemap-2025-06.xml.gz',
      ],
    });
  });

  it('says an HTML page is not a sitemap', () => {
    expect(parseSitemap('<html><body>hi</body></html>', BASE, 'ex')).toMatchObject({
      ok: false,
      reason: 'unparseable',
    });
  });

  it('gunzips a gzipped body whatever its content type', () => {
    const xml = '<urlset><url><loc>https://news.example.pl/a</loc></url></urlset>';
    expect(sitemapText(gzipSync(Buffer.from(xml)), 'application/octet-stream')).toBe(xml);
  });
});
