import type { CrawlFailureReason, FetchError } from './errors.ts';

/** One URL (page, feed, sitemap) of a source that could not be crawled. */
export interface CrawlFailure {
  readonly url: string;
  readonly reason: CrawlFailureReason;
  readonly message: string;
  /** The HTTP status, when the server answered. */
  readonly status?: number;
  /** True for a listing (feed, sitemap, section or search page) rather than an article page. */
  readonly isListing?: boolean;
}

/** The failure a FetchError stands for. */
export function failureOf(url: string, error: FetchError): CrawlFailure {
  return {
    url,
    reason: error.reason,
    message: error.message,
    ...(error.status === null ? {} : { status: error.status }),
  };
}

/** What one source's crawl did: counts, time spent and each failure. Partial failure is data. */
export interface SourceCrawlReport {
  readonly sourceId: string;
  /** ISO-8601 UTC. */
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly durationMs: number;
  /** Time spent reading feeds and sitemaps. */
  readonly discoveryMs: number;
  /** Time spent fetching pages. */
  readonly fetchMs: number;
  /** Distinct article URLs found by discovery on the source's own hosts. */
  readonly discovered: number;
  /** Pages fetched, archived and handed to `onPage`. */
  readonly fetched: number;
  /** Listing documents fetched: feeds, sitemaps, section pages, searches. */
  readonly listingsFetched: number;
  /** Feeds and sitemaps that answered 304 Not Modified (their links came from the listing cache). */
  readonly listingsNotModified: number;
  /** Links whose article is already indexed (incremental crawl), or already handled by this queue today. */
  readonly skippedKnown: number;
  /** Known articles fetched again because they are younger than the source's `refreshHours`. */
  readonly refreshed: number;
  /**
   * Pages and listings that answered with a block page (CAPTCHA, bot challenge, access denied, 403
   * with a sign); also in `failures`.
   */
  readonly blocked: number;
  /** Links to hosts other than the source's own; not followed. */
  readonly skippedOffSite: number;
  /** URLs (pages and listings) that failed; see `failures`. */
  readonly failed: number;
  readonly failedByReason: Readonly<Partial<Record<CrawlFailureReason, number>>>;
  readonly failures: readonly CrawlFailure[];
  /** True when the crawl stopped early (abort signal). */
  readonly aborted: boolean;
}

/** Counts gathered while a source is crawled; turned into a report at the end. */
export class ReportBuilder {
  readonly sourceId: string;
  readonly startedAtMs = Date.now();
  discoveryMs = 0;
  fetchMs = 0;
  discovered = 0;
  fetched = 0;
  listingsFetched = 0;
  listingsNotModified = 0;
  skippedKnown = 0;
  refreshed = 0;
  skippedOffSite = 0;
  aborted = false;
  readonly failures: CrawlFailure[] = [];

  constructor(sourceId: string) {
    this.sourceId = sourceId;
  }

  fail(failure: CrawlFailure): void {
    this.failures.push(failure);
  }

  build(): SourceCrawlReport {
    const finishedAtMs = Date.now();
    const failedByReason: Partial<Record<CrawlFailureReason, number>> = {};
    for (const failure of this.failures)
      failedByReason[failure.reason] = (failedByReason[failure.reason] ?? 0) + 1;
    return {
      sourceId: this.sourceId,
      startedAt: new Date(this.startedAtMs).toISOString(),
      finishedAt: new Date(finishedAtMs).toISOString(),
      durationMs: finishedAtMs - this.startedAtMs,
      discoveryMs: this.discoveryMs,
      fetchMs: this.fetchMs,
      discovered: this.discovered,
      fetched: this.fetched,
      listingsFetched: this.listingsFetched,
      listingsNotModified: this.listingsNotModified,
      skippedKnown: this.skippedKnown,
      refreshed: this.refreshed,
      blocked: failedByReason.blocked ?? 0,
      skippedOffSite: this.skippedOffSite,
      failed: this.failures.length,
      failedByReason,
      failures: [...this.failures],
      aborted: this.aborted,
    };
  }
}
