import { describe, expect, it } from 'vitest';
import { countBitsSet } from '../../../pipeline/dedup/bit-counts.ts';
import { hashString, hashWordRun } from '../../../pipeline/dedup/fnv-hash.ts';
import { countWords, type ScannedWords, scanWords } from '../../../pipeline/dedup/scan-words.ts';
import { shingleHashes, shingleSet } from '../../../pipeline/dedup/shingles.ts';

function wordsOf(scanned: ScannedWords): string[] {
  const joined = String.fromCharCode(...scanned.chars.subarray(0, scanned.starts[scanned.count]));
  expect(joined.endsWith(' ') || scanned.count === 0).toBe(true);
  return joined === '' ? [] : joined.slice(0, -1).split(' ');
}

// Letters with and without marks, digits, astral letters and marks, lone surrogates, odd spaces.
const TRICKY = [
  'Polițiștii de frontieră din Nădlac au descoperit marți 63 de migranți.',
  "пам'ять — «Київ», 2024 р.",
  'e\u0301te\u0301 na\u0903ma x\u20DDy',
  '𝐀𝐁 c 😀 d 𐐀x \ud800 y\udc00z \ud834\udd65w',
  'a\u00a0b\u2028c\u3000d\tE\u200bF ½ Ⅻ ﬁn',
  '',
  '   ',
];

describe('scanWords', () => {
  it('finds the words /[\\p{L}\\p{N}]+/gu finds, a mark ending a word', () => {
    for (const text of TRICKY) {
      expect(wordsOf(scanWords(text, 'separate'))).toEqual(text.match(/[\p{L}\p{N}]+/gu) ?? []);
    }
  });

  it('counts the words as many as the regular expression finds', () => {
    for (const text of TRICKY) expect(countWords(text)).toBe(text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0);
  });

  it('skips marks as if they had been removed first', () => {
    for (const text of TRICKY) {
      const decomposed = text.normalize('NFKD');
      expect(wordsOf(scanWords(decomposed, 'skip'))).toEqual(
        decomposed.replace(/\p{M}+/gu, '').match(/[\p{L}\p{N}]+/gu) ?? [],
      );
    }
  });

  it('reads a text of over a million characters in arrays of its own, and shorter ones as before', () => {
    const huge = 'Ședința consiliului, 12 martie. '.repeat(40_000);
    expect(huge.length).toBeGreaterThan(1 << 20);
    const scanned = scanWords(huge, 'separate');
    expect(scanned.count).toBe(160_000);
    const joined = new TextDecoder('utf-16le').decode(
      scanned.chars.subarray(0, scanned.starts[scanned.count]),
    );
    expect(joined).toBe(`${huge.match(/[\p{L}\p{N}]+/gu)?.join(' ')} `);
    expect(wordsOf(scanWords('după ședință', 'separate'))).toEqual(['după', 'ședință']);
    expect(scanWords('x', 'separate').chars.length).toBeLessThanOrEqual(1 << 20);
  });
});

describe('shingleHashes', () => {
  it('are the hashes of the shingle set in text order, repeats included', () => {
    const text = 'unu doi trei patru unu doi trei patru cinci';
    const hashes = shingleHashes(text);
    expect(hashes).toHaveLength(6);
    expect(new Set(hashes)).toEqual(new Set(shingleSet(text)));
    expect(hashes[0]).toBe(hashString('unu doi trei patru'));
  });
});

describe('hashWordRun', () => {
  it('is hashString of the words joined by one space', () => {
    const words = scanWords('unu, doi; trei patru  cinci', 'separate');
    expect(hashWordRun(words, 1, 3)).toBe(hashString('doi trei patru'));
    expect(hashWordRun(words, 3, 4)).toBe(hashString('patru cinci'));
    expect(hashWordRun(scanWords('', 'separate'), 0, 3)).toBe(hashString(''));
  });
});

describe('countBitsSet', () => {
  it('counts, for each of the 32 bits, the values that have it set', () => {
    const values = Uint32Array.from({ length: 1000 }, (_, index) => Math.imul(index + 7, 0x9e3779b1) >>> 0);
    const expected = Array.from(
      { length: 32 },
      (_, bit) => values.filter((value) => ((value >>> bit) & 1) === 1).length,
    );
    expect([...countBitsSet(values)]).toEqual(expected);
    expect([...countBitsSet(new Uint32Array([0xffffffff, 1]))]).toEqual([2, ...Array(31).fill(1)]);
  });
});
