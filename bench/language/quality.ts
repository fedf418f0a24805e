// Language-detection quality for `npm run eval`: accuracy of detectLanguage
// (no declared language) on lingua's test texts per text type, over the 11
// languages, as bench/language/run.ts measures it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { KNOWN_LANGUAGES } from '../../core/languages.ts';
import { detectLanguage } from '../../pipeline/language/index.ts';
import { SHARED_DATA } from '../support/shared-data.ts';

const DATA_DIR = join(SHARED_DATA, 'language/lingua-dev');
const TEXT_TYPES = ['sentences', 'word-pairs', 'single-words'] as const;

/** `lingua-dev → <type>.accuracy` and `<type>.<lang>` for the coalition's languages. */
export function measureLanguage(): Record<string, Record<string, number>> {
  const figures: Record<string, number> = {};
  for (const type of TEXT_TYPES) {
    let correct = 0;
    let total = 0;
    for (const language of KNOWN_LANGUAGES) {
      const texts = readFileSync(join(DATA_DIR, type, `${language}.txt`), 'utf8')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
      const right = texts.filter((text) => detectLanguage({ text }).code === language).length;
      correct += right;
      total += texts.length;
      figures[`${type}.${language}`] = right / texts.length;
    }
    figures[`${type}.accuracy`] = correct / total;
  }
  return { 'lingua-dev': figures };
}
