import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { BasicCrawler, type Request, type RequestQueue } from 'crawlee';
import type { Settings } from '../config/settings.ts';
import type { PerLanguage, SourceConfig, TermPattern } from '../config/types.ts';
import type { Logger } from '../core/logger.ts';
import { checkBlockPage } from './block-page.ts';
import type { ListingRenderer } from './browser-renderer.ts';
import type { ProgressListener } from './crawl-progress.ts';
import { pruneHandledRequests, type RequestData, releaseStaleLocks, uniqueKeyFor } from './crawl-queue.ts';
import { failureOf, ReportBuilder, type SourceCrawlReport } from './crawl-report.ts';
import { crawleeConfigFor, crawleeLogFor, openSourceQueue, sourceQueueDir } from './crawl-storage.ts';
import { decodeBody } from './decode-body.ts';
import { discoverLinks } from './discover-links.ts';
import { BlockedPageError, FetchError, HttpStatusError } from './errors.ts';
import { decideFetch, type FetchDecision, type KnownArticlesLookup } from './known-articles.ts';
import { ListingCache } from './listing-cache.ts';
import { archivePage } from './raw-archive.ts';
import { retryAfterMs } from './retry-after.ts';
import { RobotsCache } from './robots-cache.ts';
import { SourceFetcher } from './source-fetcher.ts';
import type { DiscoveredLink, FetchedPage } from './types.ts';
import { ALIAS_MAX_AGE_DAYS, UrlAliases } from './url-aliases.ts';

/** Limits of one source's crawl. */
export interface CrawlLimits {
  readonly fetchTimeoutMs: number;
  readonly maxBytes: number;
  readonly maxRequestRetries: number;
  readonly retryBackoffMs: number;
  /** A Retry-After longer than this is not waited for: the page fails for this run. */
  readonly maxRetryAfterMs: number;
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
  /** First retry waits this long, the next twice as long (or what Retry-After asks, when longer). */
  retryBackoffMs: 2_000,
  /** Two minutes. */
  maxRetryAfterMs: 120_000,
  /** Pages fetched per source and run when `maxPages` is not given. */
  maxPages: 1_000,
};

export interface CrawlSourceOptions {
  readonly source: SourceConfig;
  readonly settings: Settings;
  readonly logger: Logger;
  /** Which article ids are already indexed, with their dates (incremental crawl and `refreshHours`). */
  readonly lookupKnown: KnownArticlesLookup;
  /**
   * Receives each fetched page, after it is in the raw archive. The page counts
   * as done (it leaves the persistent queue) once this resolves, so it must
   * resolve only when what it does with the page is stored. A throw is
   * recorded as a `page-handler` failure. Resolving with the id the article
   * was stored under lets later runs know a link that redirects (or whose
   * canonical URL differs) as that article, instead of fetching it again.
   */
  readonly onPage: (page: FetchedPage) => Promise<PageOutcome | undefined>;
  /** Renders the sections of `browser: true` sources; without it they are read as plain HTML. */
  readonly renderer?: ListingRenderer;
  /** Each topic's terms per language, for site search (none: no searches). */
  readonly topicTerms?: readonly PerLanguage<readonly TermPattern[]>[];
  readonly onProgress?: ProgressListener;
  /** Pages to fetch at most in this run; default 1000. */
  readonly maxPages?: number;
  readonly signal?: AbortSignal;
  /** Overrides of CRAWL_DEFAULTS (tests use short backoffs). */
  readonly limits?: Partial<CrawlLimits>;
  /** The clock of the queue's day keys, refresh ages and queue pruning; default the system clock. */
  readonly now?: () => Date;
}

/** What `onPage` did with a page. */
export interface PageOutcome {
  /** The id the page's article was stored under (articleIdFor of its canonical URL). */
  readonly articleId?: string;
}

interface FetchContext {
  readonly fetcher: SourceFetcher;
  readonly aliases: UrlAliases;
  readonly now: () => Date;
  readonly report: ReportBuilder;
  readonly logger: Logger;
  readonly limits: CrawlLimits;
  readonly progress: (phase: 'discovering' | 'fetching' | 'done', toFetch?: number) => void;
}

/**
 * Crawls one source: discovers article links (feeds, sitemaps, sections,
 * site search, browser-rendered sections), skips the known ones, fetches the
 * rest politely through a persistent request queue, archives each page and
 * hands it to `onPage`. Never throws: a source that fails entirely comes back
 * as a report with the failure.
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
    maxPerHost: source.rateLimit.maxConcurrency,
    robotsCache: new RobotsCache(path.join(settings.dataDir, 'robots')),
    ...(signal === undefined ? {} : { signal }),
  });
  let toFetch = 0;
  const progress: FetchContext['progress'] = (phase, total) => {
    if (total !== undefined) toFetch = total;
    try {
      options.onProgress?.({
        sourceId: source.id,
        phase,
        toFetch,
        fetched: report.fetched,
        failed: report.failures.length,
      });
    } catch {
      // a progress display must never stop a crawl
    }
  };
  const now = options.now ?? (() => new Date());
  try {
    const aliases = await UrlAliases.open(settings.dataDir, source.id, now);
    const context: FetchContext = { fetcher, aliases, now, report, logger, limits, progress };
    progress('discovering');
    const discoveryStart = Date.now();
    const discovery = await discoverLinks(source, fetcher, {
      listingCache: await ListingCache.open(settings.dataDir, source.id),
      topicTerms: options.topicTerms ?? [],
      retry: {
        retries: limits.maxRequestRetries,
        backoffMs: limits.retryBackoffMs,
        maxRetryAfterMs: limits.maxRetryAfterMs,
      },
      allowPrivateHosts: settings.allowPrivateHosts,
      ...(options.renderer === undefined ? {} : { renderer: options.renderer }),
    });
    report.discoveryMs = Date.now() - discoveryStart;
    for (const failure of discovery.failures) report.fail(failure);
    report.discovered = discovery.links.length;
    report.skippedOffSite = discovery.skippedOffSite;
    report.listingsFetched = discovery.listingsFetched;
    report.listingsNotModified = discovery.notModified;
    const planned = await planFetches(discovery.links, options, context);
    if (signal?.aborted) {
      report.aborted = true;
      return report.build();
    }
    const fetchStart = Date.now();
    await fetchPages(planned, options, context);
    report.fetchMs = Date.now() - fetchStart;
    report.aborted = signal?.aborted ?? false;
    await compactAliases(aliases, logger);
  } catch (error) {
    logger.error({ err: error }, 'source crawl failed');
    report.fail({
      url: source.homeUrl,
      reason: error instanceof FetchError ? error.reason : 'network',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  const built = report.build();
  progress('done');
  logger.info({ report: { ...built, failures: undefined } }, 'source crawled');
  return built;
}

/** Drops the URL aliases no crawl has discovered for a long time; a failure only costs disk space. */
async function compactAliases(aliases: UrlAliases, logger: FetchContext['logger']): Promise<void> {
  try {
    const dropped = await aliases.compact();
    if (dropped > 0) logger.info({ dropped, maxAgeDays: ALIAS_MAX_AGE_DAYS }, 'dropped old URL aliases');
  } catch (error) {
    logger.warn({ err: error }, 'could not rewrite the URL alias file; it is read as before');
  }
}

interface PlannedFetch {
  readonly link: DiscoveredLink;
  readonly decision: Exclude<FetchDecision, 'skip-known'>;
}

/** The links to fetch: new articles, and known ones young enough to refresh. */
async function planFetches(
  links: readonly DiscoveredLink[],
  options: CrawlSourceOptions,
  { aliases, report, now }: FetchContext,
): Promise<PlannedFetch[]> {
  // A link that redirected (or had another canonical URL) before is looked up as the article it led to.
  const ids = links.map((link) => aliases.idFor(link.url));
  const known = ids.length === 0 ? new Map() : await options.lookupKnown(ids);
  const planned: PlannedFetch[] = [];
  const nowMs = now().getTime();
  links.forEach((link, index) => {
    const decision = decideFetch(known.get(ids[index] ?? ''), options.source.refreshHours, nowMs);
    if (decision === 'skip-known') report.skippedKnown += 1;
    else planned.push({ link, decision });
  });
  return planned;
}

async function fetchPages(
  planned: readonly PlannedFetch[],
  options: CrawlSourceOptions,
  context: FetchContext,
): Promise<void> {
  const { source, settings, signal } = options;
  const { report, logger, limits, fetcher } = context;
  const config = crawleeConfigFor(settings.dataDir, source.id);
  const requestQueue = await openSourceQueue(source.id, config);
  const freed = await releaseStaleLocks(requestQueue);
  if (freed > 0) logger.info({ freed }, 'resumed pages a stopped run left in flight');
  const now = context.now();
  const pruned = await pruneHandledRequests(requestQueue, sourceQueueDir(settings.dataDir, source.id), {
    now,
  });
  if (pruned > 0) logger.info({ pruned }, 'removed old handled requests from the queue');
  const maxPages = options.maxPages ?? limits.maxPages;
  const added = await requestQueue.addRequests(
    planned.slice(0, maxPages).map(({ link, decision }) => ({
      url: link.url,
      uniqueKey: uniqueKeyFor(link, decision, now),
      userData: { discovery: link, isRefresh: decision === 'refresh' } satisfies RequestData,
    })),
  );
  report.skippedKnown += added.processedRequests.filter((entry) => entry.wasAlreadyHandled).length;
  context.progress('fetching', (await requestQueue.getInfo())?.pendingRequestCount ?? planned.length);

  const perHost = Math.max(1, source.rateLimit.maxConcurrency);
  const crawler = new BasicCrawler(
    {
      requestQueue,
      maxConcurrency: perHost,
      maxRequestRetries: limits.maxRequestRetries,
      maxRequestsPerCrawl: maxPages,
      // fetch timeout + waiting for this host's slot + a Retry-After + archive and onPage
      requestHandlerTimeoutSecs:
        Math.ceil(
          (limits.fetchTimeoutMs + source.rateLimit.delayMs * perHost + limits.maxRetryAfterMs) / 1000,
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
        if (signal?.aborted) {
          // Stopped by the caller (the fetch or its wait for the host was cut short): not an attempt.
          // crawlee puts the page back in the queue; undo the count it is about to add.
          request.retryCount = Math.max(0, request.retryCount - 1);
          return;
        }
        if (!(error instanceof FetchError) || !error.isRetryable) {
          request.noRetry = true;
          return;
        }
        const asked = error instanceof HttpStatusError ? error.retryAfterMs : null;
        if (asked !== null && asked > limits.maxRetryAfterMs) {
          request.noRetry = true;
          return;
        }
        const waitMs = Math.max(limits.retryBackoffMs * 2 ** request.retryCount, asked ?? 0);
        if (asked !== null) fetcher.pauseHost(request.url, waitMs); // the whole host was asked to wait
        logger.debug({ url: request.url, waitMs, err: error }, 'retrying page');
        await sleep(waitMs, undefined, signal === undefined ? {} : { signal }).catch(() => undefined);
      },
      failedRequestHandler: async ({ request }, error) => {
        if (signal?.aborted) {
          // Stopped by the caller on the page's last try: crawlee has marked it handled, so queue
          // it again under a new key for the next run; a stop must never lose a page.
          await requestQueue.addRequest({
            url: request.url,
            uniqueKey: `${request.uniqueKey}#stopped-${Date.now()}`,
            userData: request.userData,
          });
          return;
        }
        logger.warn({ url: request.url, err: error }, 'page failed');
        report.fail(
          error instanceof FetchError
            ? failureOf(request.url, error)
            : { url: request.url, reason: 'network', message: error.message },
        );
        context.progress('fetching');
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
 * locked; release them so that the next run resumes them at once.
 */
async function releaseQueueLocks(queue: RequestQueue): Promise<void> {
  await releaseStaleLocks(queue);
}

async function handlePage(
  request: Request,
  options: CrawlSourceOptions,
  context: FetchContext,
): Promise<void> {
  const { source, settings } = options;
  const data = request.userData as Partial<RequestData>;
  if (data.isRefresh !== true) {
    // A run killed after storing the page but before the queue marked it handled: do not fetch it twice.
    const known = await options.lookupKnown([context.aliases.idFor(request.url)]);
    if (known.size > 0) {
      context.report.skippedKnown += 1;
      return;
    }
  }
  const answer = await context.fetcher.fetch(request.url);
  const decoded = decodeBody(answer.body, answer.headers['content-type']);
  const block = checkBlockPage(answer.status, answer.headers, decoded.text);
  if (block.isBlocked)
    throw new BlockedPageError(request.url, answer.status, block.signal, { sourceId: source.id });
  if (answer.status >= 400) {
    const asked = retryAfterMs(answer.headers['retry-after']);
    throw new HttpStatusError(request.url, answer.status, {
      sourceId: source.id,
      ...(asked === undefined ? {} : { retryAfterMs: asked }),
    });
  }
  const page: FetchedPage = {
    sourceId: source.id,
    url: request.url,
    finalUrl: answer.finalUrl,
    status: answer.status,
    headers: answer.headers,
    html: decoded.text,
    fetchedAt: new Date().toISOString(),
    ...(data.discovery === undefined ? {} : { discovery: data.discovery }),
  };
  await archivePage(settings.dataDir, page, { charset: decoded.charset });
  context.report.fetched += 1;
  if (data.isRefresh === true) context.report.refreshed += 1;
  context.logger.debug({ url: request.url, status: answer.status, charset: decoded.charset }, 'page fetched');
  let articleId: string | undefined;
  try {
    articleId = (await options.onPage(page))?.articleId;
  } catch (error) {
    context.report.fail({
      url: request.url,
      reason: 'page-handler',
      message: `onPage for ${request.url} failed: ${error instanceof Error ? error.message : String(error)}`,
    });
  }
  if (articleId !== undefined)
    await context.aliases.remember(request.url, articleId).catch((error: unknown) => {
      // Only costs a second fetch of this article on a later day.
      context.logger.warn({ url: request.url, err: error }, 'could not record the URL alias');
    });
  context.progress('fetching');
}
