/**
 * Language-detection benchmark over lingua-dev (../shared/data/language/lingua-dev,
 * from lingua-py's test data: sentences, word pairs and single words for 11 languages).
 * Prints accuracy per language and per text type, and texts per second, for
 * (a) pressmon's detector without priors, (b) plain franc restricted to the same
 * 11 languages, (c) eld (a devDependency) restricted likewise.
 * Run: node bench/language/run.ts [data-dir]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eld } from 'eld/medium';
import { franc } from 'franc';
import { KNOWN_LANGUAGES, type LanguageCode } from '../../core/languages.ts';
import { detectLanguage } from '../../pipeline/language/index.ts';
import { fromIso6393, ISO_639_3 } from '../../pipeline/language/language-codes.ts';

const DATA_DIR = process.argv[2] ?? join(import.meta.dirname, '../../../shared/data/language/lingua-dev');
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

main();
