import { parseFeed } from 'feedsmith';
import { blockedListingError } from './block-page.ts';
import { failureOf } from './crawl-report.ts';
import { decodeBody } from './decode-body.ts';
import {
  type DiscoveryContext,
  type DiscoveryResult,
  dedupeLinks,
  makeLink,
  resolveLink,
  toIsoDate,
} from './discovery.ts';
import { FetchError, HttpStatusError } from './errors.ts';
import type { DiscoveredLink } from './types.ts';

const FEED_ACCEPT =
  'application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5';

/** A feed read into links, or why it could not be read. */
export type FeedParse =
  | { readonly ok: true; readonly format: 'rss' | 'atom' | 'rdf' | 'json'; readonly links: DiscoveredLink[] }
  | { readonly ok: false; readonly reason: 'unparseable'; readonly message: string };

interface RawItem {
  readonly href: unknown;
  readonly title: unknown;
  readonly date: unknown;
}

/**
 * Reads an RSS 2.0, Atom, RDF (RSS 1.0) or JSON Feed document into article
 * links, whatever content type it was served with. Relative links are resolved
 * against the feed URL, unreadable dates are left out, repeated items kept once.
 */
export function parseFeedLinks(text: string, feedUrl: string, sourceId: string): FeedParse {
  let parsed: ReturnType<typeof parseFeed>;
  try {
    parsed = parseFeed(text.replace(/^\uFEFF/, '').trimStart());
  } catch (error) {
    const message = `feed ${feedUrl} is not RSS, Atom, RDF or JSON Feed: ${error instanceof Error ? error.message : String(error)}`;
    return { ok: false, reason: 'unparseable', message };
  }
  const links = rawItems(parsed).flatMap((item): DiscoveredLink[] => {
    const url = resolveLink(item.href, feedUrl);
    if (url === undefined) return [];
    const title = typeof item.title === 'string' ? item.title : undefined;
    return [makeLink({ url, sourceId, via: 'feed', title, publishedAt: toIsoDate(item.date) })];
  });
  return { ok: true, format: parsed.format, links: dedupeLinks(links) };
}

function rawItems(parsed: ReturnType<typeof parseFeed>): RawItem[] {
  switch (parsed.format) {
    case 'rss':
      return (parsed.feed.items ?? []).map((item) => ({
        href: item.link ?? (item.guid?.isPermaLink === false ? undefined : item.guid?.value),
        title: item.title,
        date: item.pubDate ?? item.dc?.dates?.[0] ?? item.atom?.published,
      }));
    case 'atom':
      return (parsed.feed.entries ?? []).map((entry) => ({
        href: (entry.links ?? []).find((link) => link.rel === undefined || link.rel === 'alternate')?.href,
        title: textOf(entry.title),
        date: entry.published ?? entry.updated,
      }));
    case 'rdf':
      return (parsed.feed.items ?? []).map((item) => ({
        href: item.link ?? item.rdf?.about,
        title: item.title,
        date: item.dc?.dates?.[0],
      }));
    case 'json':
      return (parsed.feed.items ?? []).map((item) => ({
        href: item.url ?? item.external_url,
        title: item.title,
        date: item.date_published ?? item.date_modified,
      }));
  }
}

function textOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null && 'value' in value ? value.value : value;
}

/**
 * Discovery method for one feed URL: fetch (conditionally, when the listing
 * cache has its validators), decode, parse. A 304 answer yields the links the
 * feed had last time.
 */
export async function discoverFromFeed(feedUrl: string, context: DiscoveryContext): Promise<DiscoveryResult> {
  const cache = context.listingCache;
  try {
    const answer = await context.fetchListing(feedUrl, FEED_ACCEPT, cache?.validatorsFor(feedUrl));
    const cached = cache?.get(feedUrl);
    if (answer.status === 304 && cached !== undefined)
      return { links: cached.links, failures: [], listingsFetched: 1, notModified: 1 };
    const text = decodeBody(answer.body, answer.headers['content-type']).text;
    if (answer.status >= 400 || answer.status === 304)
      throw (
        blockedListingError(feedUrl, answer, text, context.sourceId) ??
        new HttpStatusError(feedUrl, answer.status, { sourceId: context.sourceId })
      );
    const parsed = parseFeedLinks(text, answer.finalUrl, context.sourceId);
    if (!parsed.ok) {
      // A challenge or "access denied" page served with 200 where the feed should be.
      const blocked = blockedListingError(feedUrl, answer, text, context.sourceId, 'unreadable-listing');
      const failure =
        blocked === undefined
          ? { url: feedUrl, reason: parsed.reason, message: parsed.message }
          : failureOf(feedUrl, blocked);
      return { links: [], failures: [failure], listingsFetched: 1 };
    }
    cache?.set(feedUrl, answer.headers, { links: parsed.links });
    return { links: parsed.links, failures: [], listingsFetched: 1 };
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    return { links: [], failures: [failureOf(feedUrl, error)] };
  }
}
