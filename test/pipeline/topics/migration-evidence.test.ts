import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  compileTopics,
  evaluateTagging,
  LabelledSetError,
  measure,
  readLabelledSet,
  TOPIC_SCORING,
  tagTopics,
} from '../../../pipeline/topics/index.ts';
import { BORDER, REFUGEES } from './topic-fixtures.ts';

const withVocabulary = compileTopics([REFUGEES, BORDER]);
const withoutVocabulary = compileTopics([REFUGEES, BORDER], null);

type Language = Parameters<typeof tagTopics>[1]['language'];
function tag(
  title: string,
  body: string,
  language: Language,
  taxonomy = withVocabulary,
): ReturnType<typeof tagTopics> {
  return tagTopics(taxonomy, { title, lead: null, body, language });
}

describe('the general migration vocabulary', () => {
  it('makes an article about migrants relevant although no topic term occurs, and tags no topic for it', () => {
    const title = 'Doctors offer flu shots to detained migrants';
    const body = 'Immigrants held in custody have not been vaccinated, the doctors said.';
    expect(tag(title, body, 'en', withoutVocabulary).isMigrationRelated).toBe(false);
    const tagging = tag(title, body, 'en');
    expect(tagging.isMigrationRelated).toBe(true);
    expect(tagging.topics).toEqual([]);
    expect(tagging.relevance).toBe(3 + 1);
  });

  it.each([
    ['ro', 'Imigranții din Timișoara', 'Primăria deschide un centru pentru imigranți.'],
    ['pl', 'Polityka imigracyjna Niemiec', 'Rząd chce ograniczyć liczbę imigrantów.'],
    ['ru', 'Мигранты в Кишинёве', 'Трудовые мигранты работают на стройках.'],
    ['uk', 'Мігранти в Польщі', 'Іноземці чекають на документи.'],
  ] as const)('[%s] counts general migration words', (language, title, body) => {
    expect(tag(title, body, language).isMigrationRelated).toBe(true);
  });

  it('does not count foreign investment, data or bird migration, or border queues', () => {
    for (const [title, body, language] of [
      ['Investițiile străine au scăzut', 'Capitalul străin rămâne concentrat în industria auto.', 'ro'],
      ['Migracja danych do chmury', 'Migracja systemów potrwa do końca roku.', 'pl'],
      ['Bird migration starts early', 'Migration of cranes began two weeks early.', 'en'],
      ['Очереди на границе', 'Грузовики ждут на таможне двенадцать часов.', 'ru'],
    ] as const) {
      const tagging = tag(title, body, language);
      expect(tagging.relevance, title).toBe(0);
      expect(tagging.isMigrationRelated, title).toBe(false);
    }
  });
});

describe('relevance: pooled migration evidence', () => {
  it('counts a word once, for its longest term, across topics and vocabulary', () => {
    // `asylum seekers` is one asylum term; the vocabulary's `asylum` must not count the same word again.
    expect(tag('', 'Asylum seekers waited.', 'en').relevance).toBe(1);
  });

  it('saturates one word repeated and divides by the length factor', () => {
    const filler = ' The council discussed roads and parks.'.repeat(100);
    const repeated = tag('', `Migrants. Migrants. Migrants.${filler}`, 'en');
    const words = 3 + 600;
    expect(repeated.relevance).toBeCloseTo(
      (1 + Math.log(3)) / Math.sqrt(words / TOPIC_SCORING.lengthPivotWords),
      2,
    );
  });

  it('calls a passing mention unrelated: two distinct body terms and no title match', () => {
    const tagging = tag('Budget vote', 'Refugees and migrants were mentioned once. Refugees again.', 'en');
    expect(tagging.relevance).toBeGreaterThanOrEqual(TOPIC_SCORING.minRelevance);
    expect(tagging.isMigrationRelated).toBe(false);
  });
});

describe('evaluateTagging and the labelled set', () => {
  it('measures precision and recall, 1 when nothing was predicted or nothing was to be found', () => {
    expect(
      measure([
        [true, true],
        [true, false],
        [false, true],
        [false, false],
      ]),
    ).toEqual({
      truePositives: 1,
      falsePositives: 1,
      falseNegatives: 1,
      precision: 0.5,
      recall: 0.5,
    });
    expect(measure([[false, false]])).toMatchObject({ precision: 1, recall: 1 });
  });

  it('evaluates per language and lists the wrong decisions', () => {
    const article = { lead: null, labelNote: 'test', origin: { kind: 'written' } } as const;
    const evaluation = evaluateTagging(withVocabulary, [
      {
        ...article,
        id: 'en-1',
        lang: 'en',
        title: 'Refugees arrive',
        body: 'Asylum seekers wait.',
        isMigrationRelated: true,
        topics: ['asylum'],
      },
      {
        ...article,
        id: 'en-2',
        lang: 'en',
        title: 'Budget vote',
        body: 'Roads and parks.',
        isMigrationRelated: true,
        topics: ['asylum'],
      },
      {
        ...article,
        id: 'ro-1',
        lang: 'ro',
        title: 'Buget',
        body: 'Drumuri și parcuri.',
        isMigrationRelated: false,
        topics: [],
      },
    ]);
    expect(evaluation.perLanguage.en?.migrationRelated).toMatchObject({ precision: 1, recall: 0.5 });
    expect(evaluation.perLanguage.en?.topics.asylum).toMatchObject({ positives: 2, truePositives: 1 });
    expect(evaluation.perLanguage.ro?.migrationRelated).toMatchObject({ precision: 1, recall: 1 });
    expect(evaluation.errors.map((error) => error.id)).toEqual(['en-2']);
  });

  it('names the file and line of a malformed labelled entry', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pressmon-labelled-'));
    writeFileSync(join(dir, 'labelled-xx.jsonl'), '\n{"id": "x", "lang": "xx"}\n');
    expect(() => readLabelledSet(dir)).toThrow(LabelledSetError);
    expect(() => readLabelledSet(dir)).toThrow(/labelled-xx\.jsonl:2: .*lang must be ro, pl, en, ru or uk/u);
  });
});
