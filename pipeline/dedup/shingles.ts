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
 * shingles. A text shorter than one shingle gives one shingle of all its
 * words; an empty text gives an empty set.
 */
export function shingleSet(text: string, size: number = SHINGLE_WORDS): Uint32Array {
  const words = dedupWords(text);
  if (words.length === 0) return new Uint32Array(0);
  const count = Math.max(1, words.length - size + 1);
  const hashes = new Uint32Array(count);
  for (let start = 0; start < count; start++) hashes[start] = hashWords(words, start, size);
  hashes.sort();
  return distinctSorted(hashes);
}

/** FNV-1a over the UTF-16 code units, finished by {@link mix32}. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return mix32(hash);
}

/**
 * `hashString(words.slice(start, start + count).join(' '))`, without building
 * the joined string: FNV-1a is fed the same code units (the words, one space
 * between them). Hashing shingles this way saves an array and a string per shingle.
 */
export function hashWords(words: readonly string[], start: number, count: number): number {
  const end = Math.min(words.length, start + count);
  let hash = 0x811c9dc5;
  for (let at = start; at < end; at++) {
    if (at > start) hash = Math.imul(hash ^ 0x20, 0x01000193);
    const word = words[at] ?? '';
    for (let index = 0; index < word.length; index++) {
      hash = Math.imul(hash ^ word.charCodeAt(index), 0x01000193);
    }
  }
  return mix32(hash);
}

/** MurmurHash3's 32-bit finaliser: a bijection that spreads every input bit over the output. */
export function mix32(value: number): number {
  let hash = value >>> 0;
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

function distinctSorted(sorted: Uint32Array): Uint32Array {
  let write = 0;
  for (let read = 0; read < sorted.length; read++) {
    if (read === 0 || sorted[read] !== sorted[write - 1]) sorted[write++] = sorted[read] ?? 0;
  }
  return sorted.subarray(0, write);
}
