import type { FastifyInstance } from 'fastify';
import {
  createSavedSearch,
  deleteSavedSearch,
  getSavedSearch,
  listSavedSearches,
  type SavedSearch,
  type SavedSearchRequest,
  updateSavedSearch,
} from '../../../indexer/saved-searches.ts';
import type { DashboardDeps } from '../deps.ts';
import { badRequest, notFound } from '../errors.ts';
import { parseSearchParams, queryParamsOf, toSearchParams } from '../search-params.ts';

/** A saved search as the API shows it, with its search as URL parameters. */
export interface ApiSavedSearch extends SavedSearch {
  readonly params: string;
}

const NAME = { type: 'string', minLength: 1, maxLength: 200 } as const;
const SEARCH = { type: 'string', maxLength: 4000 } as const;
const CREATE_BODY = {
  type: 'object',
  required: ['name', 'search'],
  additionalProperties: false,
  properties: { name: NAME, search: SEARCH, includeInDigest: { type: 'boolean' } },
} as const;
const UPDATE_BODY = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: { name: NAME, search: SEARCH, includeInDigest: { type: 'boolean' } },
} as const;
const ID = {
  type: 'object',
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
} as const;

/**
 * The current user's saved searches: list, create, change (name, search, and
 * whether new matches go into their weekly digest), delete. Another user's
 * saved search is answered as not found.
 */
export function registerSavedSearchRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings } = deps;
  const prefix = settings.indexPrefix;
  const userOf = (
    user: { name: string; email: string | null } | null,
  ): { name: string; email: string | null } => {
    if (user === null) throw new Error('saved searches: route reached without a user');
    return user;
  };
  const readSearch = (search: string): SavedSearchRequest => {
    const parsed = parseSearchParams(queryParamsOf(search), settings.timeZone);
    if (!parsed.ok) throw badRequest(parsed.message);
    const {
      size: _size,
      searchAfter: _after,
      facets: _facets,
      highlight: _highlight,
      timeZone: _zone,
      ...request
    } = parsed.value;
    return request;
  };
  const owned = async (id: string, owner: string): Promise<SavedSearch> => {
    const saved = await getSavedSearch(client, prefix, id);
    if (saved === null || saved.owner !== owner) throw notFound(`no saved search ${id}`);
    return saved;
  };

  app.get('/api/saved-searches', async (request): Promise<ApiSavedSearch[]> => {
    const user = userOf(request.user);
    return (await listSavedSearches(client, prefix, user.name)).map(withParams);
  });

  app.post<{ Body: { name: string; search: string; includeInDigest?: boolean } }>(
    '/api/saved-searches',
    { schema: { body: CREATE_BODY } },
    async (request, reply) => {
      const user = userOf(request.user);
      const includeInDigest = request.body.includeInDigest ?? false;
      if (includeInDigest && user.email === null) {
        throw badRequest(
          'a digest needs an e-mail address: add one to your entry in PRESSMON_DASHBOARD_USERS',
        );
      }
      const saved = await createSavedSearch(client, prefix, {
        name: request.body.name.trim(),
        owner: user.name,
        ownerEmail: user.email,
        includeInDigest,
        request: readSearch(request.body.search),
      });
      return reply.code(201).send(withParams(saved));
    },
  );

  app.patch<{ Params: { id: string }; Body: { name?: string; search?: string; includeInDigest?: boolean } }>(
    '/api/saved-searches/:id',
    { schema: { body: UPDATE_BODY, params: ID } },
    async (request): Promise<ApiSavedSearch> => {
      const user = userOf(request.user);
      await owned(request.params.id, user.name);
      const { name, search, includeInDigest } = request.body;
      if (includeInDigest === true && user.email === null) {
        throw badRequest(
          'a digest needs an e-mail address: add one to your entry in PRESSMON_DASHBOARD_USERS',
        );
      }
      const updated = await updateSavedSearch(client, prefix, request.params.id, {
        ...(name === undefined ? {} : { name: name.trim() }),
        ...(search === undefined ? {} : { request: readSearch(search) }),
        ...(includeInDigest === undefined ? {} : { includeInDigest }),
        ownerEmail: user.email,
      });
      if (updated === null) throw notFound(`no saved search ${request.params.id}`);
      return withParams(updated);
    },
  );

  app.delete<{ Params: { id: string } }>(
    '/api/saved-searches/:id',
    { schema: { params: ID } },
    async (request, reply) => {
      const user = userOf(request.user);
      await owned(request.params.id, user.name);
      await deleteSavedSearch(client, prefix, request.params.id);
      return reply.code(204).send();
    },
  );
}

function withParams(saved: SavedSearch): ApiSavedSearch {
  return { ...saved, params: toSearchParams(saved.request) };
}
