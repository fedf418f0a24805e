import type { CrawlFailure } from './crawl-report.ts';
import type { FetchedBytes } from './http-fetch.ts';
import type { ListingCache } from './listing-cache.ts';
import type { DiscoveredLink } from './types.ts';

/**
 * What a discovery method may use: a polite, guarded, robots-aware fetch of a
 * listing document (feed, sitemap, section page), retried after a 429 or 5xx.
 * `fetchListing` throws a FetchError (robots, timeout, …) when there is no
 * answer; it returns answers of any status.
 */
export interface DiscoveryContext {
  readonly sourceId: string;
  fetchListing(
    url: string,
    accept: string,
    headers?: Readonly<Record<string, string>>,
  ): Promise<FetchedBytes>;
  /** Feeds and sitemaps as last read, for conditional GET; none: every listing is fetched in full. */
  readonly listingCache?: ListingCache;
}

/** The links one discovery method found, and the listings it could not read. */
export interface DiscoveryResult {
  readonly links: readonly DiscoveredLink[];
  readonly failures: readonly CrawlFailure[];
  /** Listings fetched (each page of a section, each search, each feed or sitemap). */
  readonly listingsFetched?: number;
  /** Listings that answered 304 Not Modified; their links came from the listing cache. */
  readonly notModified?: number;
}

/** One way of finding article URLs from one listing URL (feeds, sitemaps). */
export type DiscoveryMethod = (url: string, context: DiscoveryContext) => Promise<DiscoveryResult>;

/** An ISO-8601 UTC date from a feed or sitemap date, or undefined when it is missing or unreadable. */
export function toIsoDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const time = Date.parse(value.trim());
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** Resolves a link against the listing's URL; undefined when it is not an http(s) URL. */
export function resolveLink(href: unknown, baseUrl: string): string | undefined {
  if (typeof href !== 'string' || href.trim() === '') return undefined;
  try {
    const url = new URL(href.trim(), baseUrl);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the first link of each URL (compared without fragment). */
export function dedupeLinks(links: readonly DiscoveredLink[]): DiscoveredLink[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    const key = link.url.replace(/#.*$/, '');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A DiscoveredLink without undefined optional fields (exactOptionalPropertyTypes). */
export function makeLink(
  fields: Omit<DiscoveredLink, 'title' | 'publishedAt'> & {
    title?: string | undefined;
    publishedAt?: string | undefined;
  },
): DiscoveredLink {
  const title = fields.title?.trim();
  return {
    url: fields.url,
    sourceId: fields.sourceId,
    via: fields.via,
    ...(title ? { title } : {}),
    ...(fields.publishedAt === undefined ? {} : { publishedAt: fields.publishedAt }),
  };
}
