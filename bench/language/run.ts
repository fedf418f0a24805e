/**
 * Language-detection benchmark over lingua-dev (../shared/data/language/lingua-dev,
 * from lingua-py's test data: sentences, word pairs and single words for 11 languages)
 * and over whole article bodies (bench/dedup/corpus.ts: the gold bodies of the
 * article-extraction benchmark and fundus' expected bodies, in pressmon's
 * languages, plus the labelled topic set test/fixtures/topics).
 * Prints accuracy per language and per text type, and texts per second, for
 * (a) pressmon's detector without priors, (b) plain franc restricted to the same
 * 11 languages, (c) plain eld (large model, the one pressmon uses) restricted likewise.
 * Run: node bench/language/run.ts [data-dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/large';
import { franc } from 'franc';
import { isLanguageCode, KNOWN_LANGUAGES, type LanguageCode } from '../../core/languages.ts';
import { detectLanguage } from '../../pipeline/language/index.ts';
import { fromIso6393, ISO_639_3 } from '../../pipeline/language/language-codes.ts';
import { readLabelledSet } from '../../pipeline/topics/read-labelled-set.ts';
import { aebTexts, fundusTexts } from '../dedup/corpus.ts';
import { SHARED_DATA } from '../support/shared-data.ts';

const DATA_DIR = process.argv[2] ?? join(SHARED_DATA, 'language/lingua-dev');
const TEXT_TYPES = ['sentences', 'word-pairs', 'single-words'] as const;

type Detector = (text: string) => string;

const only = KNOWN_LANGUAGES.map((code) => ISO_639_3[code]);
eld.setLanguageSubset([...KNOWN_LANGUAGES]);

const DETECTORS: Readonly<Record<string, Detector>> = {
  pressmon: (text) => detectLanguage({ text }).code,
  franc: (text) => fromIso6393(franc(text, { only, minLength: 1 })) ?? 'und',
  eld: (text) => eld.detect(text).language || 'und',
};

interface Cell {
  correct: number;
  total: number;
  elapsedMs: number;
}

function readTexts(type: string, language: LanguageCode): string[] {
  return readFileSync(join(DATA_DIR, type, `${language}.txt`), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

function measure(detect: Detector, texts: readonly string[], expected: LanguageCode): Cell {
  const started = performance.now();
  let correct = 0;
  for (const text of texts) if (detect(text) === expected) correct++;
  return { correct, total: texts.length, elapsedMs: performance.now() - started };
}

function percent(cell: Cell): string {
  return `${((100 * cell.correct) / cell.total).toFixed(1)}%`.padStart(7);
}

function main(): void {
  const names = Object.keys(DETECTORS);
  for (const type of TEXT_TYPES) {
    console.log(`\n${type}${' '.repeat(14 - type.length)}${names.map((name) => name.padStart(9)).join('')}`);
    const totals = new Map<string, Cell>(names.map((name) => [name, { correct: 0, total: 0, elapsedMs: 0 }]));
    for (const language of KNOWN_LANGUAGES) {
      const texts = readTexts(type, language);
      const cells = names.map((name) => {
        const cell = measure(DETECTORS[name] as Detector, texts, language);
        const total = totals.get(name) as Cell;
        total.correct += cell.correct;
        total.total += cell.total;
        total.elapsedMs += cell.elapsedMs;
        return percent(cell).padStart(9);
      });
      console.log(`  ${language}${' '.repeat(12)}${cells.join('')}`);
    }
    const all = names.map((name) => percent(totals.get(name) as Cell).padStart(9));
    console.log(`  all           ${all.join('')}`);
    const speed = names.map((name) => {
      const cell = totals.get(name) as Cell;
      return `${Math.round(cell.total / (cell.elapsedMs / 1000))}/s`.padStart(9);
    });
    console.log(`  texts/s       ${speed.join('')}`);
  }
}

/**
 * Pages whose declared language (html lang, or fundus' publisher language) is
 * not the language of their text, read and corrected by hand: the language
 * the text is written in.
 */
const LABEL_CORRECTIONS: Readonly<Record<string, LanguageCode>> = {
  'aeb:57b4dafd18cf': 'de', // html lang="en", German text on digital health
  'aeb:ba07d1e64775': 'de', // html lang="en", German text on DMEXCO 2018
  'aeb:f81c6c05d9cb': 'en', // html lang="de", English text on early retirement
  'aeb:fde930b01859': 'en', // html lang="de", English tech news
  'fundus:ua/Pravda_2026_01_08': 'ru', // listed as English, Russian text on a Kyiv court
};

/** Whole article bodies in pressmon's languages, by language. */
function articleBodies(): Map<LanguageCode, string[]> {
  const labelled = readLabelledSet(join(import.meta.dirname, '../../test/fixtures/topics')).map(
    (article) => ({
      lang: article.lang,
      body: [article.lead ?? '', article.body].join('\n\n'),
    }),
  );
  const bodies = new Map<LanguageCode, string[]>();
  const real = [...aebTexts(), ...fundusTexts()].map((text) => ({
    ...text,
    lang: LABEL_CORRECTIONS[text.id] ?? text.lang,
  }));
  for (const text of [...real, ...labelled]) {
    if (!isLanguageCode(text.lang)) continue;
    bodies.set(text.lang, [...(bodies.get(text.lang) ?? []), text.body]);
  }
  return bodies;
}

function measureBodies(): void {
  const names = Object.keys(DETECTORS);
  const bodies = articleBodies();
  console.log(`\narticle bodies${names.map((name) => name.padStart(9)).join('')}   texts`);
  const totals = new Map<string, Cell>(names.map((name) => [name, { correct: 0, total: 0, elapsedMs: 0 }]));
  for (const [language, texts] of bodies) {
    const cells = names.map((name) => {
      const cell = measure(DETECTORS[name] as Detector, texts, language);
      const total = totals.get(name) as Cell;
      total.correct += cell.correct;
      total.total += cell.total;
      total.elapsedMs += cell.elapsedMs;
      return percent(cell).padStart(9);
    });
    console.log(`  ${language}${' '.repeat(12)}${cells.join('')}${String(texts.length).padStart(8)}`);
  }
  console.log(
    `  all           ${names.map((name) => percent(totals.get(name) as Cell).padStart(9)).join('')}`,
  );
}

main();
measureBodies();
