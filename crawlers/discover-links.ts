import type { SourceConfig } from '../config/types.ts';
import { normaliseUrl } from '../core/canonical-url.ts';
import type { CrawlFailure } from './crawl-report.ts';
import { discoverFromFeed } from './discover-feed.ts';
import { discoverFromSitemap } from './discover-sitemap.ts';
import type { DiscoveryContext, DiscoveryMethod } from './discovery.ts';
import type { SourceFetcher } from './source-fetcher.ts';
import type { DiscoveredLink } from './types.ts';

/** Every article link of a source, each once, on its own hosts only. */
export interface SourceDiscovery {
  readonly links: readonly DiscoveredLink[];
  readonly failures: readonly CrawlFailure[];
  readonly skippedOffSite: number;
}

/** The hosts a source's links may point to: those of its home page, feeds and sitemaps. */
export function ownHostsOf(source: SourceConfig): Set<string> {
  const urls = [source.homeUrl, ...source.discovery.feeds, ...source.discovery.sitemaps];
  return new Set(urls.map((url) => new URL(url).host.toLowerCase()));
}

/**
 * Runs the source's discovery methods (feeds, then sitemaps; section pages and
 * site search are later methods of the same shape) and merges their links:
 * one per normalised URL, the first listing's title and date kept.
 */
export async function discoverLinks(source: SourceConfig, fetcher: SourceFetcher): Promise<SourceDiscovery> {
  const context: DiscoveryContext = {
    sourceId: source.id,
    fetchListing: (url, accept) => fetcher.fetch(url, accept),
  };
  const plan: (readonly [DiscoveryMethod, string])[] = [
    ...source.discovery.feeds.map((url) => [discoverFromFeed, url] as const),
    ...source.discovery.sitemaps.map((url) => [discoverFromSitemap, url] as const),
  ];
  const ownHosts = ownHostsOf(source);
  const byUrl = new Map<string, DiscoveredLink>();
  const failures: CrawlFailure[] = [];
  let skippedOffSite = 0;
  for (const [method, url] of plan) {
    const result = await method(url, context);
    failures.push(...result.failures);
    for (const link of result.links) {
      const key = normaliseUrl(link.url);
      if (key === null || byUrl.has(key)) continue;
      if (!ownHosts.has(new URL(link.url).host.toLowerCase())) skippedOffSite += 1;
      else byUrl.set(key, link);
    }
  }
  return { links: [...byUrl.values()], failures, skippedOffSite };
}
