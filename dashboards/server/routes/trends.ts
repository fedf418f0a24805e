import type { FastifyInstance } from 'fastify';
import type { PressmonConfig } from '../../../config/types.ts';
import { ANALYSED_LANGUAGES } from '../../../indexer/article-mapping.ts';
import { articleFacets } from '../../../indexer/facets.ts';
import { articleTrends, countArticles, type FacetBucket, newTerms } from '../../../indexer/index.ts';
import type { ApiBreakdown, ApiNewTerms, ApiTrends } from '../../api-types.ts';
import type { DashboardDeps } from '../deps.ts';
import { badRequest } from '../errors.ts';
import { parseFilterParams, type QueryParams, single } from '../search-params.ts';

const INTERVALS = ['day', 'week', 'month'] as const;
const BY = ['topic', 'frame'] as const;
/** Rows of the outlet, organisation and place tables. */
const BREAKDOWN_SIZE = 100;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * GET /api/trends (articles per period and topic or frame), GET /api/breakdown
 * (share of voice per outlet, organisations with coalition members first,
 * places) and GET /api/new-terms (words new this week in one language).
 */
export function registerTrendRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings, config } = deps;
  const prefix = settings.indexPrefix;

  app.get<{ Querystring: QueryParams }>('/api/trends', async (request): Promise<ApiTrends> => {
    const filters = parseFilterParams(request.query, settings.timeZone);
    if (!filters.ok) throw badRequest(filters.message);
    const interval = choice(request.query, 'interval', INTERVALS, 'week');
    const by = choice(request.query, 'by', BY, 'topic');
    const result = await articleTrends(client, prefix, { ...filters.value, interval, by });
    if (!result.ok) throw badRequest(result.message);
    return { interval, by, buckets: result.buckets };
  });

  app.get<{ Querystring: QueryParams }>('/api/breakdown', async (request): Promise<ApiBreakdown> => {
    const filters = parseFilterParams(request.query, settings.timeZone);
    if (!filters.ok) throw badRequest(filters.message);
    const query = single(request.query, 'q');
    if (!query.ok) throw badRequest(query.message);
    const asked = { ...filters.value, query: query.value ?? '' };
    const [total, facets] = await Promise.all([
      countArticles(client, prefix, asked),
      articleFacets(client, prefix, {
        ...asked,
        size: BREAKDOWN_SIZE,
        facets: ['sources', 'organisations', 'places'],
      }),
    ]);
    return {
      total,
      sources: facets.sources,
      organisations: coalitionFirst(facets.organisations, config),
      places: facets.places,
    };
  });

  app.get<{ Querystring: QueryParams }>('/api/new-terms', async (request): Promise<ApiNewTerms> => {
    const filters = parseFilterParams(request.query, settings.timeZone);
    if (!filters.ok) throw badRequest(filters.message);
    const language = single(request.query, 'language');
    if (!language.ok) throw badRequest(language.message);
    const code = ANALYSED_LANGUAGES.find((candidate) => candidate === language.value);
    if (code === undefined) {
      throw badRequest(
        `language must be one of ${ANALYSED_LANGUAGES.join(', ')}, got "${language.value ?? ''}"`,
      );
    }
    const to = filters.value.to ?? new Date().toISOString().slice(0, 10);
    const from = filters.value.from ?? new Date(Date.parse(to) - 6 * DAY_MS).toISOString().slice(0, 10);
    const result = await newTerms(client, prefix, { ...filters.value, from, to, language: code, size: 30 });
    if (!result.ok) throw badRequest(result.message);
    return { language: code, from, to, terms: result.terms };
  });
}

/** Coalition members first (most mentioned first within each group). */
export function coalitionFirst(buckets: readonly FacetBucket[], config: PressmonConfig): FacetBucket[] {
  const members = new Set(
    config.organisations.filter((organisation) => organisation.kind === 'coalition-member').map((o) => o.id),
  );
  const rank = (bucket: FacetBucket): number => (members.has(bucket.key) ? 0 : 1);
  return [...buckets].sort((a, b) => rank(a) - rank(b) || b.count - a.count || a.key.localeCompare(b.key));
}

function choice<T extends string>(params: QueryParams, name: string, allowed: readonly T[], fallback: T): T {
  const value = single(params, name);
  if (!value.ok) throw badRequest(value.message);
  if (value.value === undefined || value.value === '') return fallback;
  const found = allowed.find((candidate) => candidate === value.value);
  if (found === undefined)
    throw badRequest(`${name} must be one of ${allowed.join(', ')}, got "${value.value}"`);
  return found;
}
