import { RobotsTxtFile } from 'crawlee';
import { decodeBody } from './decode-body.ts';
import { type CrawlFailureReason, FetchError } from './errors.ts';
import { type FetchOptions, fetchBytes } from './http-fetch.ts';

/** The rules of one origin's robots.txt, as far as the crawler needs them. */
export interface RobotsRules {
  readonly robotsUrl: string;
  /** How the file was read: parsed, absent (4xx: all allowed) or unreachable (5xx/network: all disallowed). */
  readonly state: 'parsed' | 'absent' | 'unreachable';
  /** Why an unreachable robots.txt could not be read (the fetch's own reason and message). */
  readonly failure?: { readonly reason: CrawlFailureReason; readonly message: string };
  isAllowed(url: string): boolean;
}

/** The product token robots.txt groups are matched on: `pressmon/0.1 (…)` → `pressmon`. */
export function robotsProductToken(userAgent: string): string {
  return userAgent.trim().split(/[/\s]/)[0]?.toLowerCase() || '*';
}

/** Parses robots.txt text; rules are matched for the crawler's product token, else `*`. */
export function parseRobots(robotsUrl: string, content: string, userAgent: string): RobotsRules {
  const file = RobotsTxtFile.from(robotsUrl, content);
  const token = robotsProductToken(userAgent);
  return { robotsUrl, state: 'parsed', isAllowed: (url) => file.isAllowed(url, token) };
}

/**
 * Fetches and parses the robots.txt of a URL's origin with the crawler's own
 * guarded fetch and User-Agent (crawlee's built-in robots support fetches it
 * with a browser-like User-Agent and without the private-address guard).
 * Following RFC 9309: a 4xx answer allows everything; a 5xx answer or a
 * network failure disallows everything for this run. A refused private
 * address is rethrown, as it stops every request to the host anyway.
 */
export async function loadRobots(pageUrl: string, options: FetchOptions): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', pageUrl).toString();
  try {
    const answer = await fetchBytes(robotsUrl, { ...options, accept: 'text/plain,*/*;q=0.5' });
    if (answer.status >= 200 && answer.status < 300) {
      return parseRobots(
        robotsUrl,
        decodeBody(answer.body, answer.headers['content-type']).text,
        options.userAgent,
      );
    }
    if (answer.status >= 400 && answer.status < 500)
      return { robotsUrl, state: 'absent', isAllowed: () => true };
    const failure = { reason: 'http-5xx', message: `GET ${robotsUrl} answered ${answer.status}` } as const;
    return { robotsUrl, state: 'unreachable', failure, isAllowed: () => false };
  } catch (error) {
    if (error instanceof FetchError && error.reason === 'refused-private-address') throw error;
    const failure =
      error instanceof FetchError
        ? { reason: error.reason, message: error.message }
        : { reason: 'network' as const, message: error instanceof Error ? error.message : String(error) };
    return { robotsUrl, state: 'unreachable', failure, isAllowed: () => false };
  }
}
