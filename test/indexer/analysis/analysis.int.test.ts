import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANALYZER_BY_LANGUAGE, articleAnalysisSettings, FOLDED_ANALYZER } from '../../../indexer/analysis.ts';
import { testEsClient, uniqueIndexPrefix } from '../../support/elasticsearch.ts';

// The DESIGN's search examples, checked on a real node with the pressmon-analysis
// plugin: a query term finds a document term when their analysed tokens overlap.
const client = testEsClient();
const index = `${uniqueIndexPrefix('analysis')}-v1`;

async function tokens(analyzer: string, text: string): Promise<string[]> {
  const response = await client.indices.analyze({ index, analyzer, text });
  return (response.tokens ?? []).map((token) => token.token);
}

async function sharedTokens(analyzer: string, query: string, document: string): Promise<string[]> {
  const [queryTokens, documentTokens] = await Promise.all([
    tokens(analyzer, query),
    tokens(analyzer, document),
  ]);
  return queryTokens.filter((token) => documentTokens.includes(token));
}

beforeAll(async () => {
  await client.indices.create({ index, settings: { ...articleAnalysisSettings(), number_of_replicas: 0 } });
});

afterAll(async () => {
  await client.indices.delete({ index, ignore_unavailable: true });
  await client.close();
});

const { ro, pl, en, ru, uk, hu } = ANALYZER_BY_LANGUAGE;

/** [analyzer, query, document]: the query must find the document. */
const MATCHES: readonly (readonly [string, string, string])[] = [
  [ro.analyzer, 'refugiat', 'refugiaților'],
  [ro.analyzer, 'refugiaţi', 'refugiați'],
  [ro.analyzer, 'migranții', 'migranților'],
  [ro.analyzer, 'migrant', 'migranții'],
  [ro.analyzer, 'migrant', 'migranților'],
  [ro.folded, 'refugiati', 'refugiați'],
  [ro.folded, 'refugiat', 'refugiaților'],
  [ro.folded, 'refugiaţi', 'refugiați'],
  [ro.folded, 'migrantilor', 'migranții'],
  [FOLDED_ANALYZER, 'refugiati', 'refugiați'],
  [FOLDED_ANALYZER, 'refugiaţi', 'refugiați'],
  [pl.analyzer, 'uchodźca', 'uchodźców'],
  [pl.analyzer, 'cudzoziemiec', 'cudzoziemców'],
  [pl.folded, 'uchodzcow', 'uchodźców'],
  [pl.folded, 'uchodźca', 'uchodźców'],
  [pl.folded, 'cudzoziemcow', 'cudzoziemców'],
  [ru.analyzer, 'беженец', 'беженцев'],
  [ru.analyzer, 'иностранец', 'иностранцев'],
  [ru.folded, 'беженец', 'беженцев'],
  [uk.analyzer, 'біженець', 'біженців'],
  [uk.analyzer, 'біженець', 'біженцям'],
  [uk.analyzer, 'мігранти', 'мігрантів'],
  [uk.analyzer, 'сім’я', "сім'ї"], // typographic and ASCII apostrophes
  [uk.analyzer, "сім'я", 'сімʼєю'],
  [uk.folded, 'біженець', 'біженців'],
  [en.analyzer, 'refugees', 'refugee'],
  [en.analyzer, 'UNHCR', 'UNHCR’s'],
  [en.folded, 'cafe', 'café'],
  [hu.analyzer, 'menekültek', 'menekülteket'],
];

/** [analyzer, query, document]: different words that must stay apart. */
const MISMATCHES: readonly (readonly [string, string, string])[] = [
  [ro.analyzer, 'refugiat', 'migrant'],
  [ro.analyzer, 'tara', 'țară'], // only the folded analyzers ignore diacritics
  [pl.analyzer, 'uchodzcow', 'uchodźców'],
  [pl.analyzer, 'uchodźca', 'cudzoziemiec'],
  [ru.analyzer, 'беженец', 'мигрант'],
  [uk.analyzer, 'біженець', 'мігрант'],
  [en.analyzer, 'refugee', 'migrant'],
];

describe('article analyzers', () => {
  it.each(MATCHES)('%s: "%s" finds "%s"', async (analyzer, query, document) => {
    expect(await sharedTokens(analyzer, query, document)).not.toEqual([]);
  });

  it.each(MISMATCHES)('%s: "%s" does not find "%s"', async (analyzer, query, document) => {
    expect(await sharedTokens(analyzer, query, document)).toEqual([]);
  });

  it('maps Romanian cedilla letters to comma-below and keeps the modern spelling', async () => {
    expect(await tokens(FOLDED_ANALYZER, 'Ştiri')).toEqual(['stiri']);
    expect(await tokens(ro.analyzer, 'ţară')).toEqual(await tokens(ro.analyzer, 'țară'));
    expect((await tokens(ro.analyzer, 'țară')).join('')).toContain('ț');
  });

  it('drops stop words, including Romanian ones in either spelling', async () => {
    expect(await tokens(ro.analyzer, 'și şi de')).toEqual([]);
    expect(await tokens(pl.analyzer, 'w i jest')).toEqual([]);
    expect(await tokens(uk.analyzer, 'та що')).toEqual([]);
    expect(await tokens(ru.analyzer, 'и в')).toEqual([]);
    expect(await tokens(en.analyzer, 'the of')).toEqual([]);
  });

  it('lower-cases and folds text of undetermined language without stemming', async () => {
    expect(await tokens(ANALYZER_BY_LANGUAGE.und.analyzer, 'Češi Uchodźców')).toEqual(['cesi', 'uchodzcow']);
  });

  it('keeps one token per word in folded analyzers when folding changes nothing', async () => {
    expect(await tokens(en.folded, 'refugee')).toEqual(['refuge']);
  });
});
