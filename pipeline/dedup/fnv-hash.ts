import type { ScannedWords } from './scan-words.ts';

/**
 * The 32-bit hashes of pipeline/dedup: FNV-1a over UTF-16 code units,
 * finished by MurmurHash3's finaliser. Fixed forever: stored fingerprints
 * (simhash, MinHash keys) are compared with those of articles indexed earlier.
 */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** FNV-1a over the UTF-16 code units, finished by {@link mix32}. */
export function hashString(text: string): number {
  let hash = FNV_OFFSET;
  for (let index = 0; index < text.length; index++) {
    hash = Math.imul(hash ^ text.charCodeAt(index), FNV_PRIME);
  }
  return mix32(hash);
}

/**
 * `hashString` of words `first .. first + size - 1` joined by one space,
 * without building that string: FNV-1a is fed the same code units. When
 * fewer than `size` words remain after `first`, the hash of those that remain.
 */
export function hashWordRun(words: ScannedWords, first: number, size: number): number {
  const { chars, starts } = words;
  // The joined words are one run of `chars`: from the first word's start to before the space after the last.
  const end = (starts[Math.min(words.count, first + size)] ?? 0) - 1;
  let hash = FNV_OFFSET;
  for (let index = starts[first] ?? 0; index < end; index++) {
    hash = Math.imul(hash ^ (chars[index] ?? 0), FNV_PRIME);
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
