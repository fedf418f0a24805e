/** How a URL was found; carries what the listing already told us about it. */
export interface DiscoveredLink {
  readonly url: string;
  readonly sourceId: string;
  readonly via: 'feed' | 'sitemap' | 'section' | 'site-search' | 'browser-section';
  /** Title and date announced by a feed or news sitemap, if any. */
  readonly title?: string;
  readonly publishedAt?: string;
}

/**
 * A page as fetched from the web, decoded to text: the value that crosses from
 * crawlers/ to pipeline/. A saved FetchedPage is a test fixture.
 */
export interface FetchedPage {
  readonly sourceId: string;
  /** The URL that was asked for. */
  readonly url: string;
  /** The URL that answered, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Response headers, names lower-cased. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body decoded to a string (charset from header, meta or BOM). */
  readonly html: string;
  /** ISO-8601 UTC time of the fetch. */
  readonly fetchedAt: string;
  readonly discovery?: DiscoveredLink;
}
