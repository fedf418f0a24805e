import {
  type ArticleFilters,
  type BadQuery,
  MAX_SEARCH_SIZE,
  type SearchRequest,
  validateFilters,
  validateSearchRequest,
} from '../../indexer/index.ts';
import { FILTER_PARAMS } from '../search-param-names.ts';

/** A URL query string as Fastify parses it: a repeated key becomes a list. */
export type QueryParams = Readonly<Record<string, string | readonly string[] | undefined>>;

export { FILTER_PARAMS };

export const DEFAULT_PAGE_SIZE = 20;

type Parsed<T> = { readonly ok: true; readonly value: T } | BadQuery;

/** Reads the filters (`lang`, `topic`, …, `from`, `to`) of a query string, validated. */
export function parseFilterParams(params: QueryParams, timeZone: string): Parsed<ArticleFilters> {
  const filters: Record<string, unknown> = {};
  for (const [param, field] of Object.entries(FILTER_PARAMS)) {
    const values = listParam(params[param]);
    if (values.length > 0) filters[field] = values;
  }
  for (const name of ['from', 'to'] as const) {
    const value = single(params, name);
    if (!value.ok) return value;
    if (value.value !== undefined && value.value !== '') filters[name] = value.value;
  }
  filters.timeZone = timeZone;
  const valid = validateFilters(filters as ArticleFilters);
  return valid.ok ? { ok: true, value: filters as ArticleFilters } : valid;
}

/** Reads a whole search (`q`, `sort`, `size`, `after` and the filters) of a query string, validated. */
export function parseSearchParams(params: QueryParams, timeZone: string): Parsed<SearchRequest> {
  const filters = parseFilterParams(params, timeZone);
  if (!filters.ok) return filters;
  const fields: Record<string, string | undefined> = {};
  for (const name of ['q', 'sort', 'size', 'after'] as const) {
    const value = single(params, name);
    if (!value.ok) return value;
    fields[name] = value.value;
  }
  const query = fields.q ?? '';
  const sort = fields.sort ?? (query.trim() === '' ? 'date' : 'relevance');
  const size = fields.size === undefined ? DEFAULT_PAGE_SIZE : Number(fields.size);
  if (fields.size !== undefined && !/^\d{1,3}$/.test(fields.size)) {
    return badQuery(`size must be a whole number from 1 to ${MAX_SEARCH_SIZE}, got "${fields.size}"`);
  }
  const request: SearchRequest = {
    ...filters.value,
    query,
    sort: sort as SearchRequest['sort'],
    size,
    ...(fields.after === undefined || fields.after === '' ? {} : { searchAfter: fields.after }),
  };
  const valid = validateSearchRequest(request);
  return valid.ok ? { ok: true, value: request } : valid;
}

/** A parameter given at most once. */
export function single(params: QueryParams, name: string): Parsed<string | undefined> {
  const value = params[name];
  if (Array.isArray(value)) return badQuery(`${name} may be given only once`);
  return { ok: true, value: value as string | undefined };
}

function listParam(value: string | readonly string[] | undefined): string[] {
  if (value === undefined) return [];
  const list = typeof value === 'string' ? [value] : [...value];
  return list.filter((item) => item !== '');
}

export function badQuery(message: string): BadQuery {
  return { ok: false, error: 'bad-query', message };
}

/** A search's URL parameters (the inverse of parseSearchParams, without page and size). */
export function toSearchParams(request: ArticleFilters & { query: string; sort: string }): string {
  const params = new URLSearchParams();
  if (request.query !== '') params.set('q', request.query);
  params.set('sort', request.sort);
  for (const [param, field] of Object.entries(FILTER_PARAMS)) {
    for (const value of request[field] ?? []) params.append(param, value);
  }
  if (request.from !== undefined) params.set('from', request.from);
  if (request.to !== undefined) params.set('to', request.to);
  return params.toString();
}

/** A query string (`q=…&lang=ro`) as Fastify would parse it. */
export function queryParamsOf(search: string): QueryParams {
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(search)) {
    const previous = params[key];
    params[key] =
      previous === undefined ? value : [...(Array.isArray(previous) ? previous : [previous]), value];
  }
  return params;
}
