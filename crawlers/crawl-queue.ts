import type { RequestQueue } from 'crawlee';
import { normaliseUrl } from '../core/canonical-url.ts';
import type { FetchDecision } from './known-articles.ts';
import type { DiscoveredLink } from './types.ts';

/** What a queued request carries besides its URL. */
export interface RequestData {
  readonly discovery: DiscoveredLink;
  /** A known article fetched again (refreshHours); the handler does not skip it as known. */
  readonly isRefresh?: boolean;
}

/** Pending requests looked at for stale locks (far more than one source ever has). */
const LIST_LIMIT = 100_000;

/**
 * Frees the requests a crashed or killed run left locked in the persistent
 * queue. crawlee locks each request it hands to a handler until the handler's
 * timeout has passed, and keeps the lock on disk: a run killed with SIGKILL
 * would leave its pages in flight untouched for minutes. Only one crawl of a
 * source runs at a time (the scheduler's lock), so at start every lock is
 * stale. Returns how many requests were freed.
 */
export async function releaseStaleLocks(queue: RequestQueue): Promise<number> {
  const listed = await queue.client.listHead({ limit: LIST_LIMIT });
  let released = 0;
  for (const item of listed.items) {
    try {
      await queue.client.deleteRequestLock(item.id);
      released += 1;
    } catch {
      // not locked: nothing to free
    }
  }
  return released;
}

/**
 * The queue's unique key of a link: one per normalised URL and UTC day, so a
 * run resumed the same day does not fetch a page twice, and a page that
 * failed is tried again the next day. A refresh gets a key of its own hour.
 */
export function uniqueKeyFor(link: DiscoveredLink, decision: FetchDecision, now: Date = new Date()): string {
  const base = `${normaliseUrl(link.url) ?? link.url} ${now.toISOString().slice(0, 10)}`;
  return decision === 'refresh' ? `${base} refresh ${now.toISOString().slice(11, 13)}` : base;
}
