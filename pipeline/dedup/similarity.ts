/** Overlap measures between two shingle sets (sorted, distinct; shingles.ts). */

/** The number of hashes two sorted, distinct sets share. */
export function sharedCount(a: Uint32Array, b: Uint32Array): number {
  let shared = 0;
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] ?? 0;
    const y = b[j] ?? 0;
    if (x === y) {
      shared++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return shared;
}

/** |A ∩ B| / |A ∪ B|, 0..1; 0 when both are empty. */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  const shared = sharedCount(a, b);
  const union = a.length + b.length - shared;
  return union === 0 ? 0 : shared / union;
}

/**
 * |A ∩ B| / min(|A|, |B|), 0..1: how much of the shorter text is in the
 * longer one. 1 for a shortened copy (an agency's first paragraphs) where
 * Jaccard would be small; 0 when either set is empty.
 */
export function containment(a: Uint32Array, b: Uint32Array): number {
  const smaller = Math.min(a.length, b.length);
  return smaller === 0 ? 0 : sharedCount(a, b) / smaller;
}
