/**
 * crawlers/: discover article URLs of a source and fetch them politely into
 * FetchedPage values (and the raw archive).
 */

export { type BlockCheck, type BlockContext, checkBlockPage } from './block-page.ts';
export {
  type ChromiumRendererOptions,
  createChromiumRenderer,
  type ListingRenderer,
  type RenderedListing,
} from './browser-renderer.ts';
export type { CrawlProgress, ProgressListener } from './crawl-progress.ts';
export type { CrawlFailure, SourceCrawlReport } from './crawl-report.ts';
export {
  CRAWL_DEFAULTS,
  type CrawlLimits,
  type CrawlSourceOptions,
  crawlSource,
  type PageOutcome,
} from './crawl-source.ts';
export { crawleeStorageDir } from './crawl-storage.ts';
export { type CharsetSource, type DecodedBody, decodeBody } from './decode-body.ts';
export { discoverFromFeed, type FeedParse, parseFeedLinks } from './discover-feed.ts';
export { discoverFromSitemap, parseSitemap, type SitemapParse } from './discover-sitemap.ts';
export type { DiscoveryContext, DiscoveryMethod, DiscoveryResult } from './discovery.ts';
export {
  BlockedPageError,
  type CrawlFailureReason,
  FetchError,
  HttpStatusError,
  RefusedAddressError,
  ResponseTooLargeError,
} from './errors.ts';
export { checkHost, isPrivateHostAllowed, nonPublicRange } from './host-guard.ts';
export { type FetchedBytes, type FetchOptions, fetchBytes } from './http-fetch.ts';
export {
  decideFetch,
  type FetchDecision,
  type KnownArticle,
  type KnownArticlesLookup,
} from './known-articles.ts';
export {
  type ArchivedPageMeta,
  type ArchiveEntry,
  archivePage,
  contentHashOf,
  listArchivedPages,
  readArchivedPage,
} from './raw-archive.ts';
export { parseRobotsTxt, type RobotsTxt } from './robots-txt.ts';
export { type HealthFlag, judgeSourceHealth, type PastVolume, type SourceHealth } from './source-health.ts';
export type { DiscoveredLink, FetchedPage } from './types.ts';
export { UrlAliases } from './url-aliases.ts';
