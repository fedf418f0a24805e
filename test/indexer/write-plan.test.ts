import { describe, expect, it } from 'vitest';
import { toDocument } from '../../indexer/to-document.ts';
import { type ExistingArticle, planWrite } from '../../indexer/write-plan.ts';
import { makeArticle } from './make-article.ts';

const ALIAS = 'p-articles';
const NOW = '2024-06-01T00:00:00.000Z';
const none = new Map<string, string>();

function existingFor(overrides: Partial<ExistingArticle> = {}): ExistingArticle {
  const article = makeArticle();
  return {
    firstSeenAt: '2024-05-02T09:00:00.000Z',
    contentHash: article.dedup.contentHash,
    contentHashHistory: [],
    contentModifiedAt: null,
    documentHash: 'older',
    fetchedAt: article.fetchedAt,
    seqNo: 7,
    primaryTerm: 1,
    ...overrides,
  };
}

describe('planWrite', () => {
  it('creates a new article with first_seen_at, never overwriting one created meanwhile', () => {
    const article = makeArticle();
    const plan = planWrite(article, undefined, NOW, ALIAS, none);
    expect(plan).toMatchObject({ kind: 'create', action: { create: { _index: ALIAS, _id: article.id } } });
    expect(plan.kind !== 'unchanged' && plan.document.first_seen_at).toBe(NOW);
  });

  it('replaces a known article keeping its first_seen_at, guarded by its sequence number', () => {
    const plan = planWrite(makeArticle({ title: 'Titlu nou' }), existingFor(), NOW, ALIAS, none);
    expect(plan).toMatchObject({ kind: 'replace', action: { index: { if_seq_no: 7, if_primary_term: 1 } } });
    if (plan.kind === 'unchanged') throw new Error('expected a write');
    expect(plan.document.first_seen_at).toBe('2024-05-02T09:00:00.000Z');
    expect(plan.document).not.toHaveProperty('content_modified_at');
  });

  it('records a content change: when, and the hash it replaced', () => {
    const existing = existingFor({ contentHash: 'aaa', contentHashHistory: ['000'] });
    const plan = planWrite(makeArticle(), existing, NOW, ALIAS, none);
    if (plan.kind === 'unchanged') throw new Error('expected a write');
    expect(plan.document.content_modified_at).toBe(NOW);
    expect(plan.document.content_hash_history).toEqual(['000', 'aaa']);
  });

  it('does not write an identical document', () => {
    const article = makeArticle();
    const documentHash = toDocument(article, NOW).document_hash;
    expect(planWrite(article, existingFor({ documentHash }), NOW, ALIAS, none)).toEqual({
      kind: 'unchanged',
    });
  });

  it('never replaces a newer fetch with an older one (a late spool replay)', () => {
    const existing = existingFor({ fetchedAt: '2024-05-10T00:00:00.000Z' });
    expect(planWrite(makeArticle({ title: 'old' }), existing, NOW, ALIAS, none)).toEqual({
      kind: 'unchanged',
    });
  });

  it('replaces without a guard an id already written in the same call', () => {
    const article = makeArticle();
    const plan = planWrite(article, undefined, NOW, ALIAS, new Map([[article.id, NOW]]));
    expect(plan).toMatchObject({ kind: 'replace', action: { index: { _id: article.id } } });
    if (plan.kind === 'unchanged') throw new Error('expected a write');
    expect(plan.document.first_seen_at).toBe(NOW);
  });
});
