import { randomBytes } from 'node:crypto';
import { type Client, errors } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';
import type { ArticleFilters, SearchRequest } from './search-query.ts';

/** What a saved search runs: the query, its filters and its sort (no page). */
export interface SavedSearchRequest extends ArticleFilters {
  readonly query: string;
  readonly sort: SearchRequest['sort'];
}

/** An analyst's saved search, in `<prefix>-saved-searches`. */
export interface SavedSearch {
  readonly id: string;
  readonly name: string;
  /** The dashboard user who saved it. */
  readonly owner: string;
  /** Where the owner's weekly digest goes; null when the owner has no e-mail address. */
  readonly ownerEmail: string | null;
  /** Whether the search's new matches go into the owner's weekly digest. */
  readonly includeInDigest: boolean;
  readonly request: SavedSearchRequest;
  /** ISO-8601 UTC. */
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewSavedSearch {
  readonly name: string;
  readonly owner: string;
  readonly ownerEmail: string | null;
  readonly includeInDigest: boolean;
  readonly request: SavedSearchRequest;
}

interface SavedSearchDocument {
  name: string;
  owner: string;
  owner_email: string | null;
  include_in_digest: boolean;
  created_at: string;
  updated_at: string;
  request: SavedSearchRequest;
  alert: { include_in_digest: boolean; email: string | null };
}

/** At most this many saved searches are listed per owner (or for the digest). */
export const MAX_SAVED_SEARCHES = 1_000;

/**
 * Stores a new saved search under a fresh random id; visible to reads when
 * this resolves. The index is created by ensureIndices.
 */
export async function createSavedSearch(
  client: Client,
  prefix: string,
  input: NewSavedSearch,
  now: Date = new Date(),
): Promise<SavedSearch> {
  const id = randomBytes(9).toString('base64url');
  const at = now.toISOString();
  const saved: SavedSearch = { id, ...input, createdAt: at, updatedAt: at };
  await client.index({
    index: indexNames(prefix).savedSearches,
    id,
    document: toDocument(saved),
    op_type: 'create',
    refresh: 'wait_for',
  });
  return saved;
}

/** One saved search by id; null when there is none. */
export async function getSavedSearch(
  client: Client,
  prefix: string,
  id: string,
): Promise<SavedSearch | null> {
  try {
    const response = await client.get<SavedSearchDocument>({ index: indexNames(prefix).savedSearches, id });
    return response._source === undefined ? null : fromDocument(id, response._source);
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return null;
    throw error;
  }
}

/** An owner's saved searches, by name. */
export async function listSavedSearches(
  client: Client,
  prefix: string,
  owner: string,
): Promise<SavedSearch[]> {
  return findSaved(client, prefix, { term: { owner } });
}

/**
 * The saved searches whose new matches go into weekly digests, optionally of
 * one owner e-mail address (the digest's recipient).
 */
export async function savedSearchesForDigest(
  client: Client,
  prefix: string,
  ownerEmail?: string,
): Promise<SavedSearch[]> {
  const filter = [
    { term: { include_in_digest: true } },
    ...(ownerEmail === undefined ? [] : [{ term: { owner_email: ownerEmail } }]),
  ];
  return findSaved(client, prefix, { bool: { filter } });
}

/**
 * Replaces a saved search's name, request or digest choice (the owner and
 * creation time stay). Returns null when it does not exist.
 */
export async function updateSavedSearch(
  client: Client,
  prefix: string,
  id: string,
  changes: Partial<Pick<SavedSearch, 'name' | 'includeInDigest' | 'request' | 'ownerEmail'>>,
  now: Date = new Date(),
): Promise<SavedSearch | null> {
  const current = await getSavedSearch(client, prefix, id);
  if (current === null) return null;
  const next: SavedSearch = { ...current, ...changes, updatedAt: now.toISOString() };
  await client.index({
    index: indexNames(prefix).savedSearches,
    id,
    document: toDocument(next),
    refresh: 'wait_for',
  });
  return next;
}

/** Deletes a saved search; false when it did not exist. */
export async function deleteSavedSearch(client: Client, prefix: string, id: string): Promise<boolean> {
  try {
    await client.delete({ index: indexNames(prefix).savedSearches, id, refresh: 'wait_for' });
    return true;
  } catch (error) {
    if (error instanceof errors.ResponseError && error.statusCode === 404) return false;
    throw error;
  }
}

async function findSaved(client: Client, prefix: string, query: object): Promise<SavedSearch[]> {
  const response = await client.search<SavedSearchDocument>({
    index: indexNames(prefix).savedSearches,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: MAX_SAVED_SEARCHES,
    query,
    sort: [{ name: { order: 'asc' } }, { created_at: { order: 'asc' } }],
  });
  return response.hits.hits.flatMap((hit) =>
    hit._source === undefined || hit._id === undefined ? [] : [fromDocument(hit._id, hit._source)],
  );
}

function toDocument(saved: SavedSearch): SavedSearchDocument {
  return {
    name: saved.name,
    owner: saved.owner,
    owner_email: saved.ownerEmail,
    include_in_digest: saved.includeInDigest,
    created_at: saved.createdAt,
    updated_at: saved.updatedAt,
    request: saved.request,
    // `alert` is what support-mappings.ts reserved for alert settings; kept in step for older readers.
    alert: { include_in_digest: saved.includeInDigest, email: saved.ownerEmail },
  };
}

function fromDocument(id: string, doc: SavedSearchDocument): SavedSearch {
  return {
    id,
    name: doc.name,
    owner: doc.owner,
    ownerEmail: doc.owner_email ?? null,
    includeInDigest: doc.include_in_digest === true,
    request: doc.request,
    createdAt: doc.created_at,
    updatedAt: doc.updated_at,
  };
}
