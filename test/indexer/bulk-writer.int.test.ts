import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { countArticles, getArticle } from '../../indexer/articles.ts';
import { writeArticles } from '../../indexer/bulk-writer.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import { replaySpool } from '../../indexer/replay-spool.ts';
import type { SpoolEntry } from '../../indexer/spool.ts';
import type { Article } from '../../pipeline/types.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('bulk');
const logger = silentLogger();
let spoolDir: string;
const spoolDirs: string[] = [];

const at = (iso: string) => (): Date => new Date(iso);

async function spoolEntries(): Promise<SpoolEntry[]> {
  const names = (await readdir(spoolDir).catch(() => [] as string[])).filter((name) =>
    name.startsWith('articles-'),
  );
  const texts = await Promise.all(names.map((name) => readFile(path.join(spoolDir, name), 'utf8')));
  return texts.flatMap((text) =>
    text
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => JSON.parse(line) as SpoolEntry),
  );
}

async function countIn(label: string): Promise<number> {
  await client.indices.refresh({ index: indexNames(prefix).articles });
  return countArticles(client, prefix, { query: '', sources: [label] });
}

function articles(label: string, count: number): Article[] {
  return Array.from({ length: count }, (_, index) =>
    makeArticle({ slug: `${label}-${index}`, source: { id: label, name: label, country: 'ro' } }),
  );
}

beforeAll(async () => {
  await ensureIndices(client, prefix);
});
beforeEach(async () => {
  spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-bulk-'));
  spoolDirs.push(spoolDir);
});
afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await Promise.all(spoolDirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('writeArticles', () => {
  it('writes the same article twice as one document that keeps its first_seen_at', async () => {
    const first = makeArticle({ slug: 'twice', source: { id: 'twice', name: 'Twice', country: 'ro' } });
    const report1 = await writeArticles({
      client,
      prefix,
      articles: [first],
      spoolDir,
      logger,
      now: at('2024-05-02T10:00:00Z'),
    });
    expect(report1).toMatchObject({ indexed: 1, created: 1, updated: 0, spooled: 0, failures: [] });

    const changed: Article = {
      ...first,
      body: `${first.body} Un paragraf nou.`,
      fetchedAt: '2024-05-03T09:00:00.000Z',
      dedup: { ...first.dedup, contentHash: 'changed-hash' },
    };
    const report2 = await writeArticles({
      client,
      prefix,
      articles: [changed],
      spoolDir,
      logger,
      now: at('2024-05-03T10:00:00Z'),
    });
    expect(report2).toMatchObject({ indexed: 1, created: 0, updated: 1, spooled: 0 });

    const stored = await getArticle(client, prefix, first.id);
    expect(stored).toMatchObject({
      body: changed.body,
      firstSeenAt: '2024-05-02T10:00:00.000Z',
      indexedAt: '2024-05-03T10:00:00.000Z',
      contentModifiedAt: '2024-05-03T10:00:00.000Z',
      contentHashHistory: [first.dedup.contentHash],
    });
    expect(await countIn('twice')).toBe(1);

    const report3 = await writeArticles({
      client,
      prefix,
      articles: [changed],
      spoolDir,
      logger,
      now: at('2024-05-04T10:00:00Z'),
    });
    expect(report3).toMatchObject({ indexed: 1, unchanged: 1, created: 0, updated: 0 });
    expect((await getArticle(client, prefix, first.id))?.indexedAt).toBe('2024-05-03T10:00:00.000Z');
  });

  it('indexes the rest of a batch and spools the one document Elasticsearch rejects, with its reason', async () => {
    const [good1, bad, good2] = articles('mixed', 3) as [Article, Article, Article];
    const broken = { ...bad, publishedAt: 'yesterday' };
    const report = await writeArticles({
      client,
      prefix,
      articles: [good1, broken, good2],
      spoolDir,
      logger,
    });
    expect(report).toMatchObject({ indexed: 2, created: 2, spooled: 1 });
    expect(report.failures).toEqual([{ url: broken.url, reason: expect.stringMatching(/published_at/) }]);
    expect(await countIn('mixed')).toBe(2);
    const spooled = await spoolEntries();
    expect(spooled).toHaveLength(1);
    expect(spooled[0]).toMatchObject({ id: broken.id, url: broken.url, status: 400, article: broken });
    expect(spooled[0]?.reason).toMatch(/published_at.*yesterday/);
  });

  it('reads an async stream in several bounded bulk requests', async () => {
    async function* stream(): AsyncGenerator<Article> {
      for (const article of articles('stream', 40)) yield article;
    }
    const report = await writeArticles({
      client,
      prefix,
      articles: stream(),
      spoolDir,
      logger,
      flushBytes: 4_000,
      concurrency: 2,
    });
    expect(report).toMatchObject({ indexed: 40, created: 40, spooled: 0 });
    expect(await countIn('stream')).toBe(40);
  });

  it('spools everything while Elasticsearch is unreachable; a replay indexes each article exactly once', async () => {
    const down = new Client({ node: 'http://127.0.0.1:9', maxRetries: 0, requestTimeout: 2_000 });
    const batch = articles('outage', 5);
    const report = await writeArticles({
      client: down,
      prefix,
      articles: [...batch, batch[0] as Article],
      spoolDir,
      logger,
    });
    await down.close();
    expect(report).toMatchObject({ indexed: 0, spooled: 6 });
    expect(report.failures[0]?.reason).toMatch(/ConnectionError|ECONNREFUSED/);
    expect((await spoolEntries()).map((entry) => entry.status)).toEqual(Array(6).fill(null));

    const replayed = await replaySpool({ client, prefix, spoolDir, logger });
    expect(replayed).toMatchObject({ indexed: 5, created: 5, spooled: 0 });
    expect(await countIn('outage')).toBe(5);
    expect(await readdir(spoolDir)).toEqual([]);

    const again = await replaySpool({ client, prefix, spoolDir, logger });
    expect(again).toMatchObject({ indexed: 0, spooled: 0 });
  });

  it('keeps an article that fails again in the spool, with its latest reason', async () => {
    const [good, bad] = articles('retry', 2) as [Article, Article];
    const broken = { ...bad, wordCount: 'many' as unknown as number };
    const down = new Client({ node: 'http://127.0.0.1:9', maxRetries: 0, requestTimeout: 2_000 });
    await writeArticles({ client: down, prefix, articles: [good, broken], spoolDir, logger });
    await down.close();

    const replayed = await replaySpool({ client, prefix, spoolDir, logger });
    expect(replayed).toMatchObject({ indexed: 1, spooled: 1 });
    const left = await spoolEntries();
    expect(left).toHaveLength(1);
    expect(left[0]).toMatchObject({ id: broken.id, status: 400 });
    expect(left[0]?.reason).toMatch(/word_count/);
    expect(await readdir(spoolDir)).toEqual([expect.stringMatching(/^articles-replay-.*\.jsonl$/)]);
  });
});
