import { createHash } from 'node:crypto';
import { hashWords, mix32 } from './dedup/shingles.ts';

const SHINGLE_WORDS = 3;

/** SHA-256 (hex) of a text with case and whitespace normalised: equal for exact copies. */
export function contentHashOf(text: string): string {
  const canonical = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * 64-bit simhash (16 hex digits) over overlapping 3-word shingles of the
 * text's words: each shingle's 64-bit hash (two 32-bit halves) votes on every
 * bit. Light edits change few bits, so near copies are a small Hamming
 * distance apart (see {@link hammingDistance}). Stored for analysts' ad-hoc
 * queries; story folding itself uses pipeline/dedup's shingle containment.
 */
export function simhashOf(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  // A bit's vote is (shingles with the bit set) − (shingles without it): positive when set in more than half.
  const ones = new Int32Array(64);
  const shingleCount = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let start = 0; start < shingleCount; start++) {
    const low = hashWords(words, start, SHINGLE_WORDS);
    const high = mix32(low ^ 0x5bd1e995);
    for (let bit = 0; bit < 32; bit++) {
      ones[bit] = (ones[bit] ?? 0) + ((low >>> bit) & 1);
      ones[bit + 32] = (ones[bit + 32] ?? 0) + ((high >>> bit) & 1);
    }
  }
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * (ones[bit] ?? 0) > shingleCount) low |= 1 << bit;
    if (2 * (ones[bit + 32] ?? 0) > shingleCount) high |= 1 << bit;
  }
  return (high >>> 0).toString(16).padStart(8, '0') + (low >>> 0).toString(16).padStart(8, '0');
}

/** Number of differing bits between two simhashes (16 hex digits each). */
export function hammingDistance(a: string, b: string): number {
  let count = 0;
  for (const offset of [0, 8]) {
    let diff =
      (Number.parseInt(a.slice(offset, offset + 8), 16) ^
        Number.parseInt(b.slice(offset, offset + 8), 16)) >>>
      0;
    while (diff !== 0) {
      count += diff & 1;
      diff >>>= 1;
    }
  }
  return count;
}
