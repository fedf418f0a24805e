import type { estypes } from '@elastic/elasticsearch';
import { TEXT_FIELDS, TEXT_KEYS, type TextField } from './article-mapping.ts';

/** Filters shared by search, count and scan. Values within one filter are alternatives (OR). */
export interface ArticleFilters {
  readonly languages?: readonly string[];
  readonly topics?: readonly string[];
  readonly sources?: readonly string[];
  readonly countries?: readonly string[];
  /** Organisations mentioned (organisations.yaml ids). */
  readonly organisations?: readonly string[];
  /** Places mentioned (places.yaml ids). */
  readonly places?: readonly string[];
  /** Portrayal frames (frames.yaml ids). */
  readonly frames?: readonly string[];
  /** Published on or after: `YYYY-MM-DD` (start of that day) or an ISO-8601 time. */
  readonly from?: string;
  /** Published on or before: `YYYY-MM-DD` (the whole day) or an ISO-8601 time. */
  readonly to?: string;
  /** Time zone of date-only `from`/`to` (IANA name); default UTC. */
  readonly timeZone?: string;
}

/** A search as readers ask it (CLI, dashboards, digest). */
export interface SearchRequest extends ArticleFilters {
  /**
   * Simple query syntax: words are all required, `"a phrase"`, `-exclude`,
   * `a | b`, `prefix*`, `( … )`. Empty means every article (filters only).
   */
  readonly query: string;
  readonly sort: 'relevance' | 'date';
  /** Hits per page, 1..100. */
  readonly size: number;
  /** `nextCursor` of the previous page. */
  readonly searchAfter?: string;
  /** Counts per language, topic, source and country; default false. */
  readonly facets?: boolean;
  /** HTML-escaped fragments with `<em>` marks; default true. */
  readonly highlight?: boolean;
}

/** A request that cannot be run, as a value: say what is wrong, never a 500. */
export interface BadQuery {
  readonly ok: false;
  readonly error: 'bad-query';
  readonly message: string;
}

export const MAX_SEARCH_SIZE = 100;
export const MAX_QUERY_LENGTH = 2_000;
const MAX_FILTER_VALUES = 100;
const CODE = /^[a-z]{2,3}$/;
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Checks a request before it reaches Elasticsearch: size 1..100, a sort that
 * exists, filter values that look like codes and ids, real dates in order, a
 * cursor this module wrote. Returns the first problem as a `bad-query`.
 */
export function validateSearchRequest(request: SearchRequest): { readonly ok: true } | BadQuery {
  if (typeof request.query !== 'string') return badQuery('query must be a string');
  if (request.query.length > MAX_QUERY_LENGTH) {
    return badQuery(`query is too long (${request.query.length} characters, at most ${MAX_QUERY_LENGTH})`);
  }
  if (request.sort !== 'relevance' && request.sort !== 'date') {
    return badQuery(`sort must be "relevance" or "date", got "${String(request.sort)}"`);
  }
  if (!Number.isInteger(request.size) || request.size < 1 || request.size > MAX_SEARCH_SIZE) {
    return badQuery(`size must be a whole number from 1 to ${MAX_SEARCH_SIZE}, got ${String(request.size)}`);
  }
  const filters = validateFilters(request);
  if (!filters.ok) return filters;
  if (request.searchAfter !== undefined && decodeCursor(request.searchAfter) === null) {
    return badQuery('searchAfter is not a cursor returned by a previous search (nextCursor)');
  }
  return { ok: true };
}

/** Checks the filters (codes, ids, dates, time zone). */
export function validateFilters(filters: ArticleFilters): { readonly ok: true } | BadQuery {
  const lists: readonly [string, readonly string[] | undefined, RegExp][] = [
    ['languages', filters.languages, CODE],
    ['countries', filters.countries, CODE],
    ['topics', filters.topics, ID],
    ['sources', filters.sources, ID],
    ['organisations', filters.organisations, ID],
    ['places', filters.places, ID],
    ['frames', filters.frames, ID],
  ];
  for (const [name, values, pattern] of lists) {
    if (values === undefined) continue;
    if (!Array.isArray(values) || values.length > MAX_FILTER_VALUES) {
      return badQuery(`${name} must be a list of at most ${MAX_FILTER_VALUES} values`);
    }
    const wrong = values.find((value) => typeof value !== 'string' || !pattern.test(value));
    if (wrong !== undefined) return badQuery(`${name}: "${String(wrong)}" is not a valid value`);
  }
  for (const name of ['from', 'to'] as const) {
    const value = filters[name];
    if (value !== undefined && !isValidDate(value)) {
      return badQuery(`${name} must be a date (YYYY-MM-DD) or an ISO-8601 time, got "${value}"`);
    }
  }
  if (
    filters.from !== undefined &&
    filters.to !== undefined &&
    Date.parse(filters.from) > Date.parse(filters.to)
  ) {
    return badQuery(`from (${filters.from}) is after to (${filters.to})`);
  }
  if (filters.timeZone !== undefined && !isTimeZone(filters.timeZone)) {
    return badQuery(`timeZone must be an IANA time zone such as Europe/Bucharest, got "${filters.timeZone}"`);
  }
  return { ok: true };
}

/** The filter clauses of the filters (exact keyword terms and a published_at range). */
export function filterClauses(filters: ArticleFilters): estypes.QueryDslQueryContainer[] {
  const clauses: estypes.QueryDslQueryContainer[] = [];
  const terms: readonly [string, readonly string[] | undefined][] = [
    ['language.code', filters.languages],
    ['topic_ids', filters.topics],
    ['source.id', filters.sources],
    ['source.country', filters.countries],
    ['organisations.id', filters.organisations],
    ['places.id', filters.places],
  ];
  for (const [field, values] of terms) {
    if (values !== undefined && values.length > 0) clauses.push({ terms: { [field]: [...values] } });
  }
  // Frames are nested documents: a term on frames.id must be asked inside them.
  if (filters.frames !== undefined && filters.frames.length > 0) {
    clauses.push({ nested: { path: 'frames', query: { terms: { 'frames.id': [...filters.frames] } } } });
  }
  if (filters.from !== undefined || filters.to !== undefined) {
    const range: estypes.QueryDslDateRangeQuery = {};
    if (filters.from !== undefined) range.gte = filters.from;
    // A date-only `to` means the whole day: round up to its last millisecond.
    if (filters.to !== undefined) range.lte = DATE_ONLY.test(filters.to) ? `${filters.to}||/d` : filters.to;
    if (filters.timeZone !== undefined) range.time_zone = filters.timeZone;
    clauses.push({ range: { published_at: range } });
  }
  return clauses;
}

/** Boost of a text field; the folded subfield (diacritics ignored) weighs a little less. */
const FIELD_BOOSTS: Readonly<Record<TextField, number>> = { title: 3, lead: 2, body: 1 };
const FOLDED_FACTOR = 0.7;

/** The fields a user's query may reach, with boosts: every language key of title, lead and body. */
export function searchFields(): string[] {
  return TEXT_FIELDS.flatMap((field) =>
    TEXT_KEYS.flatMap((key) => [
      `${field}.${key}^${FIELD_BOOSTS[field]}`,
      `${field}.${key}.folded^${Math.round(FIELD_BOOSTS[field] * FOLDED_FACTOR * 10) / 10}`,
    ]),
  );
}

/**
 * The full-text part of a search. User text only ever goes to
 * simple_query_string (never query_string): it has no field syntax, no
 * scripts, no regexps, and it does not fail on broken syntax (an unclosed
 * quote or parenthesis is read as plain words). Fuzzy and slop operators are off.
 */
export function textQuery(query: string): estypes.QueryDslQueryContainer {
  if (query.trim() === '') return { match_all: {} };
  return {
    simple_query_string: {
      query,
      fields: searchFields(),
      default_operator: 'and',
      flags: 'AND|OR|NOT|PHRASE|PREFIX|PRECEDENCE|WHITESPACE|ESCAPE',
      lenient: true,
    },
  };
}

/** The sort of a search; the `id` keyword breaks ties so that `search_after` pages are stable. */
export function searchSort(sort: SearchRequest['sort']): estypes.SortCombinations[] {
  const byDate: estypes.SortCombinations = { published_at: { order: 'desc', missing: '_last' } };
  const tieBreak: estypes.SortCombinations = { id: { order: 'asc' } };
  return sort === 'relevance' ? ['_score', byDate, tieBreak] : [byDate, tieBreak];
}

/** An opaque page cursor: the sort values of the last hit, base64url JSON. */
export function encodeCursor(sortValues: readonly estypes.FieldValue[]): string {
  return Buffer.from(JSON.stringify(sortValues), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): estypes.FieldValue[] | null {
  try {
    const values: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (!Array.isArray(values) || values.length < 2 || values.length > 3) return null;
    const ok = values.every((value) => value === null || ['string', 'number'].includes(typeof value));
    return ok ? (values as estypes.FieldValue[]) : null;
  } catch {
    return null;
  }
}

export function badQuery(message: string): BadQuery {
  return { ok: false, error: 'bad-query', message };
}

function isValidDate(value: string): boolean {
  if (!(DATE_ONLY.test(value) || ISO_TIME.test(value)) || Number.isNaN(Date.parse(value))) return false;
  // Date.parse accepts 2024-02-30; the calendar does not.
  const [year, month, day] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
