import { setTimeout as sleep } from 'node:timers/promises';
import { FetchError } from './errors.ts';
import { HostGate } from './host-gate.ts';
import { type FetchedBytes, type FetchOptions, fetchBytes } from './http-fetch.ts';
import { isRetryableStatus, retryAfterMs } from './retry-after.ts';
import { loadRobots, type RobotsRules } from './robots.ts';
import type { RobotsCache } from './robots-cache.ts';

/** A robots.txt Crawl-delay above this (10 min, the schema's cap on a source delay) is read as this. */
export const MAX_CRAWL_DELAY_MS = 600_000;

export interface SourceFetcherOptions extends FetchOptions {
  /** The source's own spacing of request starts per host, ms. */
  readonly delayMs: number;
  /** Requests in flight per host (capped at MAX_REQUESTS_PER_HOST). */
  readonly maxPerHost?: number;
  /** robots.txt files kept between runs; without it each run fetches them again. */
  readonly robotsCache?: RobotsCache;
}

/** How a listing (feed, sitemap, section page) is fetched again after a 429, 5xx or network failure. */
export interface ListingRetry {
  readonly retries: number;
  /** First wait; then twice as long each time, or what Retry-After asks when longer. */
  readonly backoffMs: number;
  /** A Retry-After longer than this is not waited for: the listing fails for this run. */
  readonly maxRetryAfterMs: number;
}

/** Options of one GET. */
export interface FetchRequest {
  readonly accept?: string;
  readonly headers?: Readonly<Record<string, string>>;
}

/**
 * Fetches for one source: robots.txt obeyed (read once per origin, or from the
 * cache), request starts spaced per host by the larger of the source's delay
 * and robots.txt's Crawl-delay, at most two requests per host in flight, every
 * hop through the private-address guard.
 */
export class SourceFetcher {
  readonly #options: FetchOptions;
  readonly #gate: HostGate;
  readonly #robotsCache: RobotsCache | undefined;
  readonly #robots = new Map<string, Promise<RobotsRules>>();

  constructor(options: SourceFetcherOptions) {
    const { delayMs, maxPerHost, robotsCache, ...fetchOptions } = options;
    this.#options = fetchOptions;
    this.#gate = new HostGate(delayMs, maxPerHost);
    this.#robotsCache = robotsCache;
  }

  /** The robots.txt rules of the URL's origin (fetched at most once per crawl). */
  robotsFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.#robots.get(origin);
    if (rules === undefined) {
      rules = this.#loadRobots(url);
      this.#robots.set(origin, rules);
    }
    return rules;
  }

  async #loadRobots(url: string): Promise<RobotsRules> {
    const cached = await this.#robotsCache?.get(new URL('/robots.txt', url).toString());
    const release = cached ? () => undefined : await this.#gate.acquire(url, this.#options.signal);
    try {
      const rules = await loadRobots(url, this.#options, this.#robotsCache);
      if (rules.crawlDelayMs !== undefined)
        this.#gate.setHostDelay(url, Math.min(rules.crawlDelayMs, MAX_CRAWL_DELAY_MS));
      return rules;
    } finally {
      release();
    }
  }

  /** The spacing of request starts on the URL's host now in force, ms. */
  delayFor(url: string): number {
    return this.#gate.delayFor(url);
  }

  /** Holds back every request to the URL's host for `pauseMs` (after a Retry-After). */
  pauseHost(url: string, pauseMs: number): void {
    this.#gate.pauseHost(url, pauseMs);
  }

  /**
   * Throws FetchError (reason `robots`, or the real failure when robots.txt
   * could not be read) when the URL may not be fetched.
   */
  async assertAllowed(url: string): Promise<void> {
    const rules = await this.robotsFor(url);
    if (rules.isAllowed(url)) return;
    if (rules.state === 'unreachable') {
      // Say what really failed (DNS, timeout, 503…): a site that cannot be reached is not a robots refusal.
      const cause = rules.failure?.message ?? 'no answer';
      throw new FetchError(`GET ${url} skipped: ${rules.robotsUrl} could not be read (${cause})`, {
        url,
        reason: rules.failure?.reason ?? 'network',
      });
    }
    throw new FetchError(`GET ${url} skipped: ${rules.robotsUrl} disallows it`, { url, reason: 'robots' });
  }

  /** Whether robots.txt of the URL's origin lets us fetch it (false when it could not be read). */
  async isAllowed(url: string): Promise<boolean> {
    return (await this.robotsFor(url)).isAllowed(url);
  }

  /** Runs `task` (a browser navigation) in one of the URL's host slots, spaced like any request. */
  async withHostSlot<T>(url: string, task: () => Promise<T>): Promise<T> {
    const release = await this.#gate.acquire(url, this.#options.signal);
    try {
      return await task();
    } finally {
      release();
    }
  }

  /**
   * GETs a URL that robots.txt allows, once. Answers of any status come back;
   * transport failures throw FetchError.
   */
  async fetch(url: string, request: FetchRequest | string = {}): Promise<FetchedBytes> {
    const { accept, headers } =
      typeof request === 'string' ? { accept: request, headers: undefined } : request;
    await this.assertAllowed(url);
    const release = await this.#gate.acquire(url, this.#options.signal);
    try {
      return await fetchBytes(url, {
        ...this.#options,
        ...(accept === undefined ? {} : { accept }),
        ...(headers === undefined ? {} : { headers }),
      });
    } finally {
      release();
    }
  }

  /**
   * GETs a listing, trying again after a 429, a 5xx, a timeout or a network
   * failure: with exponential backoff, or after the Retry-After the answer asks
   * for (the whole host waits too). The last answer or failure comes back.
   */
  async fetchListing(url: string, request: FetchRequest, retry: ListingRetry): Promise<FetchedBytes> {
    for (let attempt = 0; ; attempt += 1) {
      let waitMs = retry.backoffMs * 2 ** attempt;
      try {
        const answer = await this.fetch(url, request);
        if (!isRetryableStatus(answer.status) || attempt >= retry.retries) return answer;
        const asked = retryAfterMs(answer.headers['retry-after']);
        if (asked !== undefined && asked > retry.maxRetryAfterMs) return answer;
        waitMs = Math.max(waitMs, asked ?? 0);
        this.pauseHost(url, waitMs);
      } catch (error) {
        if (!(error instanceof FetchError) || !error.isRetryable || attempt >= retry.retries) throw error;
      }
      await sleep(
        waitMs,
        undefined,
        this.#options.signal === undefined ? {} : { signal: this.#options.signal },
      );
    }
  }
}
