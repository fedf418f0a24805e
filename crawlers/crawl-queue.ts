import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
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

/** Handled requests older than this (days) leave the queue at the start of a crawl. */
export const HANDLED_REQUEST_MAX_AGE_DAYS = 14;

/** A request as crawlee's local storage keeps it on disk (`<queue dir>/<id>.json`). */
interface StoredRequest {
  readonly id?: unknown;
  /** null once handled; a timestamp while pending. */
  readonly orderNo?: unknown;
  /** The request itself, as JSON (with `handledAt`). */
  readonly json?: unknown;
}

/**
 * Deletes the handled requests older than `maxAgeDays` from a source's
 * persistent queue, so that it does not keep one entry per URL and day for
 * ever; pending requests (what a stopped run left) are never touched. The
 * same-day keys of recent days stay, which is what keeps a resumed run from
 * fetching a page twice. Reads crawlee's request files in `queueDir` to find
 * them and deletes through the queue's client. Returns how many were deleted.
 */
export async function pruneHandledRequests(
  queue: RequestQueue,
  queueDir: string,
  options: { readonly now: Date; readonly maxAgeDays?: number },
): Promise<number> {
  const maxAgeDays = options.maxAgeDays ?? HANDLED_REQUEST_MAX_AGE_DAYS;
  const cutoffMs = options.now.getTime() - maxAgeDays * 86_400_000;
  const files = await readdir(queueDir).catch(() => [] as string[]);
  let pruned = 0;
  for (const file of files) {
    if (!file.endsWith('.json') || file.startsWith('__')) continue;
    const stored = await readStoredRequest(path.join(queueDir, file));
    if (stored === undefined || stored.orderNo !== null || typeof stored.id !== 'string') continue;
    const handledAtMs = handledTimeOf(stored) ?? (await stat(path.join(queueDir, file))).mtimeMs;
    if (handledAtMs >= cutoffMs) continue;
    await queue.client.deleteRequest(stored.id);
    pruned += 1;
  }
  return pruned;
}

async function readStoredRequest(file: string): Promise<StoredRequest | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredRequest;
  } catch {
    return undefined; // being written, or gone: left for the next run
  }
}

function handledTimeOf(stored: StoredRequest): number | undefined {
  if (typeof stored.json !== 'string') return undefined;
  try {
    const handledAt = (JSON.parse(stored.json) as { handledAt?: unknown }).handledAt;
    const ms = typeof handledAt === 'string' ? Date.parse(handledAt) : Number.NaN;
    return Number.isNaN(ms) ? undefined : ms;
  } catch {
    return undefined;
  }
}
