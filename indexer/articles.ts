import { type Client, errors } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';
import { type ArticleFilters, filterClauses, textQuery } from './search-query.ts';
import { type ArticleDocument, fromDocument, type IndexedArticle } from './to-document.ts';

/**
 * How many articles match a query (simple query syntax, empty = all) and
 * filters. Filters are trusted here (validate user input with validateFilters).
 * No index yet counts 0.
 */
export async function countArticles(
  client: Client,
  prefix: string,
  request: ArticleFilters & { readonly query?: string } = {},
): Promise<number> {
  const response = await client.count({
    index: indexNames(prefix).articles,
    ignore_unavailable: true,
    allow_no_indices: true,
    query: { bool: { must: [textQuery(request.query ?? '')], filter: filterClauses(request) } },
  });
  return response.count;
}

/** One article by id (Article.id), with the indexer's times; null when the index does not hold it. */
export async function getArticle(client: Client, prefix: string, id: string): Promise<IndexedArticle | null> {
  try {
    const response = await client.get<ArticleDocument>({ index: indexNames(prefix).articles, id });
    return response.found && response._source !== undefined ? fromDocument(response._source) : null;
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
    throw error;
  }
}

/**
 * Whether the index holds an article (the crawler's "already known" check).
 * When Elasticsearch does not answer this says false: the article is then
 * fetched and processed again, and its write is spooled, so nothing is lost.
 */
export async function articleExists(client: Client, prefix: string, id: string): Promise<boolean> {
  try {
    return await client.exists({ index: indexNames(prefix).articles, id });
  } catch {
    return false;
  }
}

/** What the crawler needs to know of an indexed article: its publication time and when it was first fetched. */
export interface KnownArticleDates {
  readonly publishedAt: string | null;
  readonly firstSeenAt: string;
}

/**
 * Which of these article ids the index holds, with their dates, in one
 * request per 1000 ids (the crawler's incremental check and `refreshHours`).
 * When Elasticsearch does not answer, none is known: the articles are then
 * fetched again and their writes spooled, so nothing is lost.
 */
export async function knownArticles(
  client: Client,
  prefix: string,
  ids: readonly string[],
): Promise<Map<string, KnownArticleDates>> {
  const known = new Map<string, KnownArticleDates>();
  for (let start = 0; start < ids.length; start += 1000) {
    try {
      const response = await client.mget<Partial<ArticleDocument>>({
        index: indexNames(prefix).articles,
        ids: ids.slice(start, start + 1000),
        _source_includes: ['published_at', 'first_seen_at', 'fetched_at'],
      });
      for (const doc of response.docs) {
        if (!('found' in doc) || !doc.found || doc._source === undefined) continue;
        const source = doc._source;
        known.set(doc._id, {
          publishedAt: source.published_at ?? null,
          firstSeenAt: source.first_seen_at ?? source.fetched_at ?? new Date(0).toISOString(),
        });
      }
    } catch {
      // unreachable or no index yet: treat as unknown
    }
  }
  return known;
}
