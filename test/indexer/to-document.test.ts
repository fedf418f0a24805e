import { describe, expect, it } from 'vitest';
import { articleMapping } from '../../indexer/article-mapping.ts';
import { fromDocument, toDocument } from '../../indexer/to-document.ts';
import { makeArticle } from './make-article.ts';

const INDEXED_AT = '2024-05-03T10:00:00.000Z';

describe('toDocument', () => {
  it('maps an Article to snake_case fields with its text under its language key', () => {
    const article = makeArticle();
    const doc = toDocument(article, INDEXED_AT);
    expect(doc).toMatchObject({
      id: article.id,
      url: article.url,
      canonical_url: article.canonicalUrl,
      source: { id: 'example-ro', name: 'Example RO', country: 'ro' },
      title: { ro: article.title },
      lead: { ro: article.lead },
      body: { ro: article.body },
      published_at: '2024-05-02T08:00:00.000Z',
      fetched_at: article.fetchedAt,
      indexed_at: INDEXED_AT,
      language: { code: 'ro', confidence: 0.97 },
      topic_ids: ['asylum'],
      topics: [
        {
          id: 'asylum',
          score: 2.5,
          terms: [{ term: 'refugiat', field: 'body', text: 'refugiați', count: 1 }],
        },
      ],
      is_migration_related: true,
      dedup: {
        content_hash: article.dedup.contentHash,
        simhash: '0123456789abcdef',
        story_id: 'story-1',
        duplicate_of: null,
      },
      word_count: article.wordCount,
      pipeline_version: 'test-1',
    });
  });

  it('leaves first_seen_at to the writer', () => {
    expect(toDocument(makeArticle(), INDEXED_AT)).not.toHaveProperty('first_seen_at');
  });

  it('puts text of an undetermined or unanalysed language under the default key', () => {
    expect(
      toDocument(makeArticle({ language: { code: 'und', confidence: 0 } }), INDEXED_AT).body,
    ).toHaveProperty('default');
    expect(
      toDocument(makeArticle({ language: { code: 'bg', confidence: 0.9 } }), INDEXED_AT).title,
    ).toHaveProperty('default');
    expect(
      toDocument(makeArticle({ language: { code: 'uk', confidence: 0.9 } }), INDEXED_AT).title,
    ).toHaveProperty('uk');
  });

  it('omits a missing lead', () => {
    expect(toDocument(makeArticle({ lead: null }), INDEXED_AT)).not.toHaveProperty('lead');
  });

  it('hashes what the pipeline produced, not when it was fetched or indexed', () => {
    const article = makeArticle();
    const hash = toDocument(article, INDEXED_AT).document_hash;
    expect(
      toDocument({ ...article, fetchedAt: '2025-01-01T00:00:00.000Z' }, '2025-01-02T00:00:00.000Z')
        .document_hash,
    ).toBe(hash);
    expect(toDocument({ ...article, topics: [] }, INDEXED_AT).document_hash).not.toBe(hash);
  });

  it('only uses fields the strict mapping declares', () => {
    const mapped = Object.keys(articleMapping().properties ?? {});
    const doc = toDocument(makeArticle(), INDEXED_AT);
    for (const key of Object.keys(doc)) expect(mapped).toContain(key);
  });
});

describe('fromDocument', () => {
  it('gives back the Article that was mapped, with the indexer times', () => {
    const article = makeArticle();
    const stored = { ...toDocument(article, INDEXED_AT), first_seen_at: '2024-05-01T00:00:00.000Z' };
    const back = fromDocument(stored);
    const { firstSeenAt, indexedAt, contentModifiedAt, contentHashHistory, ...rest } = back;
    expect(rest).toEqual(article);
    expect({ firstSeenAt, indexedAt, contentModifiedAt, contentHashHistory }).toEqual({
      firstSeenAt: '2024-05-01T00:00:00.000Z',
      indexedAt: INDEXED_AT,
      contentModifiedAt: null,
      contentHashHistory: [],
    });
  });

  it('gives back a null lead', () => {
    expect(fromDocument(toDocument(makeArticle({ lead: null }), INDEXED_AT)).lead).toBeNull();
  });
});
