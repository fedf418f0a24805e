import { type Client, errors } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';

/** Elasticsearch's own indexing counters for the articles index (since its shards started). */
export interface IndexingStats {
  /** Index operations (each write of an article and its nested topics and frames counts once per document). */
  readonly operations: number;
  /** Time spent indexing, summed over the operations, in milliseconds. */
  readonly timeMs: number;
}

/**
 * Indexing counters of `<prefix>-articles` (primaries), for the /metrics
 * endpoint's index latency. Zeros when the index does not exist yet.
 */
export async function articleIndexingStats(client: Client, prefix: string): Promise<IndexingStats> {
  let response: Awaited<ReturnType<Client['indices']['stats']>>;
  try {
    response = await client.indices.stats({ index: indexNames(prefix).articles, metric: 'indexing' });
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404)
      return { operations: 0, timeMs: 0 };
    throw error;
  }
  const indexing = response._all.primaries?.indexing;
  return { operations: indexing?.index_total ?? 0, timeMs: indexing?.index_time_in_millis ?? 0 };
}
