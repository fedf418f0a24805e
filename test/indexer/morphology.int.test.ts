// DESIGN §3: text is analysed per language, so an analyst's query finds the
// other forms of a word and text typed without diacritics.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CoalitionLanguage } from '../../core/languages.ts';
import { silentLogger } from '../../core/logger.ts';
import { ensureIndices, searchArticles, writeArticles } from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { makeArticle } from './make-article.ts';

const TEXTS: Record<CoalitionLanguage, string> = {
  ro: 'Numărul refugiaților sosiți la Galați a crescut. Autoritățile spun că refugiații primesc ajutor.',
  pl: 'Liczba uchodźców na granicy rośnie. Straż Graniczna zatrzymała cudzoziemców.',
  ru: 'В Кишинёве открыли центр для беженцев из Украины.',
  uk: 'Уряд продовжив тимчасовий захист для біженців у Польщі.',
  en: 'The refugee centre in Timisoara is full, officials said.',
};

// [language, query, why]
const FINDS: readonly (readonly [CoalitionLanguage, string, string])[] = [
  ['ro', 'refugiat', 'the base form finds refugiaților'],
  ['ro', 'refugiati', 'typed without diacritics'],
  ['ro', 'refugiaţi', 'typed with the old cedilla ţ'],
  ['pl', 'uchodźca', 'the nominative finds uchodźców'],
  ['pl', 'uchodzcow', 'typed without diacritics'],
  ['pl', 'cudzoziemiec', 'the singular finds cudzoziemców'],
  ['ru', 'беженец', 'the nominative finds беженцев'],
  ['uk', 'біженець', 'the nominative finds біженців'],
  ['en', 'refugees', 'the plural finds refugee'],
];

describe('per-language analysis at search time', () => {
  const client = testEsClient();
  const prefix = uniqueIndexPrefix('morphology');
  let spoolDir: string;

  beforeAll(async () => {
    spoolDir = await mkdtemp(path.join(tmpdir(), 'pressmon-morphology-'));
    await ensureIndices(client, prefix);
    const articles = Object.entries(TEXTS).map(([language, body]) =>
      makeArticle({
        slug: `morphology-${language}`,
        title: `Article ${language}`,
        lead: null,
        body,
        language: { code: language as CoalitionLanguage, confidence: 0.99 },
      }),
    );
    await writeArticles({ client, prefix, articles, spoolDir, logger: silentLogger() });
    await client.indices.refresh({ index: `${prefix}-articles` });
  });

  afterAll(async () => {
    await deleteTestIndices(client, prefix);
    await client.close();
    await rm(spoolDir, { recursive: true, force: true });
  });

  it.each(FINDS)('in %s, "%s" finds the article: %s', async (language, query) => {
    const response = await searchArticles(client, prefix, { query, sort: 'relevance', size: 10 });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    expect(response.hits.map((hit) => hit.title)).toEqual([`Article ${language}`]);
  });
});
