import type { PerLanguage, SectionDiscovery, SourceConfig, TermPattern } from '../config/types.ts';
import { normaliseUrl } from '../core/canonical-url.ts';
import { blockedListingError } from './block-page.ts';
import type { ListingRenderer } from './browser-renderer.ts';
import type { CrawlFailure } from './crawl-report.ts';
import { discoverFromFeed } from './discover-feed.ts';
import { discoverFromSection, filterListingLinks, walkListingPages } from './discover-section.ts';
import { discoverFromSiteSearch } from './discover-site-search.ts';
import { discoverFromSitemap } from './discover-sitemap.ts';
import type { DiscoveryContext, DiscoveryResult } from './discovery.ts';
import { HttpStatusError } from './errors.ts';
import { assertHostAllowed } from './host-guard.ts';
import type { ListingCache } from './listing-cache.ts';
import type { ListingRetry, SourceFetcher } from './source-fetcher.ts';
import type { DiscoveredLink } from './types.ts';

/** Every article link of a source, each once, on its own hosts only. */
export interface SourceDiscovery {
  readonly links: readonly DiscoveredLink[];
  readonly failures: readonly CrawlFailure[];
  readonly skippedOffSite: number;
  /** Listing documents fetched: feeds, sitemaps, section pages (HTML or rendered), searches. */
  readonly listingsFetched: number;
  /** Feeds and sitemaps that answered 304 Not Modified. */
  readonly notModified: number;
}

/** What discovery needs beyond the source and its fetcher. */
export interface DiscoverOptions {
  readonly listingCache?: ListingCache;
  /** Renders the sections of a `browser: true` source; without it they are read as plain HTML. */
  readonly renderer?: ListingRenderer;
  /** The terms of each topic, per language, for site search. */
  readonly topicTerms: readonly PerLanguage<readonly TermPattern[]>[];
  readonly retry: ListingRetry;
  readonly allowPrivateHosts: readonly string[];
}

/** The hosts a source's links may point to: those of its home page and of every listing it names. */
export function ownHostsOf(source: SourceConfig): Set<string> {
  const { feeds, sitemaps, sections, siteSearch } = source.discovery;
  const urls = [
    source.homeUrl,
    ...feeds,
    ...sitemaps,
    ...sections.map((section) => section.url),
    ...siteSearch.map((search) => search.urlTemplate.replaceAll('{query}', 'q')),
  ];
  return new Set(urls.map((url) => new URL(url).host.toLowerCase()));
}

/**
 * Runs the source's discovery methods (feeds, sitemaps, section pages, site
 * search) and merges their links: one per normalised URL, the first listing's
 * title and date kept (feeds and sitemaps come first, as they carry them).
 * Sections of a `browser: true` source are rendered in the browser.
 */
export async function discoverLinks(
  source: SourceConfig,
  fetcher: SourceFetcher,
  options: DiscoverOptions,
): Promise<SourceDiscovery> {
  const context: DiscoveryContext = {
    sourceId: source.id,
    fetchListing: (url, accept, headers) =>
      fetcher.fetchListing(url, { accept, ...(headers === undefined ? {} : { headers }) }, options.retry),
    ...(options.listingCache === undefined ? {} : { listingCache: options.listingCache }),
  };
  const { feeds, sitemaps, sections, siteSearch } = source.discovery;
  const { renderer } = options;
  const plan: (() => Promise<DiscoveryResult>)[] = [
    ...feeds.map((url) => () => discoverFromFeed(url, context)),
    ...sitemaps.map((url) => () => discoverFromSitemap(url, context)),
    ...sections.map((section) =>
      source.browser && renderer !== undefined
        ? () => discoverRenderedSection(section, { source, fetcher, renderer, options })
        : () => discoverFromSection(section, context),
    ),
    ...siteSearch.map((search) => () => discoverFromSiteSearch(search, options.topicTerms, context)),
  ];
  const ownHosts = ownHostsOf(source);
  const byUrl = new Map<string, DiscoveredLink>();
  const failures: CrawlFailure[] = [];
  let skippedOffSite = 0;
  let listingsFetched = 0;
  let notModified = 0;
  for (const method of plan) {
    const result = await method();
    failures.push(...result.failures.map((failure) => ({ ...failure, isListing: true })));
    listingsFetched += result.listingsFetched ?? 0;
    notModified += result.notModified ?? 0;
    for (const link of result.links) {
      const key = normaliseUrl(link.url);
      if (key === null || byUrl.has(key)) continue;
      if (!ownHosts.has(new URL(link.url).host.toLowerCase())) skippedOffSite += 1;
      else byUrl.set(key, link);
    }
  }
  await options.listingCache?.save();
  return { links: [...byUrl.values()], failures, skippedOffSite, listingsFetched, notModified };
}

interface RenderContext {
  readonly source: SourceConfig;
  readonly fetcher: SourceFetcher;
  readonly renderer: ListingRenderer;
  readonly options: DiscoverOptions;
}

/**
 * A section rendered in the browser (its links may be inserted by scripts),
 * pagination followed as for HTML sections. The page itself and each request
 * it makes are checked against robots.txt and the private-address guard.
 */
async function discoverRenderedSection(
  section: SectionDiscovery,
  { source, fetcher, renderer, options }: RenderContext,
): Promise<DiscoveryResult> {
  const pattern = new RegExp(section.linkPattern);
  return walkListingPages(section, source.id, 'browser-section', async (url) => {
    await fetcher.assertAllowed(url);
    await assertHostAllowed(new URL(url), options.allowPrivateHosts);
    const rendered = await fetcher.withHostSlot(url, () =>
      renderer.render(url, (request) => fetcher.isAllowed(request), section.nextPageSelector),
    );
    const blocked = blockedListingError(url, rendered, rendered.html, source.id);
    if (blocked !== undefined) throw blocked;
    if (rendered.status >= 400) throw new HttpStatusError(url, rendered.status, { sourceId: source.id });
    const links = filterListingLinks(rendered.hrefs, rendered.finalUrl, pattern);
    return rendered.nextPageUrl === undefined ? { links } : { links, nextPageUrl: rendered.nextPageUrl };
  });
}
