import { type Client, errors, type estypes } from '@elastic/elasticsearch';
import type { CountryCode } from '../config/types.ts';
import { TEXT_KEYS } from './article-mapping.ts';
import { describeEsError } from './ensure-indices.ts';
import { indexNames } from './index-names.ts';
import {
  type BadQuery,
  badQuery,
  decodeCursor,
  encodeCursor,
  filterClauses,
  type SearchRequest,
  searchSort,
  textQuery,
  validateSearchRequest,
} from './search-query.ts';
import { type ArticleDocument, pickText } from './to-document.ts';

/** One hit: what a result list shows, without the body. */
export interface SearchHit {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly lead: string | null;
  readonly source: { readonly id: string; readonly name: string; readonly country: CountryCode };
  readonly publishedAt: string | null;
  /** Detected language code (`ro`, `pl`, …, `und`). */
  readonly language: string;
  readonly topicIds: readonly string[];
  readonly relevance: number;
  readonly isMigrationRelated: boolean;
  readonly storyId: string;
  /** Relevance score; null when sorted by date. */
  readonly score: number | null;
  /** The title as HTML: escaped, with matched words in `<em>`. */
  readonly highlightedTitle: string;
  /** Body fragments as HTML: escaped, with matched words in `<em>`; empty when highlight is off. */
  readonly highlights: readonly string[];
}

export interface FacetBucket {
  readonly key: string;
  readonly count: number;
}

export interface SearchFacets {
  readonly languages: readonly FacetBucket[];
  readonly topics: readonly FacetBucket[];
  readonly sources: readonly FacetBucket[];
  readonly countries: readonly FacetBucket[];
}

export interface SearchResponse {
  readonly ok: true;
  /** Exact number of matching articles. */
  readonly total: number;
  readonly hits: readonly SearchHit[];
  /** Counts over every match (the filters applied); null unless asked for. */
  readonly facets: SearchFacets | null;
  /** Pass as `searchAfter` for the next page; null on the last page. */
  readonly nextCursor: string | null;
  readonly tookMs: number;
}

const FACET_FIELDS = {
  languages: ['language.code', 20],
  topics: ['topic_ids', 50],
  sources: ['source.id', 100],
  countries: ['source.country', 10],
} as const satisfies Record<keyof SearchFacets, readonly [string, number]>;

/**
 * Full-text search over `<prefix>-articles` (search-query.ts builds the query).
 * A request that cannot run (validation, or a 400 from Elasticsearch such as
 * a prefix that expands to too many terms) comes back as `bad-query` with a
 * message for the user, never as a thrown error. No index yet means no hits.
 * @throws the client's error when Elasticsearch does not answer (a real failure).
 */
export async function searchArticles(
  client: Client,
  prefix: string,
  request: SearchRequest,
): Promise<SearchResponse | BadQuery> {
  const valid = validateSearchRequest(request);
  if (!valid.ok) return valid;
  const highlight = request.highlight ?? true;
  const after = request.searchAfter === undefined ? null : decodeCursor(request.searchAfter);
  let response: estypes.SearchResponse<ArticleDocument, Record<string, estypes.AggregationsAggregate>>;
  try {
    response = await client.search<ArticleDocument, Record<string, estypes.AggregationsAggregate>>({
      index: indexNames(prefix).articles,
      ignore_unavailable: true,
      allow_no_indices: true,
      query: { bool: { must: [textQuery(request.query)], filter: filterClauses(request) } },
      sort: searchSort(request.sort),
      size: request.size,
      track_total_hits: true,
      track_scores: request.sort === 'relevance',
      _source: { excludes: ['body', 'topics', 'frames', 'document_hash'] },
      ...(after === null ? {} : { search_after: after }),
      ...(highlight ? { highlight: highlightRequest() } : {}),
      ...(request.facets === true ? { aggs: facetAggregations() } : {}),
    });
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 400) {
      return badQuery(`Elasticsearch could not run this search: ${describeEsError(error)}`);
    }
    throw error;
  }
  const hits = response.hits.hits.map((hit) => toSearchHit(hit, request.sort === 'relevance'));
  const last = response.hits.hits.at(-1);
  const total = response.hits.total;
  return {
    ok: true,
    total: typeof total === 'number' ? total : (total?.value ?? 0),
    hits,
    facets: request.facets === true ? readFacets(response.aggregations) : null,
    nextCursor:
      last?.sort !== undefined && response.hits.hits.length === request.size ? encodeCursor(last.sort) : null,
    tookMs: response.took,
  };
}

/**
 * Highlighting with the html encoder: the text is escaped before `<em>` marks
 * are added, so a title with `<script>` comes back as `&lt;script&gt;`. Each
 * language key highlights matches of its stemmed and folded fields together
 * (`matched_fields`); a document fills one key, so one field answers.
 */
function highlightRequest(): estypes.SearchHighlight {
  const fields: Record<string, estypes.SearchHighlightField> = {};
  for (const key of TEXT_KEYS) {
    fields[`title.${key}`] = {
      matched_fields: [`title.${key}`, `title.${key}.folded`],
      number_of_fragments: 0,
    };
    fields[`body.${key}`] = {
      matched_fields: [`body.${key}`, `body.${key}.folded`],
      fragment_size: 160,
      number_of_fragments: 3,
    };
  }
  return { encoder: 'html', type: 'unified', pre_tags: ['<em>'], post_tags: ['</em>'], fields };
}

function facetAggregations(): Record<string, estypes.AggregationsAggregationContainer> {
  const aggs: Record<string, estypes.AggregationsAggregationContainer> = {};
  for (const [name, [field, size]] of Object.entries(FACET_FIELDS)) aggs[name] = { terms: { field, size } };
  return aggs;
}

function readFacets(aggregations: Record<string, estypes.AggregationsAggregate> | undefined): SearchFacets {
  const read = (name: keyof SearchFacets): FacetBucket[] => {
    const agg = aggregations?.[name] as estypes.AggregationsStringTermsAggregate | undefined;
    const buckets = Array.isArray(agg?.buckets) ? agg.buckets : [];
    return buckets.map((bucket) => ({ key: String(bucket.key), count: bucket.doc_count }));
  };
  return {
    languages: read('languages'),
    topics: read('topics'),
    sources: read('sources'),
    countries: read('countries'),
  };
}

function toSearchHit(hit: estypes.SearchHit<ArticleDocument>, withScore: boolean): SearchHit {
  const doc = hit._source;
  if (doc === undefined) throw new Error(`search: hit ${hit._id ?? '?'} has no _source`);
  const title = pickText(doc.title) ?? '';
  const highlight = hit.highlight ?? {};
  const titleFragments = TEXT_KEYS.map((key) => highlight[`title.${key}`]).find(
    (value) => value !== undefined,
  );
  const bodyFragments = TEXT_KEYS.map((key) => highlight[`body.${key}`]).find((value) => value !== undefined);
  return {
    id: doc.id,
    url: doc.url,
    title,
    lead: doc.lead === undefined ? null : (pickText(doc.lead) ?? null),
    source: doc.source,
    publishedAt: doc.published_at,
    language: doc.language.code,
    topicIds: doc.topic_ids,
    relevance: doc.relevance,
    isMigrationRelated: doc.is_migration_related,
    storyId: doc.dedup.story_id,
    score: withScore ? (hit._score ?? null) : null,
    highlightedTitle: titleFragments?.[0] ?? escapeHtml(title),
    highlights: bodyFragments ?? [],
  };
}

/** Escapes text the way the html highlight encoder does. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'/]/g, (char) => HTML_ESCAPES[char] ?? char);
}

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#x27;',
  '/': '&#x2F;',
};
