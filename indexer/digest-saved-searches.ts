import type { Client, estypes } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';
import { validateFilters } from './search-query.ts';
import type { SavedSearchQuery } from './week-articles.ts';

/** A saved search whose matches go into members' weekly digests. */
export interface DigestSavedSearch {
  /** The document id in `<prefix>-saved-searches`. */
  readonly id: string;
  readonly name: string;
  /** E-mail addresses (lower-case) of the members whose digests include it. */
  readonly recipients: readonly string[];
  /** What it selects; its own date range is dropped (the digest's week decides). */
  readonly query: SavedSearchQuery;
}

/**
 * A saved-search document as the digest reads it (`dynamic: false`: only
 * `name`, `owner`, `created_at`, `updated_at` and `include_in_digest` are
 * indexed, the rest is kept in `_source`):
 * `{ name, owner, owner_email?, request: { query, languages?, topics?, sources?,
 *    countries?, organisations?, places?, frames? }, include_in_digest: true,
 *    digest_recipients?: [email…] }` (what the dashboards' saved searches,
 * indexer/saved-searches.ts, store). Recipients: `digest_recipients`, else the
 * owner's `owner_email`, else the `owner` when it is an address.
 * `alert.include_in_digest` is read too.
 */
interface SavedSearchDocument {
  name?: unknown;
  owner?: unknown;
  owner_email?: unknown;
  request?: {
    query?: unknown;
    languages?: unknown;
    topics?: unknown;
    sources?: unknown;
    countries?: unknown;
    organisations?: unknown;
    places?: unknown;
    frames?: unknown;
  };
  include_in_digest?: unknown;
  digest_recipients?: unknown;
  alert?: { include_in_digest?: unknown };
}

/** Why a saved search was left out of the digests (a value, reported, never thrown). */
export interface SkippedSavedSearch {
  readonly id: string;
  readonly reason: string;
}

/**
 * The saved searches marked "include in digest", read whole (the index holds
 * a few hundred documents at most). Malformed ones are returned as skipped
 * with a reason rather than failing the digest run. No index: none.
 */
export async function listDigestSavedSearches(
  client: Client,
  prefix: string,
): Promise<{ searches: DigestSavedSearch[]; skipped: SkippedSavedSearch[] }> {
  const response = await client.search<SavedSearchDocument>({
    index: indexNames(prefix).savedSearches,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: 10_000,
    query: { match_all: {} },
  });
  const searches: DigestSavedSearch[] = [];
  const skipped: SkippedSavedSearch[] = [];
  for (const hit of response.hits.hits as estypes.SearchHit<SavedSearchDocument>[]) {
    const doc = hit._source;
    const id = hit._id ?? '';
    if (doc === undefined) continue;
    const included = doc.include_in_digest === true || doc.alert?.include_in_digest === true;
    if (!included) continue;
    const read = readSavedSearch(id, doc);
    if ('reason' in read) skipped.push(read);
    else searches.push(read);
  }
  return { searches, skipped };
}

function readSavedSearch(id: string, doc: SavedSearchDocument): DigestSavedSearch | SkippedSavedSearch {
  const request = doc.request ?? {};
  if (typeof request.query !== 'string') return { id, reason: 'request.query is not a string' };
  const strings = (value: unknown): string[] | undefined =>
    Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
  const query: SavedSearchQuery = {
    query: request.query,
    ...optional('languages', strings(request.languages)),
    ...optional('topics', strings(request.topics)),
    ...optional('sources', strings(request.sources)),
    ...optional('countries', strings(request.countries)),
    ...optional('organisations', strings(request.organisations)),
    ...optional('places', strings(request.places)),
    ...optional('frames', strings(request.frames)),
  };
  const valid = validateFilters(query);
  if (!valid.ok) return { id, reason: valid.message };
  const listed = strings(doc.digest_recipients) ?? [];
  const owner = [doc.owner_email, doc.owner].filter(
    (value): value is string => typeof value === 'string' && value.includes('@'),
  );
  const recipients = (listed.length > 0 ? listed : owner.slice(0, 1)).map((email) => email.toLowerCase());
  if (recipients.length === 0) return { id, reason: 'no owner e-mail address and no digest_recipients' };
  const name = typeof doc.name === 'string' && doc.name !== '' ? doc.name : id;
  return { id, name, recipients, query };
}

function optional<K extends string>(
  key: K,
  value: string[] | undefined,
): Partial<Record<K, readonly string[]>> {
  return value === undefined || value.length === 0 ? {} : ({ [key]: value } as Record<K, string[]>);
}
