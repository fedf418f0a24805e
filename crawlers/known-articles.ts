/** What the index knows of an article the crawler finds a link to. */
export interface KnownArticle {
  /** ISO-8601 UTC publication time, when the article states one. */
  readonly publishedAt: string | null;
  /** ISO-8601 UTC time the article was first fetched. */
  readonly firstSeenAt: string;
}

/** Looks up which of these article ids (articleIdFor of their URL) are already indexed. */
export type KnownArticlesLookup = (ids: readonly string[]) => Promise<ReadonlyMap<string, KnownArticle>>;

/** What to do with a discovered link, given what the index knows. */
export type FetchDecision = 'fetch' | 'refresh' | 'skip-known';

/**
 * Whether to fetch a link: a new article is fetched; a known one only when
 * the source refreshes articles (`refreshHours` > 0) and this one is younger
 * than that (by its publication time, else the time it was first seen).
 */
export function decideFetch(
  known: KnownArticle | undefined,
  refreshHours: number,
  nowMs: number = Date.now(),
): FetchDecision {
  if (known === undefined) return 'fetch';
  if (refreshHours <= 0) return 'skip-known';
  const born = Date.parse(known.publishedAt ?? known.firstSeenAt);
  if (Number.isNaN(born)) return 'skip-known';
  return nowMs - born < refreshHours * 3_600_000 ? 'refresh' : 'skip-known';
}
