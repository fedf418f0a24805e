import type { Client } from '@elastic/elasticsearch';
import type { CountryCode } from '../config/types.ts';
import { indexNames } from './index-names.ts';
import { type ArticleDocument, pickText } from './to-document.ts';

/** Another article of the same story (a syndicated or near-duplicate copy). */
export interface StoryCopy {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly source: { readonly id: string; readonly name: string; readonly country: CountryCode };
  readonly publishedAt: string | null;
  readonly language: string;
  /** The article this one was found to duplicate, if any. */
  readonly duplicateOf: string | null;
}

/**
 * The other articles sharing a story id (dedup.story_id), oldest first: the
 * "also in" list of an article. At most `size` (default 50).
 */
export async function storyCopies(
  client: Client,
  prefix: string,
  storyId: string,
  options: { readonly excludeId?: string; readonly size?: number } = {},
): Promise<StoryCopy[]> {
  const response = await client.search<ArticleDocument>({
    index: indexNames(prefix).articles,
    ignore_unavailable: true,
    allow_no_indices: true,
    size: options.size ?? 50,
    query: {
      bool: {
        filter: [{ term: { 'dedup.story_id': storyId } }],
        ...(options.excludeId === undefined ? {} : { must_not: [{ ids: { values: [options.excludeId] } }] }),
      },
    },
    sort: [{ published_at: { order: 'asc', missing: '_last' } }, { id: { order: 'asc' } }],
    _source: ['id', 'url', 'title', 'source', 'published_at', 'language', 'dedup'],
  });
  return response.hits.hits.flatMap((hit) => {
    const doc = hit._source;
    if (doc === undefined) return [];
    return [
      {
        id: doc.id,
        url: doc.url,
        title: pickText(doc.title) ?? '',
        source: doc.source,
        publishedAt: doc.published_at,
        language: doc.language.code,
        duplicateOf: doc.dedup.duplicate_of,
      },
    ];
  });
}
