import { createHash } from 'node:crypto';
import { countBitsSet } from './dedup/bit-counts.ts';
import { hashWordRun, mix32 } from './dedup/fnv-hash.ts';
import { scanWords } from './dedup/scan-words.ts';

const SHINGLE_WORDS = 3;

/**
 * Whitespace that `.replace(/\s+/g, ' ')` would change: runs of two or more
 * and any single whitespace but a space. Leaving the single spaces alone gives
 * the same string and saves rebuilding it at every space (0.045 → 0.018 ms per aeb page).
 */
const SPACE_TO_COLLAPSE = /\s\s+|[^\S ]/g;

/** SHA-256 (hex) of a text with case and whitespace normalised: equal for exact copies. */
export function contentHashOf(text: string): string {
  const canonical = text.toLowerCase().replace(SPACE_TO_COLLAPSE, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex');
}

// The shingles' hashes, in buffers reused from text to text (see scan-words.ts for why).
let lowsBuffer = new Uint32Array(1 << 12);
let highsBuffer = new Uint32Array(1 << 12);

/**
 * 64-bit simhash (16 hex digits) over overlapping 3-word shingles of the
 * text's words: each shingle's 64-bit hash (two 32-bit halves) votes on every
 * bit. Light edits change few bits, so near copies are a small Hamming
 * distance apart (see {@link hammingDistance}). Stored for analysts' ad-hoc
 * queries; story folding itself uses pipeline/dedup's shingle containment.
 */
export function simhashOf(text: string): string {
  // The words of `text.toLowerCase().match(/[\p{L}\p{N}]+/gu)`.
  const words = scanWords(text.toLowerCase(), 'separate');
  const shingleCount = Math.max(1, words.count - SHINGLE_WORDS + 1);
  if (lowsBuffer.length < shingleCount) {
    lowsBuffer = new Uint32Array(shingleCount);
    highsBuffer = new Uint32Array(shingleCount);
  }
  const lows = lowsBuffer.subarray(0, shingleCount);
  const highs = highsBuffer.subarray(0, shingleCount);
  for (let start = 0; start < shingleCount; start++) {
    const low = hashWordRun(words, start, SHINGLE_WORDS);
    lows[start] = low;
    highs[start] = mix32(low ^ 0x5bd1e995);
  }
  // A bit is set when it is set in more than half of the shingles' hashes.
  const lowVotes = countBitsSet(lows);
  const highVotes = countBitsSet(highs);
  let low = 0;
  let high = 0;
  for (let bit = 0; bit < 32; bit++) {
    if (2 * (lowVotes[bit] ?? 0) > shingleCount) low |= 1 << bit;
    if (2 * (highVotes[bit] ?? 0) > shingleCount) high |= 1 << bit;
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
