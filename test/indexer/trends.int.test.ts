import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { articleTrends, ensureIndices, writeArticles } from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

describe('trends: articles per period and per topic or frame', () => {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix('trends');
  let spoolDir: string;
  const frame = (id: string) => ({ id, score: 2, terms: [] });

  beforeAll(async () => {
    spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-trends-'));
    await ensureIndices(client, prefix);
    const articles = [
      // Week of Monday 2024-05-06
      makeArticle({
        slug: 'a',
        publishedAt: '2024-05-06T08:00:00.000Z',
        frames: [frame('humanitarian_victim'), frame('legal_procedural')],
      }),
      makeArticle({
        slug: 'b',
        publishedAt: '2024-05-08T08:00:00.000Z',
        frames: [frame('humanitarian_victim')],
      }),
      // Week of Monday 2024-05-13
      makeArticle({
        slug: 'c',
        publishedAt: '2024-05-14T08:00:00.000Z',
        topics: [{ id: 'integration', score: 3, terms: [] }],
        frames: [frame('security_threat')],
      }),
    ];
    await writeArticles({ client, prefix, articles, spoolDir, logger: silentLogger() });
    await client.indices.refresh({ index: `${prefix}-articles` });
  });

  afterAll(async () => {
    await deleteTestIndices(client, prefix);
    await client.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  it('counts articles per ISO week and topic', async () => {
    const result = await articleTrends(client, prefix, { interval: 'week', by: 'topic' });
    expect(result).toEqual({
      ok: true,
      buckets: [
        { start: '2024-05-06T00:00:00.000Z', total: 2, counts: { asylum: 2 } },
        { start: '2024-05-13T00:00:00.000Z', total: 1, counts: { integration: 1 } },
      ],
    });
  });

  it('counts articles (not frame entries) per frame, and honours filters', async () => {
    const result = await articleTrends(client, prefix, {
      interval: 'week',
      by: 'frame',
      from: '2024-05-01',
      to: '2024-05-10',
    });
    expect(result).toEqual({
      ok: true,
      buckets: [
        {
          start: '2024-05-06T00:00:00.000Z',
          total: 2,
          counts: { humanitarian_victim: 2, legal_procedural: 1 },
        },
      ],
    });
  });

  it('refuses a bad filter with a message instead of failing', async () => {
    const result = await articleTrends(client, prefix, {
      interval: 'day',
      by: 'topic',
      from: 'last tuesday',
    });
    expect(result.ok).toBe(false);
  });
});
