import type { StoryComparison, StoryMatcher, StoryText } from '../types.ts';
import { shingleSet } from './shingles.ts';
import { containment, sharedCount } from './similarity.ts';

/**
 * The decision rule of story folding, measured by bench/dedup (figures in its
 * README section of the report):
 * 1. the same content hash (contentHashOf: case and spacing ignored) is an
 *    `exact-copy`;
 * 2. otherwise the two bodies are compared as sets of 4-word shingles
 *    (shingles.ts: no diacritics, no punctuation, numbers kept) by
 *    containment, |A ∩ B| / min(|A|, |B|), which is 1 for a shortened copy
 *    (an agency's first paragraphs) and stays high when boilerplate is added
 *    or removed at either end or a few words are changed; at or above
 *    {@link NEAR_COPY_THRESHOLD} it is a `near-copy`. 0.35 rather than 0.5:
 *    a short brief carrying another outlet's header and footer on both sides
 *    falls to 0.4–0.5, while the most similar different-story pair bench/dedup
 *    found (two articles of one outlet sharing a long standard passage) is at 0.28;
 * 3. containment on a tiny text proves little (a shared sentence is all of a
 *    one-sentence brief), so the two must also share at least
 *    {@link MIN_SHARED_SHINGLES} shingles;
 * 4. anything else is `different`. Different articles on the same subject
 *    share names and terms but rarely four words in a row, so their
 *    containment stays far below the threshold.
 */
export const NEAR_COPY_THRESHOLD = 0.35;
/** Shared shingles a near copy needs besides the threshold (about one sentence). */
export const MIN_SHARED_SHINGLES = 10;

/** Compares two texts by the rule above. Pure; recomputes both shingle sets. */
export function compareStoryTexts(a: StoryText, b: StoryText): StoryComparison {
  return decide(a, b, shingleSet(a.body), shingleSet(b.body));
}

/**
 * A {@link StoryMatcher} that keeps the shingle sets of the last
 * `cacheSize` bodies (by content hash), so comparing one article with many
 * candidates shingles it once. Default cache: 512 bodies.
 */
export function createStoryMatcher(cacheSize = 512): StoryMatcher {
  const cache = new Map<string, Uint32Array>();
  const shinglesOf = (text: StoryText): Uint32Array => {
    const cached = cache.get(text.contentHash);
    if (cached !== undefined) return cached;
    const shingles = shingleSet(text.body);
    if (cache.size >= cacheSize) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(text.contentHash, shingles);
    return shingles;
  };
  return (a, b) => decide(a, b, shinglesOf(a), shinglesOf(b));
}

function decide(a: StoryText, b: StoryText, shinglesA: Uint32Array, shinglesB: Uint32Array): StoryComparison {
  if (a.contentHash === b.contentHash && shinglesA.length > 0)
    return { relation: 'exact-copy', similarity: 1 };
  const similarity = containment(shinglesA, shinglesB);
  const isNearCopy =
    similarity >= NEAR_COPY_THRESHOLD && sharedCount(shinglesA, shinglesB) >= MIN_SHARED_SHINGLES;
  return { relation: isNearCopy ? 'near-copy' : 'different', similarity };
}
