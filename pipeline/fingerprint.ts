import { createHash } from 'node:crypto';

const SHINGLE_WORDS = 3;
const MASK_64 = (1n << 64n) - 1n;

/** SHA-256 (hex) of a text with case and whitespace normalised: equal for exact copies. */
export function contentHashOf(text: string): string {
  const canonical = text.toLowerCase().replace(/\s+/g, ' ').trim();
  return createHash('sha256').update(canonical).digest('hex');
}

/**
 * 64-bit simhash (16 hex digits) over overlapping 3-word shingles of the
 * text's words. Light edits change few bits, so near-copies are a small
 * Hamming distance apart (see {@link hammingDistance}).
 */
export function simhashOf(text: string): string {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  const weights = new Array<number>(64).fill(0);
  const shingleCount = Math.max(1, words.length - SHINGLE_WORDS + 1);
  for (let start = 0; start < shingleCount; start++) {
    const shingle = words.slice(start, start + SHINGLE_WORDS).join(' ');
    const hash = hash64(shingle);
    for (let bit = 0; bit < 64; bit++) {
      weights[bit] = (weights[bit] ?? 0) + (((hash >> BigInt(bit)) & 1n) === 1n ? 1 : -1);
    }
  }
  let fingerprint = 0n;
  for (let bit = 0; bit < 64; bit++) {
    if ((weights[bit] ?? 0) > 0) fingerprint |= 1n << BigInt(bit);
  }
  return fingerprint.toString(16).padStart(16, '0');
}

/** Number of differing bits between two simhashes. */
export function hammingDistance(a: string, b: string): number {
  let diff = (BigInt(`0x${a}`) ^ BigInt(`0x${b}`)) & MASK_64;
  let count = 0;
  while (diff > 0n) {
    count += Number(diff & 1n);
    diff >>= 1n;
  }
  return count;
}

function hash64(text: string): bigint {
  const digest = createHash('md5').update(text).digest();
  return digest.readBigUInt64BE(0);
}
