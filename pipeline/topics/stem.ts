import natural from 'natural';
import type { CoalitionLanguage } from '../../core/languages.ts';
import { stemPolish, stemRomanian } from './light-stemmers.ts';

/**
 * Stemmers per coalition language, all applied to folded words: natural's
 * Porter stemmers for English, Russian and Ukrainian (natural 8 has
 * `PorterStemmerUk`), pressmon's light stemmers for Romanian and Polish.
 */
const STEMMERS: Readonly<Record<CoalitionLanguage, (folded: string) => string>> = {
  en: (folded) => natural.PorterStemmer.stem(folded.replace(/'s?$/u, '')),
  ru: (folded) => withoutMobileVowel(natural.PorterStemmerRu.stem(folded)),
  uk: (folded) => withoutMobileVowel(natural.PorterStemmerUk.stem(folded)),
  ro: stemRomanian,
  pl: stemPolish,
};

/**
 * East Slavic nouns drop a vowel when inflected (`беженец`/`беженцев`,
 * `біженець`/`біженців`, `притулок`/`притулку`) and the Porter stemmers keep
 * it: the stems `…ец`, `…ок` lose the vowel so that both forms meet.
 */
function withoutMobileVowel(stem: string): string {
  return stem.replace(/е(ц)$|о(к)$/u, '$1$2');
}

/** Entries kept per language before the cache starts afresh (bounds memory in long runs). */
const MAX_CACHED_STEMS = 100_000;
const caches = new Map<CoalitionLanguage, Map<string, string>>();

/** The stem of a folded word in `language`, memoised. */
export function stemWord(language: CoalitionLanguage, folded: string): string {
  let cache = caches.get(language);
  if (cache === undefined || cache.size >= MAX_CACHED_STEMS) {
    cache = new Map();
    caches.set(language, cache);
  }
  let stem = cache.get(folded);
  if (stem === undefined) {
    stem = STEMMERS[language](folded);
    cache.set(folded, stem);
  }
  return stem;
}
