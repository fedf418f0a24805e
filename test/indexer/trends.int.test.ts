import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { articleTrends, ensureIndices, newTerms, writeArticles } from '../../indexer/index.ts';
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

describe('new terms: the words a period uses far more than the archive', () => {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix('newterms');
  let spoolDir: string;

  beforeAll(async () => {
    spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-newterms-'));
    await ensureIndices(client, prefix);
    const usual =
      'Guvernul a discutat despre bugetul pentru școli și spitale. Primarii au cerut mai multe fonduri.';
    const older = Array.from({ length: 30 }, (_, n) =>
      makeArticle({
        slug: `old-${n}`,
        publishedAt: `2024-04-${String(1 + (n % 28)).padStart(2, '0')}T08:00:00.000Z`,
        body: `${usual} Ședința numărul ${n}.`,
      }),
    );
    // Five different reports (identical passages are counted once: syndicated copies must not inflate a word).
    const reports = [
      'Inundațiile din Galați au lăsat fără locuință zeci de familii de refugiați.',
      'La Galați, apele au crescut peste noapte; inundațiile au afectat centrul pentru refugiați.',
      'Voluntarii din Galați împart apă și haine după inundațiile de marți.',
      'Prefectura Galați a deschis o tabără pentru cei evacuați din cauza inundațiilor.',
      'Primarul din Galați spune că pagubele produse de inundații sunt uriașe.',
    ];
    const thisWeek = reports.map((report, n) =>
      makeArticle({
        slug: `new-${n}`,
        publishedAt: `2024-05-0${6 + n}T08:00:00.000Z`,
        body: `${report} ${usual}`,
      }),
    );
    await writeArticles({
      client,
      prefix,
      articles: [...older, ...thisWeek],
      spoolDir,
      logger: silentLogger(),
    });
    await client.indices.refresh({ index: `${prefix}-articles` });
  });

  afterAll(async () => {
    await deleteTestIndices(client, prefix);
    await client.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  it('finds the week’s new words (as stems) and not the everyday ones', async () => {
    const result = await newTerms(client, prefix, { from: '2024-05-06', to: '2024-05-12', language: 'ro' });
    expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
    if (!result.ok) return;
    const words = result.terms.map((term) => term.term);
    expect(
      words.some((word) => word.startsWith('inund')),
      words.join(' '),
    ).toBe(true);
    expect(words.some((word) => word.startsWith('gal'))).toBe(true);
    expect(words.some((word) => word.startsWith('buget'))).toBe(false);
    // Stems: inundațiile, inundații, inundațiilor all analyse to one word; at least 4 of the 5 reports use it.
    const flood = result.terms.find((term) => term.term.startsWith('inund'));
    expect(flood?.articles).toBeGreaterThanOrEqual(4);
    expect(flood?.background).toBe(flood?.articles);
  });
});
