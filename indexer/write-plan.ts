import type { Client, estypes } from '@elastic/elasticsearch';
import type { Article } from '../pipeline/types.ts';
import { type ArticleDocument, toDocument } from './to-document.ts';

/** What the index already holds for an article id (from one mget per chunk). */
export interface ExistingArticle {
  readonly firstSeenAt: string | null;
  readonly contentHash: string | null;
  readonly contentHashHistory: readonly string[];
  readonly contentModifiedAt: string | null;
  readonly documentHash: string | null;
  readonly fetchedAt: string | null;
  readonly seqNo: number;
  readonly primaryTerm: number;
}

/** The two bulk actions the writer uses. */
export type BulkWriteAction =
  | { readonly create: estypes.BulkCreateOperation }
  | { readonly index: estypes.BulkIndexOperation };

/** One planned write: a bulk action and its full document, or nothing to do. */
export type PlannedWrite =
  | { readonly kind: 'unchanged' }
  | {
      readonly kind: 'create' | 'replace';
      readonly action: BulkWriteAction;
      readonly document: ArticleDocument;
    };

const LOOKUP_FIELDS = [
  'first_seen_at',
  'dedup.content_hash',
  'content_hash_history',
  'content_modified_at',
  'document_hash',
  'fetched_at',
];

/**
 * Reads what the index holds for these ids, in one request.
 * @throws the client's error when Elasticsearch does not answer or the alias is missing.
 */
export async function lookupExisting(
  client: Client,
  alias: string,
  ids: readonly string[],
): Promise<Map<string, ExistingArticle>> {
  const found = new Map<string, ExistingArticle>();
  if (ids.length === 0) return found;
  const response = await client.mget<Partial<ArticleDocument>>({
    index: alias,
    ids: [...new Set(ids)],
    _source_includes: LOOKUP_FIELDS,
  });
  for (const doc of response.docs) {
    if ('error' in doc)
      throw new Error(`mget ${alias}/${doc._id}: ${doc.error.type}: ${doc.error.reason ?? ''}`);
    if (!doc.found || doc._source === undefined) continue;
    const source = doc._source;
    found.set(doc._id, {
      firstSeenAt: source.first_seen_at ?? null,
      contentHash: source.dedup?.content_hash ?? null,
      contentHashHistory: source.content_hash_history ?? [],
      contentModifiedAt: source.content_modified_at ?? null,
      documentHash: source.document_hash ?? null,
      fetchedAt: source.fetched_at ?? null,
      seqNo: doc._seq_no ?? 0,
      primaryTerm: doc._primary_term ?? 1,
    });
  }
  return found;
}

/**
 * Plans the write of one article, without scripts: a new article is a
 * `create` whose document carries `first_seen_at` (a 409 if someone created it
 * meanwhile, never an overwrite); a known one is an `index` of the whole
 * document that copies `first_seen_at` from the index, guarded by
 * `if_seq_no`/`if_primary_term` so a concurrent change is a 409 rather than a
 * lost update. A changed content hash sets `content_modified_at` and appends
 * the old hash to `content_hash_history`. An identical document is not written,
 * nor one fetched before the version the index holds (a late spool replay never
 * overwrites a newer fetch).
 * `seenInThisWrite` (id → first_seen_at) covers an id written twice in one call.
 */
export function planWrite(
  article: Article,
  existing: ExistingArticle | undefined,
  indexedAt: string,
  alias: string,
  seenInThisWrite: ReadonlyMap<string, string>,
): PlannedWrite {
  const document = toDocument(article, indexedAt);
  const seenFirstAt = seenInThisWrite.get(article.id);
  if (seenFirstAt !== undefined) {
    return {
      kind: 'replace',
      action: { index: { _index: alias, _id: article.id } },
      document: { ...document, first_seen_at: seenFirstAt },
    };
  }
  if (existing === undefined) {
    return {
      kind: 'create',
      action: { create: { _index: alias, _id: article.id } },
      document: { ...document, first_seen_at: indexedAt },
    };
  }
  if (existing.documentHash === document.document_hash) return { kind: 'unchanged' };
  if (existing.fetchedAt !== null && Date.parse(article.fetchedAt) < Date.parse(existing.fetchedAt)) {
    return { kind: 'unchanged' };
  }
  const contentChanged =
    existing.contentHash !== null && existing.contentHash !== document.dedup.content_hash;
  const history =
    contentChanged && existing.contentHash !== null
      ? [...existing.contentHashHistory, existing.contentHash]
      : existing.contentHashHistory;
  const modifiedAt = contentChanged ? indexedAt : existing.contentModifiedAt;
  return {
    kind: 'replace',
    action: {
      index: {
        _index: alias,
        _id: article.id,
        if_seq_no: existing.seqNo,
        if_primary_term: existing.primaryTerm,
      },
    },
    document: {
      ...document,
      first_seen_at: existing.firstSeenAt ?? indexedAt,
      ...(modifiedAt === null ? {} : { content_modified_at: modifiedAt }),
      ...(history.length === 0 ? {} : { content_hash_history: [...history] }),
    },
  };
}

/** A pull-based reader over a sync or async iterable, so a caller can stop and resume it. */
export interface ArticleReader {
  /** Up to `size` next articles; fewer only at the end. */
  take(size: number): Promise<Article[]>;
}

export function readerOf(articles: AsyncIterable<Article> | Iterable<Article>): ArticleReader {
  const iterator: { next(): Promise<IteratorResult<Article>> | IteratorResult<Article> } =
    Symbol.asyncIterator in articles ? articles[Symbol.asyncIterator]() : articles[Symbol.iterator]();
  let done = false;
  return {
    async take(size: number): Promise<Article[]> {
      const out: Article[] = [];
      while (!done && out.length < size) {
        const result = await iterator.next();
        if (result.done === true) done = true;
        else out.push(result.value);
      }
      return out;
    },
  };
}
