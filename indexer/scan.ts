import type { Client, estypes } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';
import { type ArticleFilters, filterClauses, textQuery } from './search-query.ts';
import { type ArticleDocument, fromDocument, type IndexedArticle } from './to-document.ts';

export interface ScanRequest extends ArticleFilters {
  /** Simple query syntax; empty or absent = every article. */
  readonly query?: string;
  /** Articles per request; default 500. */
  readonly pageSize?: number;
  /** How long the point in time stays open between pages; default `2m`. */
  readonly keepAlive?: string;
}

/**
 * Every matching article, page by page, over a point in time with
 * `search_after`: a consistent snapshot however long the reader takes, and no
 * 10,000-hit window. In index order (`_shard_doc`), which is the cheapest;
 * for exports and migrations. The point in time is closed when the loop ends,
 * early or not. Filters are trusted here (validate user input first).
 */
export async function* scanArticles(
  client: Client,
  prefix: string,
  request: ScanRequest = {},
): AsyncGenerator<IndexedArticle> {
  const documents = scanDocuments(client, prefix, {
    query: { bool: { must: [textQuery(request.query ?? '')], filter: filterClauses(request) } },
    pageSize: request.pageSize ?? 500,
    keepAlive: request.keepAlive ?? '2m',
  });
  for await (const document of documents) yield fromDocument(document);
}

/**
 * The documents of `<prefix>-articles` that match a query, page by page over a
 * point in time with `search_after` (index order), optionally only some
 * `_source` fields. The loop every scan shares; the point in time is closed
 * when the loop ends, early or not.
 */
export async function* scanDocuments(
  client: Client,
  prefix: string,
  scan: {
    readonly query: estypes.QueryDslQueryContainer;
    readonly pageSize: number;
    readonly keepAlive: string;
    readonly sourceFields?: readonly string[];
  },
): AsyncGenerator<ArticleDocument> {
  const pit = await client.openPointInTime({
    index: indexNames(prefix).articles,
    keep_alive: scan.keepAlive,
    ignore_unavailable: true,
  });
  let pitId = pit.id;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<ArticleDocument>({
        pit: { id: pitId, keep_alive: scan.keepAlive },
        query: scan.query,
        sort: [{ _shard_doc: 'asc' }],
        size: scan.pageSize,
        track_total_hits: false,
        ...(scan.sourceFields === undefined ? {} : { _source: [...scan.sourceFields] }),
        ...(after === undefined ? {} : { search_after: after }),
      });
      pitId = response.pit_id ?? pitId;
      const hits = response.hits.hits;
      for (const hit of hits) {
        if (hit._source !== undefined) yield hit._source;
      }
      after = hits.at(-1)?.sort;
      if (hits.length < scan.pageSize || after === undefined) return;
    }
  } finally {
    await client.closePointInTime({ id: pitId }).catch(() => {});
  }
}
