import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { getArticle } from '../../indexer/articles.ts';
import { writeArticles } from '../../indexer/bulk-writer.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import { assignStories } from '../../indexer/stories.ts';
import { createStoryMatcher, dedupInfoOf } from '../../pipeline/dedup/index.ts';
import { seededRandom, transformCopy } from '../../pipeline/dedup/make-pairs.ts';
import { readCorpusJsonl } from '../../pipeline/dedup/read-corpus.ts';
import type { Article } from '../../pipeline/types.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('stories');
const logger = silentLogger();
const matcher = createStoryMatcher();
const events = readCorpusJsonl(path.join(import.meta.dirname, '../fixtures/dedup/same-event.jsonl'));
let spoolDir: string;

function eventText(id: string): { title: string; body: string } {
  const text = events.find((event) => event.id === id);
  if (text === undefined) throw new Error(`no fixture ${id}`);
  return text;
}

/** An article as the pipeline makes it: its own story, with fingerprints of its text. */
function article(slug: string, text: { title: string; body: string }, fetchedAt: string): Article {
  const made = makeArticle({ slug, title: text.title, body: text.body, fetchedAt });
  return { ...made, dedup: dedupInfoOf({ id: made.id, title: text.title, body: text.body }) };
}

async function assignAndWrite(articles: Article[], now: string): Promise<Article[]> {
  const assigned = await assignStories(articles, { client, prefix, matcher, logger });
  await writeArticles({ client, prefix, articles: assigned, spoolDir, logger, now: () => new Date(now) });
  await client.indices.refresh({ index: indexNames(prefix).articles });
  return assigned;
}

beforeAll(async () => {
  await ensureIndices(client, prefix);
  spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-stories-'));
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await rm(spoolDir, { recursive: true, force: true });
});

describe('assignStories against the real index', () => {
  const original = eventText('ro-e1-a');
  const random = seededRandom(9);
  let first: Article;

  it('leaves the first article of a story its own story', async () => {
    [first] = (await assignAndWrite(
      [article('nadlac-agerpres', original, '2024-05-02T08:00:00Z')],
      '2024-05-02T08:01:00Z',
    )) as [Article];
    expect(first.dedup.storyId).toBe(first.id);
    const stored = await getArticle(client, prefix, first.id);
    expect(stored?.dedup.bands).toHaveLength(64);
    expect(stored?.dedup.titleKey).toBe(first.dedup.titleKey);
  });

  it('folds a later near copy (other boilerplate, a dropped paragraph, light edits) into the first one’s story', async () => {
    const copy = {
      title: `${original.title} (actualizat)`,
      body: transformCopy({ id: 'x', lang: 'ro', ...original }, 'combined', random) ?? '',
    };
    const [assigned] = await assignAndWrite(
      [article('nadlac-outlet-b', copy, '2024-05-02T10:00:00Z')],
      '2024-05-02T10:01:00Z',
    );
    expect(assigned?.dedup.storyId).toBe(first.id);
    expect(assigned?.dedup.duplicateOf).toBeNull();
    const stored = await getArticle(client, prefix, assigned?.id ?? '');
    expect(stored?.dedup.storyId).toBe(first.id);
  });

  it('marks an exact copy under another URL as a duplicate of the first', async () => {
    const [assigned] = await assignAndWrite(
      [article('nadlac-mirror', original, '2024-05-02T11:00:00Z')],
      '2024-05-02T11:01:00Z',
    );
    expect(assigned?.dedup.storyId).toBe(first.id);
    expect(assigned?.dedup.duplicateOf).toBe(first.id);
  });

  it('keeps an independent report of the same event in a story of its own', async () => {
    const [assigned] = await assignAndWrite(
      [article('nadlac-ngo-reaction', eventText('ro-e1-b'), '2024-05-02T12:00:00Z')],
      '2024-05-02T12:01:00Z',
    );
    expect(assigned?.dedup.storyId).toBe(assigned?.id);
  });

  it('folds copies that arrive in the same batch, the earlier one naming the story', async () => {
    const text = eventText('pl-e1-a');
    const shortened = transformCopy({ id: 'y', lang: 'pl', ...text }, 'boilerplate-swap', random) ?? '';
    const [a, b] = await assignAndWrite(
      [
        article('pap-original', text, '2024-05-03T08:00:00Z'),
        article('portal-copy', { title: text.title, body: shortened }, '2024-05-03T09:00:00Z'),
      ],
      '2024-05-03T09:01:00Z',
    );
    expect(a?.dedup.storyId).toBe(a?.id);
    expect(b?.dedup.storyId).toBe(a?.id);
  });

  it('keeps the story of an article already indexed when it is fetched again', async () => {
    const copy = transformCopy({ id: 'x', lang: 'ro', ...original }, 'light-edit', random) ?? '';
    const [again] = await assignAndWrite(
      [article('nadlac-outlet-b', { title: original.title, body: copy }, '2024-05-04T10:00:00Z')],
      '2024-05-04T10:01:00Z',
    );
    expect(again?.dedup.storyId).toBe(first.id);
  });

  it('gives each article its own story when Elasticsearch cannot answer, losing none', async () => {
    const down = new Client({ node: 'http://127.0.0.1:9', requestTimeout: 1000, maxRetries: 0 });
    const batch = [
      article('offline-1', original, '2024-05-05T08:00:00Z'),
      article('offline-2', eventText('pl-e2-a'), '2024-05-05T08:00:00Z'),
    ];
    const assigned = await assignStories(batch, { client: down, prefix, matcher, logger });
    expect(assigned).toEqual(batch);
    await down.close();
  });
});
