/** Builders of the XML documents the outlets serve: RSS 2.0, Atom, sitemaps. */

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

export interface FeedItem {
  readonly title: string;
  /** As it goes into the feed: absolute, or relative on purpose. */
  readonly link: string;
  /** Raw date text as it goes into the feed (RFC 822 for RSS, RFC 3339 for Atom), possibly invalid on purpose. */
  readonly date: string;
  readonly summary: string;
}

export interface FeedChannel {
  readonly title: string;
  readonly link: string;
  readonly selfUrl: string;
  readonly description: string;
  readonly language: string;
  readonly updated: string;
}

/** RFC 822 date of an ISO time, as RSS 2.0 wants it. */
export function rfc822(iso: string): string {
  return new Date(iso).toUTCString().replace('GMT', '+0000');
}

/** An RSS 2.0 document. */
export function renderRss(channel: FeedChannel, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) => `    <item>
      <title>${escapeXml(item.title)}</title>
      <link>${escapeXml(item.link)}</link>
      <guid isPermaLink="true">${escapeXml(item.link)}</guid>
      <pubDate>${escapeXml(item.date)}</pubDate>
      <description>${escapeXml(item.summary)}</description>
    </item>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>${escapeXml(channel.title)}</title>
    <link>${escapeXml(channel.link)}</link>
    <atom:link href="${escapeXml(channel.selfUrl)}" rel="self" type="application/rss+xml"/>
    <description>${escapeXml(channel.description)}</description>
    <language>${channel.language}</language>
    <lastBuildDate>${rfc822(channel.updated)}</lastBuildDate>
${entries.join('\n')}
  </channel>
</rss>
`;
}

/** An Atom 1.0 document. */
export function renderAtom(channel: FeedChannel, items: readonly FeedItem[]): string {
  const entries = items.map(
    (item) => `  <entry>
    <title>${escapeXml(item.title)}</title>
    <link rel="alternate" type="text/html" href="${escapeXml(item.link)}"/>
    <id>${escapeXml(item.link)}</id>
    <published>${escapeXml(item.date)}</published>
    <updated>${escapeXml(item.date)}</updated>
    <summary>${escapeXml(item.summary)}</summary>
  </entry>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${channel.language}">
  <title>${escapeXml(channel.title)}</title>
  <subtitle>${escapeXml(channel.description)}</subtitle>
  <link rel="alternate" type="text/html" href="${escapeXml(channel.link)}"/>
  <link rel="self" type="application/atom+xml" href="${escapeXml(channel.selfUrl)}"/>
  <id>${escapeXml(channel.selfUrl)}</id>
  <updated>${channel.updated}</updated>
${entries.join('\n')}
</feed>
`;
}

export interface SitemapEntry {
  readonly loc: string;
  readonly lastmod: string;
}

/** A plain `<urlset>` sitemap. */
export function renderSitemap(entries: readonly SitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(entry.loc)}</loc>
    <lastmod>${entry.lastmod}</lastmod>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}

export interface NewsSitemapEntry {
  readonly loc: string;
  readonly title: string;
  readonly publishedAt: string;
  readonly publicationName: string;
  readonly language: string;
}

/** A Google News sitemap (`news:publication_date`, `news:title`). */
export function renderNewsSitemap(entries: readonly NewsSitemapEntry[]): string {
  const urls = entries.map(
    (entry) => `  <url>
    <loc>${escapeXml(entry.loc)}</loc>
    <news:news>
      <news:publication>
        <news:name>${escapeXml(entry.publicationName)}</news:name>
        <news:language>${entry.language}</news:language>
      </news:publication>
      <news:publication_date>${entry.publishedAt}</news:publication_date>
      <news:title>${escapeXml(entry.title)}</news:title>
    </news:news>
  </url>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
${urls.join('\n')}
</urlset>
`;
}

/** A sitemap index pointing at child sitemaps. */
export function renderSitemapIndex(entries: readonly SitemapEntry[]): string {
  const maps = entries.map(
    (entry) => `  <sitemap>
    <loc>${escapeXml(entry.loc)}</loc>
    <lastmod>${entry.lastmod}</lastmod>
  </sitemap>`,
  );
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${maps.join('\n')}
</sitemapindex>
`;
}
