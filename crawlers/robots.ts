import { decodeBody } from './decode-body.ts';
import { type CrawlFailureReason, FetchError } from './errors.ts';
import { type FetchOptions, fetchBytes } from './http-fetch.ts';
import type { RobotsCache } from './robots-cache.ts';
import { parseRobotsTxt } from './robots-txt.ts';

/** The rules of one origin's robots.txt, as far as the crawler needs them. */
export interface RobotsRules {
  readonly robotsUrl: string;
  /** How the file was read: parsed, absent (4xx: all allowed) or unreachable (5xx/network: all disallowed). */
  readonly state: 'parsed' | 'absent' | 'unreachable';
  /** Why an unreachable robots.txt could not be read (the fetch's own reason and message). */
  readonly failure?: { readonly reason: CrawlFailureReason; readonly message: string };
  /** The `Crawl-delay` that applies to our User-Agent, in ms, when the file sets one. */
  readonly crawlDelayMs?: number;
  /** ISO-8601 UTC time the file was fetched (from the cache when it was not fetched in this run). */
  readonly fetchedAt: string;
  isAllowed(url: string): boolean;
}

/** The product token robots.txt groups are matched on: `pressmon/0.1 (…)` → `pressmon`. */
export function robotsProductToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0]?.toLowerCase() || '*';
}

/** Parses robots.txt text; rules are matched for the crawler's product token, else `*`. */
export function parseRobots(
  robotsUrl: string,
  content: string,
  userAgent: string,
  fetchedAt: string = new Date().toISOString(),
): RobotsRules {
  const file = parseRobotsTxt(content);
  const token = robotsProductToken(userAgent);
  const crawlDelayMs = file.crawlDelayMs(token);
  return {
    robotsUrl,
    state: 'parsed',
    fetchedAt,
    ...(crawlDelayMs === undefined ? {} : { crawlDelayMs }),
    isAllowed: (url) => file.isAllowed(url, token),
  };
}

function absentRules(robotsUrl: string, fetchedAt: string): RobotsRules {
  return { robotsUrl, state: 'absent', fetchedAt, isAllowed: () => true };
}

/**
 * Fetches and parses the robots.txt of a URL's origin with the crawler's own
 * guarded fetch and User-Agent. Following RFC 9309: a 4xx answer allows
 * everything; a 5xx answer or a network failure disallows everything for
 * this run. A refused private address is rethrown, as it stops every request
 * to the host anyway. With a cache, a file read less than its maximum age ago
 * (24 h by default) is not fetched again; an unreachable file is never cached.
 */
export async function loadRobots(
  pageUrl: string,
  options: FetchOptions,
  cache?: RobotsCache,
): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', pageUrl).toString();
  const cached = await cache?.get(robotsUrl);
  if (cached !== undefined && cached !== null) {
    return cached.state === 'absent'
      ? absentRules(robotsUrl, cached.fetchedAt)
      : parseRobots(robotsUrl, cached.body, options.userAgent, cached.fetchedAt);
  }
  const fetchedAt = new Date().toISOString();
  try {
    const answer = await fetchBytes(robotsUrl, { ...options, accept: 'text/plain,*/*;q=0.5' });
    if (answer.status >= 200 && answer.status < 300) {
      const body = decodeBody(answer.body, answer.headers['content-type']).text;
      await cache?.put(robotsUrl, { state: 'parsed', body, fetchedAt });
      return parseRobots(robotsUrl, body, options.userAgent, fetchedAt);
    }
    if (answer.status >= 400 && answer.status < 500) {
      await cache?.put(robotsUrl, { state: 'absent', body: '', fetchedAt });
      return absentRules(robotsUrl, fetchedAt);
    }
    const failure = { reason: 'http-5xx', message: `GET ${robotsUrl} answered ${answer.status}` } as const;
    return { robotsUrl, state: 'unreachable', failure, fetchedAt, isAllowed: () => false };
  } catch (error) {
    if (error instanceof FetchError && error.reason === 'refused-private-address') throw error;
    const failure =
      error instanceof FetchError
        ? { reason: error.reason, message: error.message }
        : { reason: 'network' as const, message: error instanceof Error ? error.message : String(error) };
    return { robotsUrl, state: 'unreachable', failure, fetchedAt, isAllowed: () => false };
  }
}
