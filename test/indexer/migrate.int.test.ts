import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import {
  countArticles,
  ensureIndices,
  getArticle,
  migrateArticlesIndex,
  searchArticles,
  writeArticles,
} from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

describe('migrating the articles index to a new mapping version', () => {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix('migrate');
  const articles = ['a', 'b', 'c'].map((slug) => makeArticle({ slug }));
  let spoolDir: string;

  beforeAll(async () => {
    spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-migrate-'));
    await ensureIndices(client, prefix);
    await writeArticles({ client, prefix, articles, spoolDir, logger: silentLogger() });
    await client.indices.refresh({ index: `${prefix}-articles` });
  });

  afterAll(async () => {
    await deleteTestIndices(client, prefix);
    await client.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  it('says there is nothing to do when the alias already points at the current version', async () => {
    expect(await migrateArticlesIndex(client, prefix, { logger: silentLogger() })).toEqual({
      kind: 'already-current',
      index: `${prefix}-articles-v1`,
    });
  });

  it('copies every article to the new index, moves the alias and keeps the old index', async () => {
    const report = await migrateArticlesIndex(client, prefix, { logger: silentLogger(), targetVersion: 2 });
    expect(report).toEqual({
      kind: 'migrated',
      from: `${prefix}-articles-v1`,
      to: `${prefix}-articles-v2`,
      copied: 3,
      caughtUp: 0,
      oldIndexKept: `${prefix}-articles-v1`,
    });
    const aliased = Object.keys(await client.indices.getAlias({ name: `${prefix}-articles` }));
    expect(aliased).toEqual([`${prefix}-articles-v2`]);
    expect(await client.indices.exists({ index: `${prefix}-articles-v1` })).toBe(true);
    expect(await countArticles(client, prefix)).toBe(3);
  });

  it('keeps documents whole: fields, first-seen dates and analysed text', async () => {
    const migrated = await getArticle(client, prefix, articles[0]?.id ?? '');
    expect(migrated?.title).toBe(articles[0]?.title);
    expect(migrated?.firstSeenAt).not.toBeNull();
    const response = await searchArticles(client, prefix, { query: 'refugiat', sort: 'relevance', size: 10 });
    expect(response.ok && response.total).toBe(3);
  });

  it('writes through the alias land in the new index afterwards', async () => {
    await writeArticles({
      client,
      prefix,
      articles: [makeArticle({ slug: 'd' })],
      spoolDir,
      logger: silentLogger(),
    });
    await client.indices.refresh({ index: `${prefix}-articles-v2` });
    expect((await client.count({ index: `${prefix}-articles-v2` })).count).toBe(4);
    expect((await client.count({ index: `${prefix}-articles-v1` })).count).toBe(3);
  });
});
