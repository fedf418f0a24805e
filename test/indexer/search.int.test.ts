import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { articleExists, countArticles, getArticle } from '../../indexer/articles.ts';
import { writeArticles } from '../../indexer/bulk-writer.ts';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { indexNames } from '../../indexer/index-names.ts';
import { scanArticles } from '../../indexer/scan.ts';
import { type SearchResponse, searchArticles } from '../../indexer/search.ts';
import { encodeCursor, type SearchRequest } from '../../indexer/search-query.ts';
import type { Article } from '../../pipeline/types.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('search');
let spoolDir: string;

const corpus: Article[] = [
  makeArticle({
    slug: 'ro-centru',
    title: 'Centru nou pentru refugiați',
    body: 'Primăria a deschis un centru pentru refugiaților din Ucraina. Voluntarii ajută familiile.',
    publishedAt: '2024-05-02T08:00:00.000Z',
    source: { id: 'digi24', name: 'Digi24', country: 'ro' },
  }),
  makeArticle({
    slug: 'ro-muncitori',
    title: 'Muncitori străini în construcții',
    lead: null,
    body: 'Muncitorii străini din Nepal lucrează pe șantierele din Cluj. Sindicatele cer controale.',
    publishedAt: null,
    source: { id: 'zdg', name: 'Ziarul de Gardă', country: 'md' },
    topics: [{ id: 'labour_migration', score: 3, terms: [] }],
  }),
  makeArticle({
    slug: 'pl-uchodzcy',
    title: 'Pomoc dla uchodźców',
    body: 'Wolontariusze w Przemyślu pomagają uchodźcom z Ukrainy. Centrum recepcyjne jest pełne.',
    publishedAt: '2024-04-10T12:00:00.000Z',
    language: { code: 'pl', confidence: 0.99 },
    source: { id: 'gazeta', name: 'Gazeta', country: 'pl' },
    topics: [{ id: 'ukraine_displacement', score: 4, terms: [] }],
  }),
  makeArticle({
    slug: 'en-script',
    title: 'Migrants <script>alert(1)</script> at the border',
    body: 'Migrants waited at the border crossing for days. Volunteers brought water & food.',
    publishedAt: '2024-03-01T06:00:00.000Z',
    language: { code: 'en', confidence: 0.99 },
    source: { id: 'balkan-insight', name: 'Balkan Insight', country: 'int' },
  }),
  makeArticle({
    slug: 'ru-bezhentsy',
    title: 'Беженцы в Кишинёве',
    body: 'Центр для беженцев в Кишинёве принял новые семьи. Волонтёры помогают.',
    publishedAt: '2024-05-20T09:00:00.000Z',
    language: { code: 'ru', confidence: 0.98 },
    source: { id: 'newsmaker', name: 'NewsMaker', country: 'md' },
  }),
];
const byslug = (slug: string): Article =>
  corpus.find((article) => article.url.endsWith(`/${slug}`)) as Article;

async function search(request: Partial<SearchRequest>): Promise<SearchResponse> {
  const response = await searchArticles(client, prefix, {
    query: '',
    sort: 'relevance',
    size: 10,
    ...request,
  });
  if (!response.ok) throw new Error(`unexpected bad-query: ${response.message}`);
  return response;
}
const urls = (response: SearchResponse): string[] => response.hits.map((hit) => hit.url);

beforeAll(async () => {
  spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-search-'));
  await ensureIndices(client, prefix);
  const report = await writeArticles({ client, prefix, articles: corpus, spoolDir, logger: silentLogger() });
  expect(report.spooled).toBe(0);
  await client.indices.refresh({ index: indexNames(prefix).articles });
});
afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await rm(spoolDir, { recursive: true, force: true });
});

describe('searchArticles', () => {
  it('finds an article by a word of its body, in another form of the word', async () => {
    expect(urls(await search({ query: 'Nepal' }))).toEqual([byslug('ro-muncitori').url]);
    expect(urls(await search({ query: 'refugiat' }))).toEqual([byslug('ro-centru').url]);
  });

  it('finds Romanian text typed without diacritics', async () => {
    expect(urls(await search({ query: 'santierele' }))).toEqual([byslug('ro-muncitori').url]);
  });

  it('requires every word, and honours phrases, exclusions and alternatives', async () => {
    expect(urls(await search({ query: 'centru Nepal' }))).toEqual([]);
    expect(urls(await search({ query: 'Nepal | Przemyślu' })).sort()).toEqual(
      [byslug('ro-muncitori').url, byslug('pl-uchodzcy').url].sort(),
    );
    expect(urls(await search({ query: '"border crossing"' }))).toEqual([byslug('en-script').url]);
    expect(urls(await search({ query: '"crossing border"' }))).toEqual([]);
    expect(urls(await search({ query: 'Volunteers -water' }))).toEqual([]);
  });

  it('narrows by language, source, country, topic and published date', async () => {
    expect(urls(await search({ languages: ['pl'] }))).toEqual([byslug('pl-uchodzcy').url]);
    expect(urls(await search({ sources: ['digi24'] }))).toEqual([byslug('ro-centru').url]);
    expect(urls(await search({ countries: ['md'] })).sort()).toEqual(
      [byslug('ro-muncitori').url, byslug('ru-bezhentsy').url].sort(),
    );
    expect(urls(await search({ topics: ['labour_migration'] }))).toEqual([byslug('ro-muncitori').url]);
    expect(urls(await search({ from: '2024-04-01', to: '2024-05-02' })).sort()).toEqual(
      [byslug('ro-centru').url, byslug('pl-uchodzcy').url].sort(),
    );
  });

  it('counts facets over every match', async () => {
    const response = await search({ facets: true });
    expect(response.total).toBe(5);
    expect(response.facets?.languages).toEqual(
      expect.arrayContaining([
        { key: 'ro', count: 2 },
        { key: 'pl', count: 1 },
      ]),
    );
    expect(response.facets?.countries).toContainEqual({ key: 'md', count: 2 });
    expect(response.facets?.topics).toContainEqual({ key: 'asylum', count: 3 });
    expect(response.facets?.sources).toHaveLength(5);
    expect((await search({})).facets).toBeNull();
  });

  it('returns highlights as escaped HTML with the matches marked', async () => {
    const [hit] = (await search({ query: 'script border' })).hits;
    expect(hit?.highlightedTitle).toContain('&lt;<em>script</em>&gt;');
    expect(hit?.highlightedTitle).not.toContain('<script>');
    expect(hit?.highlights.join(' ')).toContain('<em>border</em>');
    expect(hit?.highlights.join(' ')).toContain('&amp;');
    const [plain] = (await search({ query: 'Migrants', languages: ['en'] })).hits;
    expect(plain?.highlightedTitle).toContain('&lt;script&gt;');
  });

  it('answers a query with broken syntax instead of failing', async () => {
    for (const query of ['"unclosed', '((a', 'a)) OR', '-', '*', '"']) {
      const response = await searchArticles(client, prefix, { query, sort: 'relevance', size: 10 });
      expect(response.ok, query).toBe(true);
    }
  });

  it('turns a request Elasticsearch refuses into a bad-query message', async () => {
    const response = await searchArticles(client, prefix, {
      query: 'migrants',
      sort: 'relevance',
      size: 10,
      searchAfter: encodeCursor(['x', 'y']),
    });
    expect(response).toMatchObject({
      ok: false,
      error: 'bad-query',
      message: expect.stringMatching(/search_after/),
    });
    expect(await searchArticles(client, prefix, { query: 'x', sort: 'date', size: 0 })).toMatchObject({
      ok: false,
    });
  });

  it('sorts by date, newest first, undated last', async () => {
    const response = await search({ sort: 'date' });
    expect(response.hits.map((hit) => hit.publishedAt)).toEqual([
      '2024-05-20T09:00:00.000Z',
      '2024-05-02T08:00:00.000Z',
      '2024-04-10T12:00:00.000Z',
      '2024-03-01T06:00:00.000Z',
      null,
    ]);
    expect(response.hits[0]?.score).toBeNull();
  });

  it('pages through every match with its cursor', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: SearchResponse = await search({
        sort: 'date',
        size: 2,
        ...(cursor === null ? {} : { searchAfter: cursor }),
      });
      seen.push(...urls(page));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(seen).toEqual(urls(await search({ sort: 'date' })));
  });

  it('finds nothing, without failing, when the index does not exist yet', async () => {
    const response = await searchArticles(client, `${prefix}-none`, {
      query: 'x',
      sort: 'relevance',
      size: 10,
    });
    expect(response).toMatchObject({ ok: true, total: 0, hits: [] });
  });
});

describe('scanArticles', () => {
  it('iterates over every match across pages', async () => {
    const ids: string[] = [];
    for await (const article of scanArticles(client, prefix, { pageSize: 2 })) ids.push(article.id);
    expect(ids.sort()).toEqual(corpus.map((article) => article.id).sort());
    const romanian: string[] = [];
    for await (const article of scanArticles(client, prefix, { languages: ['ro'], pageSize: 1 })) {
      romanian.push(article.url);
    }
    expect(romanian.sort()).toEqual([byslug('ro-centru').url, byslug('ro-muncitori').url].sort());
  });

  it('gives back whole articles', async () => {
    for await (const article of scanArticles(client, prefix, { query: 'Nepal' })) {
      expect(article).toMatchObject({ ...byslug('ro-muncitori'), firstSeenAt: expect.any(String) });
    }
  });
});

describe('countArticles, getArticle, articleExists', () => {
  it('count, read and check articles by id', async () => {
    expect(await countArticles(client, prefix)).toBe(5);
    expect(await countArticles(client, prefix, { query: 'Ukrainy | Ucraina' })).toBe(2);
    const article = byslug('pl-uchodzcy');
    expect(await getArticle(client, prefix, article.id)).toMatchObject(article);
    expect(await getArticle(client, prefix, 'no-such-id')).toBeNull();
    expect(await articleExists(client, prefix, article.id)).toBe(true);
    expect(await articleExists(client, prefix, 'no-such-id')).toBe(false);
  });
});
