import { setTimeout as sleep } from 'node:timers/promises';

/** At most this many requests to one host at a time, whatever a source's concurrency. */
export const MAX_REQUESTS_PER_HOST = 2;

interface HostState {
  delayMs: number;
  nextStartMs: number;
  lastStartMs: number;
  inFlight: number;
  readonly waiting: (() => void)[];
}

/**
 * Politeness per host: request starts at least `delayMs` apart (raised per
 * host by its robots.txt Crawl-delay, or paused after a Retry-After), and at
 * most `maxPerHost` requests in flight. crawlee's `sameDomainDelaySecs` is
 * not used because it keys on the registrable domain, which IP-addressed and
 * single-label hosts lack, and it has no per-host concurrency.
 */
export class HostGate {
  readonly #delayMs: number;
  readonly #maxPerHost: number;
  readonly #hosts = new Map<string, HostState>();

  constructor(delayMs: number, maxPerHost: number = MAX_REQUESTS_PER_HOST) {
    this.#delayMs = Math.max(0, delayMs);
    this.#maxPerHost = Math.max(1, Math.min(maxPerHost, MAX_REQUESTS_PER_HOST));
  }

  /** Raises the spacing of one host's requests (never below the source's own delay). */
  setHostDelay(url: string, delayMs: number): void {
    const state = this.#state(url);
    state.delayMs = Math.max(this.#delayMs, delayMs);
    state.nextStartMs = Math.max(state.nextStartMs, state.lastStartMs + state.delayMs);
  }

  /** The spacing in force for the URL's host, ms. */
  delayFor(url: string): number {
    return this.#state(url).delayMs;
  }

  /** No request to the URL's host starts in the next `pauseMs` (a 429 or 503 with Retry-After). */
  pauseHost(url: string, pauseMs: number): void {
    const state = this.#state(url);
    state.nextStartMs = Math.max(state.nextStartMs, Date.now() + pauseMs);
  }

  /**
   * Waits for a free request slot on the URL's host and for its next start
   * time; resolves with the function that frees the slot again.
   */
  async acquire(url: string, signal?: AbortSignal): Promise<() => void> {
    const state = this.#state(url);
    while (state.inFlight >= this.#maxPerHost) {
      signal?.throwIfAborted();
      await new Promise<void>((resolve) => state.waiting.push(resolve));
    }
    state.inFlight += 1;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      state.inFlight -= 1;
      state.waiting.shift()?.();
    };
    try {
      await this.#waitForStart(state, signal);
    } catch (error) {
      release();
      throw error;
    }
    return release;
  }

  async #waitForStart(state: HostState, signal: AbortSignal | undefined): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, state.nextStartMs);
    state.nextStartMs = slot + state.delayMs;
    state.lastStartMs = slot;
    if (slot > now) await sleep(slot - now, undefined, signal === undefined ? {} : { signal });
  }

  #state(url: string): HostState {
    const host = new URL(url).host.toLowerCase();
    let state = this.#hosts.get(host);
    if (state === undefined) {
      state = { delayMs: this.#delayMs, nextStartMs: 0, lastStartMs: 0, inFlight: 0, waiting: [] };
      this.#hosts.set(host, state);
    }
    return state;
  }
}
