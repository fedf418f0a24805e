import { FetchError } from './errors.ts';
import { HostGate } from './host-gate.ts';
import { type FetchedBytes, type FetchOptions, fetchBytes } from './http-fetch.ts';
import { loadRobots, type RobotsRules } from './robots.ts';

/**
 * Fetches for one source: robots.txt obeyed (read once per origin), request
 * starts spaced per host, every hop through the private-address guard.
 */
export class SourceFetcher {
  readonly #options: FetchOptions;
  readonly #gate: HostGate;
  readonly #robots = new Map<string, Promise<RobotsRules>>();

  constructor(options: FetchOptions & { readonly delayMs: number }) {
    const { delayMs, ...fetchOptions } = options;
    this.#options = fetchOptions;
    this.#gate = new HostGate(delayMs);
  }

  /** The robots.txt rules of the URL's origin (fetched at most once per crawl). */
  robotsFor(url: string): Promise<RobotsRules> {
    const origin = new URL(url).origin;
    let rules = this.#robots.get(origin);
    if (rules === undefined) {
      rules = this.#gate.wait(url, this.#options.signal).then(() => loadRobots(url, this.#options));
      this.#robots.set(origin, rules);
    }
    return rules;
  }

  /**
   * GETs a URL that robots.txt allows. Throws FetchError with reason `robots`
   * (before any request to it) when it is disallowed.
   */
  async fetch(url: string, accept?: string): Promise<FetchedBytes> {
    const rules = await this.robotsFor(url);
    if (!rules.isAllowed(url)) {
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
    await this.#gate.wait(url, this.#options.signal);
    return fetchBytes(url, accept === undefined ? this.#options : { ...this.#options, accept });
  }
}
