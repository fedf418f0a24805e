import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces out request starts per host: each caller gets the next free slot,
 * at least `delayMs` after the previous start on the same host, whatever the
 * concurrency. crawlee's `sameDomainDelaySecs` is not used because it keys on
 * the registrable domain, which IP-addressed and single-label hosts lack.
 */
export class HostGate {
  readonly #delayMs: number;
  readonly #nextStartMs = new Map<string, number>();

  constructor(delayMs: number) {
    this.#delayMs = Math.max(0, delayMs);
  }

  /** Resolves when a request to the URL's host may start. */
  async wait(url: string, signal?: AbortSignal): Promise<void> {
    const host = new URL(url).host.toLowerCase();
    const now = Date.now();
    const slot = Math.max(now, this.#nextStartMs.get(host) ?? 0);
    this.#nextStartMs.set(host, slot + this.#delayMs);
    if (slot > now) await sleep(slot - now, undefined, signal === undefined ? {} : { signal });
  }
}
