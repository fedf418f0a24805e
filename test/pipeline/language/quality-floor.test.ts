import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KNOWN_LANGUAGES } from '../../../core/languages.ts';
import { detectLanguage } from '../../../pipeline/language/index.ts';

interface Sample {
  readonly type: 'sentences' | 'word-pairs';
  readonly lang: string;
  readonly text: string;
}

const samples: Sample[] = readFileSync(
  path.join(import.meta.dirname, '../../fixtures/language/lingua-sample.jsonl'),
  'utf8',
)
  .split('\n')
  .filter((line) => line !== '')
  .map((line) => JSON.parse(line) as Sample);

function accuracy(type: Sample['type'], lang?: string): number {
  const chosen = samples.filter(
    (sample) => sample.type === type && (lang === undefined || sample.lang === lang),
  );
  const correct = chosen.filter(
    (sample) => detectLanguage({ text: sample.text }).code === sample.lang,
  ).length;
  return correct / chosen.length;
}

// Floors a little under what the sample measured when they were set (sentences
// 99.0%, word pairs 93.5% over the full files in bench/language): issue 5's goals are
// >= 99% and >= 90%. Lowering one is a visible, justified commit.
describe('language detection quality (floors, without any declared language)', () => {
  it('recognises sentences in the 11 languages', () => {
    expect(accuracy('sentences')).toBeGreaterThanOrEqual(0.985);
  });

  it('recognises word pairs in the 11 languages', () => {
    expect(accuracy('word-pairs')).toBeGreaterThanOrEqual(0.9);
  });

  it('recognises sentences in each coalition language almost always', () => {
    for (const lang of ['ro', 'pl', 'en', 'uk'])
      expect(accuracy('sentences', lang), lang).toBeGreaterThanOrEqual(0.99);
    expect(accuracy('sentences', 'ru')).toBeGreaterThanOrEqual(0.95);
  });

  it('covers every known language', () => {
    expect(new Set(samples.map((sample) => sample.lang))).toEqual(new Set(KNOWN_LANGUAGES));
  });
});
