import { createHash } from 'node:crypto';
import type { Article } from '../../pipeline/types.ts';

/** A complete Article for indexer tests; the id and content hash follow the URL and body. */
export function makeArticle(overrides: Partial<Omit<Article, 'id'>> & { slug?: string } = {}): Article {
  const { slug = 'refugees-bucharest', ...fields } = overrides;
  const url = fields.url ?? `https://news.example.ro/${slug}`;
  const body =
    fields.body ??
    'Guvernul a anunțat un nou centru pentru refugiați la București. Organizațiile neguvernamentale au salutat decizia.';
  const base: Article = {
    id: createHash('sha256').update(url).digest('hex').slice(0, 32),
    url,
    canonicalUrl: url,
    source: { id: 'example-ro', name: 'Example RO', country: 'ro' },
    title: 'Centru nou pentru refugiați',
    lead: 'Un centru nou se deschide.',
    body,
    authors: ['Ana Pop'],
    section: 'social',
    keywords: ['refugiați'],
    publishedAt: '2024-05-02T08:00:00.000Z',
    modifiedAt: null,
    fetchedAt: '2024-05-02T09:00:00.000Z',
    language: { code: 'ro', confidence: 0.97 },
    topics: [
      { id: 'asylum', score: 2.5, terms: [{ term: 'refugiat', field: 'body', text: 'refugiați', count: 1 }] },
    ],
    relevance: 2.5,
    isMigrationRelated: true,
    organisations: [{ id: 'cnrr', name: 'CNRR', count: 1 }],
    places: [{ id: 'bucuresti', name: 'București', country: 'ro', count: 1 }],
    frames: [],
    terminology: [],
    dedup: {
      contentHash: createHash('sha256').update(body).digest('hex'),
      simhash: '0123456789abcdef',
      storyId: 'story-1',
      duplicateOf: null,
    },
    wordCount: body.split(/\s+/).length,
    pipelineVersion: 'test-1',
  };
  return { ...base, ...fields, id: base.id };
}
