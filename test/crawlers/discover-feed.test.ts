import { describe, expect, it } from 'vitest';
import { parseFeedLinks } from '../../crawlers/discover-feed.ts';

const FEED_URL = 'https://news.example.ro/rss/main.xml';

describe('parseFeedLinks', () => {
  it('reads an RSS 2.0 feed, resolving relative links against the feed URL and keeping duplicates once', () => {
    const rss = `\uFEFF<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Știri</title>
  <item><title>Refugiați din Ucraina</title><link>/social/refugiati-1</link><pubDate>Tue, 10 Jun 2025 07:30:00 +0300</pubDate></item>
  <item><title>Refugiați din Ucraina</title><link>https://news.example.ro/social/refugiati-1</link></item>
  <item><title>Fără dată</title><link>https://news.example.ro/a/2</link><pubDate>ieri</pubDate></item>
  <item><title>Doar guid</title><guid>https://news.example.ro/a/3</guid></item>
</channel></rss>`;
    const parsed = parseFeedLinks(rss, FEED_URL, 'example');
    expect(parsed).toEqual({
      ok: true,
      format: 'rss',
      links: [
        {
          url: 'https://news.example.ro/social/refugiati-1',
          sourceId: 'example',
          via: 'feed',
          title: 'Refugiați din Ucraina',
          publishedAt: '2025-06-10T04:30:00.000Z',
        },
        { url: 'https://news.example.ro/a/2', sourceId: 'example', via: 'feed', title: 'Fără dată' },
        { url: 'https://news.example.ro/a/3', sourceId: 'example', via: 'feed', title: 'Doar guid' },
      ],
    });
  });

  it('reads an Atom feed: alternate links, published else updated', () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wiadomości</title><id>urn:x</id><updated>2025-06-01T00:00:00Z</updated>
  <entry><title type="text">Uchodźcy w Polsce</title><id>urn:1</id>
    <link rel="self" href="/api/1"/><link rel="alternate" href="kraj/uchodzcy"/>
    <published>2025-06-01T12:00:00+02:00</published><updated>2025-06-02T00:00:00Z</updated></entry>
  <entry><title>Bez publikacji</title><id>urn:2</id><link href="https://news.example.ro/kraj/2"/><updated>2025-06-03T08:00:00Z</updated></entry>
</feed>`;
    const parsed = parseFeedLinks(atom, FEED_URL, 'example');
    expect(parsed.ok && parsed.format).toBe('atom');
    expect(parsed.ok && parsed.links).toEqual([
      {
        url: 'https://news.example.ro/rss/kraj/uchodzcy',
        sourceId: 'example',
        via: 'feed',
        title: 'Uchodźcy w Polsce',
        publishedAt: '2025-06-01T10:00:00.000Z',
      },
      {
        url: 'https://news.example.ro/kraj/2',
        sourceId: 'example',
        via: 'feed',
        title: 'Bez publikacji',
        publishedAt: '2025-06-03T08:00:00.000Z',
      },
    ]);
  });

  it('reads RDF (RSS 1.0) and JSON Feed documents', () => {
    const rdf = `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel rdf:about="https://news.example.ro/"><title>r</title><link>https://news.example.ro/</link></channel>
<item rdf:about="https://news.example.ro/r/1"><title>Беженцы</title><link>https://news.example.ro/r/1</link><dc:date>2025-06-04T09:00:00Z</dc:date></item></rdf:RDF>`;
    const json = JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'j',
      items: [{ id: '1', url: '/j/1', title: 'Біженці', date_published: '2025-06-05T00:00:00Z' }],
    });
    expect(parseFeedLinks(rdf, FEED_URL, 's')).toMatchObject({
      ok: true,
      format: 'rdf',
      links: [
        { url: 'https://news.example.ro/r/1', title: 'Беженцы', publishedAt: '2025-06-04T09:00:00.000Z' },
      ],
    });
    expect(parseFeedLinks(json, FEED_URL, 's')).toMatchObject({
      ok: true,
      format: 'json',
      links: [
        { url: 'https://news.example.ro/j/1', title: 'Біженці', publishedAt: '2025-06-05T00:00:00.000Z' },
      ],
    });
  });

  it('says a document that is no feed is unparseable instead of throwing', () => {
    const parsed = parseFeedLinks('<html><body>Not a feed</body></html>', FEED_URL, 's');
    expect(parsed).toMatchObject({ ok: false, reason: 'unparseable' });
    expect(!parsed.ok && parsed.message).toContain(FEED_URL);
  });
});
