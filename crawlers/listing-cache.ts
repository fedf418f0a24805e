import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { writeAtomically } from '../core/write-atomically.ts';
import type { DiscoveredLink } from './types.ts';

/** What a feed or sitemap said last time, with the validators to ask whether it changed. */
export interface CachedListing {
  readonly etag?: string;
  readonly lastModified?: string;
  /** ISO-8601 UTC time of the last full (200) answer. */
  readonly savedAt: string;
  readonly links: readonly DiscoveredLink[];
  /** Child sitemaps of a sitemap index. */
  readonly sitemaps?: readonly string[];
}

/**
 * The feeds and sitemaps of one source as last read, kept in
 * `<dataDir>/listings/<source id>.json` between runs: their ETag and
 * Last-Modified for a conditional GET, and their links, which a 304 answer
 * stands for (so a listing that did not change still yields its links, and
 * links a stopped run did not reach are not lost).
 */
export class ListingCache {
  readonly #file: string;
  #entries: Record<string, CachedListing> = {};

  private constructor(file: string) {
    this.#file = file;
  }

  /** Opens the cache of a source (empty when there is none or it cannot be read). */
  static async open(dataDir: string, sourceId: string): Promise<ListingCache> {
    const cache = new ListingCache(path.join(dataDir, 'listings', `${sourceId}.json`));
    try {
      cache.#entries = JSON.parse(await readFile(cache.#file, 'utf8')) as Record<string, CachedListing>;
    } catch {
      cache.#entries = {};
    }
    return cache;
  }

  get(url: string): CachedListing | undefined {
    return this.#entries[url];
  }

  /** The conditional request headers for a listing, empty when nothing is cached. */
  validatorsFor(url: string): Record<string, string> {
    const entry = this.#entries[url];
    return {
      ...(entry?.etag === undefined ? {} : { 'if-none-match': entry.etag }),
      ...(entry?.lastModified === undefined ? {} : { 'if-modified-since': entry.lastModified }),
    };
  }

  /** Keeps a listing's links when the answer carried an ETag or Last-Modified (else a 304 cannot come). */
  set(url: string, headers: Readonly<Record<string, string>>, content: Omit<CachedListing, 'savedAt'>): void {
    const { etag, 'last-modified': lastModified } = headers;
    if (etag === undefined && lastModified === undefined) {
      delete this.#entries[url];
      return;
    }
    this.#entries[url] = {
      ...(etag === undefined ? {} : { etag }),
      ...(lastModified === undefined ? {} : { lastModified }),
      savedAt: new Date().toISOString(),
      links: content.links,
      ...(content.sitemaps === undefined ? {} : { sitemaps: content.sitemaps }),
    };
  }

  /** Writes the cache to disk (atomically). */
  async save(): Promise<void> {
    await writeAtomically(this.#file, `${JSON.stringify(this.#entries)}\n`);
  }
}
