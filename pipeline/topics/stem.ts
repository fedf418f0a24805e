import { createRequire } from 'node:module';
import type { CoalitionLanguage } from '../../core/languages.ts';
import { stemPolish, stemRomanian } from './light-stemmers.ts';

/** The part of a natural stemmer used here. */
interface Stemmer {
  stem(token: string): string;
}

// natural's three stemmers, loaded alone: the package's entry point loads all of
// natural, whose modules (sylvester among them, which replaces Math.sign) switch off
// optimisations of V8 for the whole process (`node --trace-protector-invalidation`
// shows the ArrayConstructor and StringWrapperToPrimitive protectors go). Measured
// with the compiled config loaded: tokenising an aeb body 0.36 → 0.14 CPU ms, and
// everything after extraction 2.2 → 1.66 ms per aeb page (eld, fingerprints too).
const require = createRequire(import.meta.url);
const natural = {
  PorterStemmer: require('natural/lib/natural/stemmers/porter_stemmer.js') as Stemmer,
  PorterStemmerRu: require('natural/lib/natural/stemmers/porter_stemmer_ru.js') as Stemmer,
  PorterStemmerUk: require('natural/lib/natural/stemmers/porter_stemmer_uk.js') as Stemmer,
};

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

/**
 * The stems of one folded word, one slot per coalition language (in the order
 * of COALITION_LANGUAGES), each filled the first time it is asked for. Terms
 * of all five languages are tried on every text, so a word is stemmed in
 * every language: one record per word makes that one memo look-up instead of five.
 */
export type WordStems = (string | undefined)[];

const SLOTS: Readonly<Record<CoalitionLanguage, number>> = { ro: 0, pl: 1, en: 2, ru: 3, uk: 4 };

/** Words whose stems are kept before the memo starts afresh (bounds memory in long runs). */
const MAX_CACHED_WORDS = 100_000;
let memo = new Map<string, WordStems>();

/** The memoised stem record of a folded word; pass it to {@link stemIn}. */
export function stemsOf(folded: string): WordStems {
  let stems = memo.get(folded);
  if (stems === undefined) {
    if (memo.size >= MAX_CACHED_WORDS) memo = new Map();
    stems = [];
    memo.set(folded, stems);
  }
  return stems;
}

/** The stem of `folded` in `language`, read from (or written to) its record `stems`. */
export function stemIn(stems: WordStems, language: CoalitionLanguage, folded: string): string {
  const slot = SLOTS[language];
  let stem = stems[slot];
  if (stem === undefined) {
    stem = STEMMERS[language](folded);
    stems[slot] = stem;
  }
  return stem;
}

/** How many letters of a word its stem keeps as they are: see {@link openingsOf}. */
export const STEM_OPENING_LENGTH = 2;
/** How many letters of a word a long English stem keeps as they are: see {@link openingsOf}. */
export const LONG_STEM_OPENING_LENGTH = 3;
/** English stems of this many letters or more keep {@link LONG_STEM_OPENING_LENGTH} letters of their word. */
const LONG_ENGLISH_STEM = 5;

/**
 * The openings (first {@link STEM_OPENING_LENGTH} letters, or {@link LONG_STEM_OPENING_LENGTH}: below) of the words whose
 * stem in `language` can be `stem`, or null when the stem is too short to tell.
 * Every stemmer here rewrites only a word's ending: the Porter stemmers work on
 * suffixes (the Russian and Ukrainian ones only after the first vowel, which
 * they keep), the light stemmers strip endings and undo alternations in the
 * last letters of stems of four letters or more. So a stem of two letters or
 * more opens like its word, with two exceptions: {@link withoutMobileVowel}
 * drops the second letter of a three-letter stem (`бок` → `бк`), whose word
 * opened with `бо`, and English `y` → `i` turns `eyed` into `ei`. Words with another opening need not be stemmed at all in
 * that language, which spares most of the stemming of words never seen before.
 *
 * English stems of {@link LONG_ENGLISH_STEM} letters or more give their first
 * {@link LONG_STEM_OPENING_LENGTH} letters instead: each step of natural's
 * Porter stemmer removes a suffix or replaces it by one that differs from it
 * in at most its last two letters (`biliti` → `ble`, `ation` → `ate`, `y` → `i`,
 * an `e` after `at`, `bl`, `iz` or a short syllable), so all but the last two
 * letters of the stem open its word (checked over every word of the fixtures
 * and benchmark pages: at most the last letter differs). English stemming is
 * the costliest (~6 µs a word); this halves the words it is asked for on a
 * first pass (27,800 → 16,100 of the benchmark's 61,500 distinct words).
 */
export function openingsOf(language: CoalitionLanguage, stem: string): string[] | null {
  if (language === 'en' && stem.length >= LONG_ENGLISH_STEM) return [stem.slice(0, LONG_STEM_OPENING_LENGTH)];
  if (stem.length < STEM_OPENING_LENGTH) return null;
  const openings = [stem.slice(0, STEM_OPENING_LENGTH)];
  if ((language === 'ru' || language === 'uk') && stem.length === 2) {
    if (stem.endsWith('ц')) openings.push(`${stem[0]}е`);
    if (stem.endsWith('к')) openings.push(`${stem[0]}о`);
  }
  // Porter's `y` → `i` can reach the second letter of a two-letter stem (`eyed` → `ei`).
  if (language === 'en' && stem.length === 2 && stem.endsWith('i')) openings.push(`${stem[0]}y`);
  return openings;
}

/** The stem of a folded word in `language`, memoised. */
export function stemWord(language: CoalitionLanguage, folded: string): string {
  return stemIn(stemsOf(folded), language, folded);
}
