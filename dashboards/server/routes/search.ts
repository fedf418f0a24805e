import type { FastifyInstance } from 'fastify';
import { articleFacets, type FacetRequest } from '../../../indexer/facets.ts';
import { type SearchHit, type SearchRequest, searchArticles } from '../../../indexer/index.ts';
import type { ApiSearchHit, ApiSearchResponse } from '../../api-types.ts';
import type { DashboardDeps } from '../deps.ts';
import { badRequest } from '../errors.ts';
import { segmentsFromHighlight } from '../highlight.ts';
import { parseSearchParams, type QueryParams } from '../search-params.ts';

/** Buckets per facet in the search page's filter lists. */
const FACET_SIZE = 30;

/**
 * GET /api/search: one page of hits (highlights as plain-text segments) and
 * the facet counts over every match, in parallel.
 */
export function registerSearchRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings } = deps;
  app.get<{ Querystring: QueryParams }>('/api/search', async (request): Promise<ApiSearchResponse> => {
    const parsed = parseSearchParams(request.query, settings.timeZone);
    if (!parsed.ok) throw badRequest(parsed.message);
    const search = parsed.value;
    const [result, facets] = await Promise.all([
      searchArticles(client, settings.indexPrefix, { ...search, facets: false, highlight: true }),
      articleFacets(client, settings.indexPrefix, facetRequest(search)),
    ]);
    if (!result.ok) throw badRequest(result.message);
    return {
      total: result.total,
      hits: result.hits.map(toApiHit),
      facets,
      nextCursor: result.nextCursor,
      tookMs: result.tookMs,
    };
  });
}

function facetRequest(search: SearchRequest): FacetRequest {
  const { facets: _facets, highlight: _highlight, searchAfter: _after, sort: _sort, ...filters } = search;
  return { ...filters, size: FACET_SIZE };
}

function toApiHit(hit: SearchHit): ApiSearchHit {
  return {
    id: hit.id,
    url: hit.url,
    title: segmentsFromHighlight(hit.highlightedTitle),
    snippets: hit.highlights.map(segmentsFromHighlight),
    lead: hit.lead,
    source: hit.source,
    publishedAt: hit.publishedAt,
    language: hit.language,
    topicIds: hit.topicIds,
    storyId: hit.storyId,
  };
}
