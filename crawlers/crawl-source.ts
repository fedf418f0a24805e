import { setTimeout as sleep } from 'node:timers/promises';
import { BasicCrawler, type Request, type RequestQueue } from 'crawlee';
import type { Settings } from '../config/settings.ts';
import type { SourceConfig } from '../config/types.ts';
import { articleIdFor, normaliseUrl } from '../core/canonical-url.ts';
import type { Logger } from '../core/logger.ts';
import { ReportBuilder, type SourceCrawlReport } from './crawl-report.ts';
import { crawleeConfigFor, crawleeLogFor, openSourceQueue } from './crawl-storage.ts';
import { decodeBody } from './decode-body.ts';
import { discoverLinks } from './discover-links.ts';
import { FetchError, HttpStatusError } from './errors.ts';
import { archivePage } from './raw-archive.ts';
import { SourceFetcher } from './source-fetcher.ts';
import type { DiscoveredLink, FetchedPage } from './types.ts';

/** Limits of one source's crawl. */
export interface CrawlLimits {
  readonly fetchTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxRequestRetries: number;
  readonly retryBackoffMs: number;
  readonly maxPages: number;
}

/** Limits a crawl applies unless told otherwise. */
export const CRAWL_DEFAULTS: CrawlLimits = {
  /** Whole exchange of one GET, redirects and body included. */
  fetchTimeoutMs: 30_000,
  /** Cap on a decompressed body: 10 MiB. */
  maxBytes: 10 * 1024 * 1024,
  /** Retries of a 5xx, 429, timeout or network failure. */
  maxRequestRetries: 2,
  /** First retry waits this long, the next twice as long. */
  retryBackoffMs: 2_000,
  /** Pages fetched per source and run when `maxPages` is not given. */
  maxPages: 1_000,
};

export interface CrawlSourceOptions {
  readonly source: SourceConfig;
  readonly settings: Settings;
  readonly logger: Logger;
  /** Whether an article id (articleIdFor of its URL) is already indexed; such links are not fetched. */
  readonly isKnown: (canonicalId: string) => Promise<boolean> | boolean;
  /** Receives each fetched page, after it is in the raw archive. A throw is recorded as a `page-handler` failure. */
  readonly onPage: (page: FetchedPage) => Promise<void>;
  /** Pages to fetch at most in this run; default 1000. */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Overrides of CRAWL_DEFAULTS (tests use short backoffs). */
  readonly limits?: Partial<CrawlLimits>;
}

interface RequestData {
  readonly discovery: DiscoveredLink;
}

/**
 * Crawls one source: discovers article links (feeds, sitemaps), skips the
 * known ones, fetches the rest politely through crawlee's persistent request
 * queue, archives each page and hands it to `onPage`. Never throws: a source
 * that fails entirely comes back as a report with the failure.
 */
export async function crawlSource(options: CrawlSourceOptions): Promise<SourceCrawlReport> {
  const { source, settings, signal } = options;
  const limits = { ...CRAWL_DEFAULTS, ...options.limits };
  const logger = options.logger.child({ stage: 'crawl', sourceId: source.id });
  const report = new ReportBuilder(source.id);
  const fetcher = new SourceFetcher({
    userAgent: settings.userAgent,
    allowPrivateHosts: settings.allowPrivateHosts,
    timeoutMs: limits.fetchTimeoutMs,
    maxBytes: limits.maxBytes,
    delayMs: source.rateLimit.delayMs,
    ...(signal === undefined ? {} : { signal }),
  });
  try {
    const discoveryStart = Date.now();
    const discovery = await discoverLinks(source, fetcher);
    report.discoveryMs = Date.now() - discoveryStart;
    for (const failure of discovery.failures) report.fail(failure);
    report.discovered = discovery.links.length;
    report.skippedOffSite = discovery.skippedOffSite;
    const fresh = await dropKnown(discovery.links, options.isKnown, report);
    if (signal?.aborted) {
      report.aborted = true;
      return report.build();
    }
    const fetchStart = Date.now();
    await fetchPages(fresh, options, { fetcher, report, logger, limits });
    report.fetchMs = Date.now() - fetchStart;
    report.aborted = signal?.aborted ?? false;
  } catch (error) {
    logger.error({ err: error }, 'source crawl failed');
    report.fail({
      url: source.homeUrl,
      reason: error instanceof FetchError ? error.reason : 'network',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const built = report.build();
  logger.info({ report: { ...built, failures: undefined } }, 'source crawled');
  return built;
}

async function dropKnown(
  links: readonly DiscoveredLink[],
  isKnown: CrawlSourceOptions['isKnown'],
  report: ReportBuilder,
): Promise<DiscoveredLink[]> {
  const fresh: DiscoveredLink[] = [];
  for (const link of links) {
    if (await isKnown(articleIdFor(link.url))) report.skippedKnown += 1;
    else fresh.push(link);
  }
  return fresh;
}

interface FetchContext {
  readonly fetcher: SourceFetcher;
  readonly report: ReportBuilder;
  readonly logger: Logger;
  readonly limits: CrawlLimits;
}

async function fetchPages(
  links: readonly DiscoveredLink[],
  options: CrawlSourceOptions,
  context: FetchContext,
): Promise<void> {
  const { source, settings, signal } = options;
  const { report, logger, limits } = context;
  const config = crawleeConfigFor(settings.dataDir, source.id);
  const requestQueue = await openSourceQueue(source.id, config);
  const maxPages = options.maxPages ?? limits.maxPages;
  // One unique key per URL and UTC day: a run resumed the same day does not fetch a page twice,
  // and a page that failed is tried again the next day.
  const day = new Date().toISOString().slice(0, 10);
  const added = await requestQueue.addRequests(
    links.slice(0, maxPages).map((link) => ({
      url: link.url,
      uniqueKey: `${normaliseUrl(link.url) ?? link.url} ${day}`,
      userData: { discovery: link } satisfies RequestData,
    })),
  );
  report.skippedKnown += added.processedRequests.filter((entry) => entry.wasAlreadyHandled).length;

  const crawler = new BasicCrawler(
    {
      requestQueue,
      maxConcurrency: Math.max(1, source.rateLimit.maxConcurrency),
      maxRequestRetries: limits.maxRequestRetries,
      maxRequestsPerCrawl: maxPages,
      // fetch timeout + waiting for this host's slot + archive and onPage
      requestHandlerTimeoutSecs:
        Math.ceil(
          (limits.fetchTimeoutMs + source.rateLimit.delayMs * Math.max(1, source.rateLimit.maxConcurrency)) /
            1000,
        ) + 60,
      // robots.txt is read by SourceFetcher with our User-Agent and the private-address guard.
      respectRobotsTxtFile: false,
      useSessionPool: false,
      log: crawleeLogFor(logger),
      statisticsOptions: { logIntervalSecs: 3600, saveErrorSnapshots: false },
      requestHandler: async ({ request }) => {
        await handlePage(request, options, context);
      },
      errorHandler: async ({ request }, error) => {
        if (!(error instanceof FetchError) || !error.isRetryable) {
          request.noRetry = true;
          return;
        }
        const waitMs = limits.retryBackoffMs * 2 ** request.retryCount;
        logger.debug({ url: request.url, waitMs, err: error }, 'retrying page');
        await sleep(waitMs, undefined, signal === undefined ? {} : { signal }).catch(() => undefined);
      },
      failedRequestHandler: async ({ request }, error) => {
        if (signal?.aborted) return; // stopped by the caller, not a failure of the page
        logger.warn({ url: request.url, err: error }, 'page failed');
        report.fail({
          url: request.url,
          reason: error instanceof FetchError ? error.reason : 'network',
          message: error.message,
        });
      },
    },
    config,
  );
  const onAbort = (): void => void crawler.stop();
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    await crawler.run();
  } finally {
    signal?.removeEventListener('abort', onAbort);
    if (signal?.aborted) await releaseQueueLocks(requestQueue);
  }
}

/**
 * A stopped crawler leaves the requests it had already taken from the queue
 * locked for minutes; release them so that the next run resumes them at once.
 * crawlee does this itself only on its `aborting`/`migrating` events, through
 * a method it does not document, hence the guarded call.
 */
async function releaseQueueLocks(queue: RequestQueue): Promise<void> {
  const release = (queue as unknown as { _clearPossibleLocks?: () => Promise<void> })._clearPossibleLocks;
  await release?.call(queue);
}

async function handlePage(
  request: Request,
  options: CrawlSourceOptions,
  context: FetchContext,
): Promise<void> {
  const { source, settings } = options;
  const answer = await context.fetcher.fetch(request.url);
  if (answer.status >= 400) throw new HttpStatusError(request.url, answer.status, { sourceId: source.id });
  const decoded = decodeBody(answer.body, answer.headers['content-type']);
  const discovery = (request.userData as Partial<RequestData>).discovery;
  const page: FetchedPage = {
    sourceId: source.id,
    url: request.url,
    finalUrl: answer.finalUrl,
    status: answer.status,
    headers: answer.headers,
    html: decoded.text,
    fetchedAt: new Date().toISOString(),
    ...(discovery === undefined ? {} : { discovery }),
  };
  await archivePage(settings.dataDir, page, { charset: decoded.charset });
  context.report.fetched += 1;
  context.logger.debug({ url: request.url, status: answer.status, charset: decoded.charset }, 'page fetched');
  try {
    await options.onPage(page);
  } catch (error) {
    context.report.fail({
      url: request.url,
      reason: 'page-handler',
      message: `onPage for ${request.url} failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
}
