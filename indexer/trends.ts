import type { Client, estypes } from '@elastic/elasticsearch';
import type { DetectedLanguageCode } from '../core/languages.ts';
import { textKeyFor } from './article-mapping.ts';
import { indexNames } from './index-names.ts';
import type { BadQuery } from './search-query.ts';
import { type ArticleFilters, filterClauses, validateFilters } from './search-query.ts';

/** One period of a trend: articles per topic (or frame) and in all. */
export interface TrendBucket {
  /** Start of the period, ISO-8601 UTC. */
  readonly start: string;
  readonly total: number;
  readonly counts: Readonly<Record<string, number>>;
}

export interface TrendRequest extends ArticleFilters {
  readonly interval: 'day' | 'week' | 'month';
  /** Count by topic (topic_ids) or by portrayal frame (frames.id). */
  readonly by: 'topic' | 'frame';
}

/**
 * Articles per day, week or month and per topic or frame, over the filtered
 * articles (published_at), in the filter's time zone. For the dashboards'
 * trend charts and the digest's week-on-week change.
 */
export async function articleTrends(
  client: Client,
  prefix: string,
  request: TrendRequest,
): Promise<{ ok: true; buckets: TrendBucket[] } | BadQuery> {
  const valid = validateFilters(request);
  if (!valid.ok) return valid;
  const perKey: estypes.AggregationsAggregationContainer =
    request.by === 'topic'
      ? { terms: { field: 'topic_ids', size: 50 } }
      : {
          nested: { path: 'frames' },
          aggs: {
            keys: { terms: { field: 'frames.id', size: 50 }, aggs: { articles: { reverse_nested: {} } } },
          },
        };
  const response = await client.search({
    index: indexNames(prefix).articles,
    size: 0,
    query: { bool: { filter: filterClauses(request) } },
    aggs: {
      periods: {
        date_histogram: {
          field: 'published_at',
          calendar_interval: request.interval,
          time_zone: request.timeZone ?? 'UTC',
          min_doc_count: 0,
        },
        aggs: { keys: perKey },
      },
    },
    ignore_unavailable: true,
  });
  const periods = (response.aggregations?.periods as estypes.AggregationsDateHistogramAggregate | undefined)
    ?.buckets;
  const list = Array.isArray(periods) ? periods : [];
  return {
    ok: true,
    buckets: list.map((bucket) => ({
      start: new Date(Number(bucket.key)).toISOString(),
      total: bucket.doc_count,
      counts: countsOf(bucket, request.by),
    })),
  };
}

interface KeyBucket {
  readonly key: string;
  readonly doc_count: number;
  readonly articles?: { readonly doc_count: number };
}

function countsOf(
  bucket: estypes.AggregationsDateHistogramBucket,
  by: TrendRequest['by'],
): Record<string, number> {
  const container = bucket.keys as { buckets?: KeyBucket[]; keys?: { buckets?: KeyBucket[] } } | undefined;
  const keyBuckets = (by === 'topic' ? container?.buckets : container?.keys?.buckets) ?? [];
  // For frames, count articles (reverse_nested), not nested frame entries.
  return Object.fromEntries(keyBuckets.map((key) => [key.key, key.articles?.doc_count ?? key.doc_count]));
}

export interface NewTermsRequest extends ArticleFilters {
  /** The period whose words are compared with everything indexed (required). */
  readonly from: string;
  readonly to: string;
  /** One language: words are compared within a language's analysed text. */
  readonly language: DetectedLanguageCode;
  /** How many words; default 20, at most 100. */
  readonly size?: number;
}

export interface NewTerm {
  /** The word as analysed (stemmed), the way Elasticsearch indexed it. */
  readonly term: string;
  /** Articles of the period using it. */
  readonly articles: number;
  /** Articles of the whole index using it. */
  readonly background: number;
  readonly score: number;
}

/**
 * "What is new this week": words of one language that the period's articles
 * use far more than the whole archive does (significant_text over the
 * language's body field, duplicate paragraphs filtered). The words are stems.
 */
export async function newTerms(
  client: Client,
  prefix: string,
  request: NewTermsRequest,
): Promise<{ ok: true; terms: NewTerm[] } | BadQuery> {
  const valid = validateFilters(request);
  if (!valid.ok) return valid;
  const field = `body.${textKeyFor(request.language)}`;
  const response = await client.search({
    index: indexNames(prefix).articles,
    size: 0,
    query: { bool: { filter: filterClauses({ ...request, languages: [request.language] }) } },
    aggs: {
      sample: {
        sampler: { shard_size: 500 },
        aggs: {
          words: {
            significant_text: { field, size: Math.min(request.size ?? 20, 100), filter_duplicate_text: true },
          },
        },
      },
    },
    ignore_unavailable: true,
  });
  const words = (response.aggregations?.sample as { words?: { buckets?: SignificantBucket[] } } | undefined)
    ?.words;
  return {
    ok: true,
    terms: (words?.buckets ?? []).map((bucket) => ({
      term: String(bucket.key),
      articles: bucket.doc_count,
      background: bucket.bg_count,
      score: bucket.score,
    })),
  };
}

interface SignificantBucket {
  readonly key: string | number;
  readonly doc_count: number;
  readonly bg_count: number;
  readonly score: number;
}
