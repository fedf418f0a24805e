import { PressmonError } from '../core/errors.ts';

/** Why one URL of a source could not be crawled; the keys of a crawl report's failure counts. */
export type CrawlFailureReason =
  | 'robots'
  | 'http-4xx'
  | 'http-5xx'
  | 'timeout'
  | 'network'
  | 'refused-private-address'
  | 'too-large'
  | 'unparseable'
  | 'blocked'
  | 'page-handler';

/**
 * A fetch did not give a usable answer. `reason` classifies it for the crawl
 * report; `status` is the HTTP status when the server answered.
 */
export class FetchError extends PressmonError {
  override readonly name: string = 'FetchError';
  readonly url: string;
  readonly status: number | null;
  readonly reason: CrawlFailureReason;
  readonly sourceId: string | null;

  constructor(
    message: string,
    details: {
      url: string;
      reason: CrawlFailureReason;
      status?: number;
      sourceId?: string;
      isRetryable?: boolean;
      cause?: unknown;
    },
  ) {
    super(message, { cause: details.cause, isRetryable: details.isRetryable ?? false });
    this.url = details.url;
    this.status = details.status ?? null;
    this.reason = details.reason;
    this.sourceId = details.sourceId ?? null;
  }
}

/**
 * The server answered with an error status: `GET https://… answered 503`.
 * Retryable for 5xx and 429, after `retryAfterMs` when the answer said so.
 */
export class HttpStatusError extends FetchError {
  override readonly name = 'HttpStatusError';
  /** The wait the answer's Retry-After header asked for, ms; null when it gave none. */
  readonly retryAfterMs: number | null;

  constructor(url: string, status: number, options: { sourceId?: string; retryAfterMs?: number } = {}) {
    const { retryAfterMs, ...rest } = options;
    super(`GET ${url} answered ${status}`, {
      url,
      status,
      reason: status >= 500 ? 'http-5xx' : 'http-4xx',
      isRetryable: status >= 500 || status === 429,
      ...rest,
    });
    this.retryAfterMs = retryAfterMs ?? null;
  }
}

/**
 * The site answered with a block page (a CAPTCHA, a bot challenge, "access
 * denied") instead of the page. Not retried in this run.
 */
export class BlockedPageError extends FetchError {
  override readonly name = 'BlockedPageError';
  /** Which sign of a block page was found (`cloudflare-challenge`, `captcha`, …). */
  readonly signal: string;

  constructor(url: string, status: number, signal: string, options: { sourceId?: string } = {}) {
    super(`GET ${url} answered ${status} with a block page (${signal})`, {
      url,
      status,
      reason: 'blocked',
      ...options,
    });
    this.signal = signal;
  }
}

/**
 * A host resolved to a loopback, private, link-local or otherwise non-public
 * address and is not listed in PRESSMON_ALLOW_PRIVATE_HOSTS. Never retried.
 */
export class RefusedAddressError extends FetchError {
  override readonly name = 'RefusedAddressError';

  constructor(url: string, address: string, range: string) {
    super(
      `GET ${url} refused: its host resolves to ${address} (${range}); ` +
        'add the host to PRESSMON_ALLOW_PRIVATE_HOSTS if it is meant to be crawled',
      { url, reason: 'refused-private-address' },
    );
  }
}

/** The body (after decompression) is larger than the cap. Never retried. */
export class ResponseTooLargeError extends FetchError {
  override readonly name = 'ResponseTooLargeError';

  constructor(url: string, maxBytes: number) {
    super(`GET ${url} answered more than ${maxBytes} bytes; the page was dropped`, {
      url,
      reason: 'too-large',
    });
  }
}
