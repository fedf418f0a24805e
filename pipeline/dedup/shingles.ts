/**
 * Word shingles of a text, as sorted sets of 32-bit hashes: the unit every
 * near-duplicate measure of pipeline/dedup compares.
 *
 * Normalisation before shingling, as one table:
 * - Unicode NFKD, combining marks removed: `ș`, `ş` and `s` are one letter, so
 *   a copy that lost its diacritics (common in Romanian agency feeds) still matches;
 * - lower-case; words are runs of letters and digits (`[\p{L}\p{N}]+`), so
 *   punctuation, quotes and spacing never matter;
 * - numbers are kept: "12 migrants" and "120 migrants" are different facts.
 */

import { hashWordRun } from './fnv-hash.ts';
import { scanWords } from './scan-words.ts';

/** Words per shingle. 4 tolerates a substituted word every ~10 words while two unrelated texts share almost none. */
export const SHINGLE_WORDS = 4;

const WORD = /[\p{L}\p{N}]+/gu;
const COMBINING_MARKS = /\p{M}+/gu;

/** The words of a text after the normalisation above. */
export function dedupWords(text: string): string[] {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase().match(WORD) ?? [];
}

/**
 * Sorted, distinct 32-bit hashes of the text's overlapping `size`-word
 * shingles (`hashString` of the shingle's words joined by one space). A text
 * shorter than one shingle gives one shingle of all its words; an empty text
 * gives an empty set.
 */
export function shingleSet(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const hashes = shingleHashes(text, size);
  hashes.sort();
  return distinctSorted(hashes);
}

/**
 * The hashes of {@link shingleSet} in the order of the text, repeats
 * included: all a MinHash signature needs (its minima ignore order and
 * repeats), without the sort (~0.03 ms per aeb page).
 */
export function shingleHashes(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const words = scanWords(foldForShingles(text), 'skip');
  if (words.count === 0) return new Uint32Array(0);
  const count = Math.max(1, words.count - size + 1);
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start++) hashes[start] = hashWordRun(words, start, size);
  return hashes;
}

/**
 * The text decomposed (NFKD) and lower-cased, its marks still in: scanWords
 * then skips them, which gives the words of {@link dedupWords} without a
 * replacement pass over the text. Lower-casing before the marks are dropped
 * changes nothing character by character (checked over every code point);
 * only `Σ` lower-cases by context (final sigma), where a spacing mark between
 * letters can matter, and dropping a mark can join two lone surrogates into
 * a letter; so such texts drop their marks first.
 */
function foldForShingles(text: string): string {
  const decomposed = text.normalize('NFKD');
  if (decomposed.includes('Σ') || !decomposed.isWellFormed()) {
    return decomposed.replace(COMBINING_MARKS, '').toLowerCase();
  }
  return decomposed.toLowerCase();
}

function distinctSorted(sorted: Uint32Array): Uint32Array {
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    if (read === 0 || sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read] ?? 0;
  }
  return sorted.subarray(0, write);
}
