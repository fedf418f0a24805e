import type { Client, estypes } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';
import type { FacetBucket } from './search.ts';
import { type ArticleFilters, filterClauses, textQuery } from './search-query.ts';

/** Every field an analyst can count and filter articles by. */
export const FACET_NAMES = [
  'languages',
  'topics',
  'sources',
  'countries',
  'organisations',
  'places',
  'frames',
] as const;
export type FacetName = (typeof FACET_NAMES)[number];

/** Counts of matching articles per value of each facet, most frequent first. */
export type ArticleFacets = Readonly<Record<FacetName, readonly FacetBucket[]>>;

export interface FacetRequest extends ArticleFilters {
  /** Simple query syntax; empty or absent = every article. */
  readonly query?: string;
  /** Buckets per facet; default 50, at most 500. */
  readonly size?: number;
  /** Only these facets; default all. */
  readonly facets?: readonly FacetName[];
}

const FIELDS: Readonly<Record<Exclude<FacetName, 'frames'>, string>> = {
  languages: 'language.code',
  topics: 'topic_ids',
  sources: 'source.id',
  countries: 'source.country',
  organisations: 'organisations.id',
  places: 'places.id',
};

/**
 * Article counts per language, topic, source, country, organisation, place
 * and frame over the articles a query and filters match (one size-0 search).
 * Frames are nested: they are counted as articles (reverse_nested), not as
 * frame entries. Filters and query are trusted here: validate user input first
 * (validateFilters). No index yet counts nothing.
 */
export async function articleFacets(
  client: Client,
  prefix: string,
  request: FacetRequest = {},
): Promise<ArticleFacets> {
  const size = Math.min(Math.max(request.size ?? 50, 1), 500);
  const wanted = request.facets ?? FACET_NAMES;
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const name of wanted) {
    aggs[name] =
      name === 'frames'
        ? {
            nested: { path: 'frames' },
            aggs: {
              keys: { terms: { field: 'frames.id', size }, aggs: { articles: { reverse_nested: {} } } },
            },
          }
        : { terms: { field: FIELDS[name], size } };
  }
  const response = await client.search({
    index: indexNames(prefix).articles,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 0,
    track_total_hits: false,
    // Counting needs no scores: the text query runs in filter context (cheaper, and cacheable).
    query: { bool: { filter: [textQuery(request.query ?? ''), ...filterClauses(request)] } },
    aggs,
  });
  const result = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as FacetBucket[]])) as Record<
    FacetName,
    FacetBucket[]
  >;
  for (const name of wanted) result[name] = readBuckets(response.aggregations?.[name], name === 'frames');
  return result;
}

interface KeyBucket {
  readonly key: string | number;
  readonly doc_count: number;
  readonly articles?: { readonly doc_count: number };
}

function readBuckets(aggregate: estypes.AggregationsAggregate | undefined, nested: boolean): FacetBucket[] {
  const container = aggregate as { buckets?: KeyBucket[]; keys?: { buckets?: KeyBucket[] } } | undefined;
  const buckets = (nested ? container?.keys?.buckets : container?.buckets) ?? [];
  return buckets
    .map((bucket) => ({ key: String(bucket.key), count: bucket.articles?.doc_count ?? bucket.doc_count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
