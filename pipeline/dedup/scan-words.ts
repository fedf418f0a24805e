import {
  classOfCodePoint,
  classOfCodeUnit,
  isLowSurrogate,
  LETTER,
  MARK,
  SURROGATE,
} from '../text/character-class.ts';

/**
 * The words of a text as one buffer of UTF-16 code units, for hashing
 * shingles without building a string per word or per shingle.
 *
 * A word is a maximal run of letters and digits, exactly the matches of
 * `/[\p{L}\p{N}]+/gu`. With `marks: 'skip'` combining marks (`\p{M}`) are
 * left out as if removed beforehand (`text.replace(/\p{M}+/gu, '')`): a mark
 * inside a word joins its two halves, and a run of marks alone is no word.
 * With `marks: 'separate'` a mark ends a word like any other non-word character.
 *
 * Why not `text.match(...)`: the match array and its strings cost more than
 * the hashing itself. Why buffers reused from call to call: a fresh typed
 * array per text is memory outside V8's heap, and every ~64 MB of it starts a
 * full collection of the pipeline's ~140 MB heap (eld's model, the compiled
 * config); reused buffers made the scan 2.8× cheaper in CPU (0.107 → 0.038 ms per aeb body).
 */

/**
 * Words of a text, joined by single spaces in `chars`: word `i` is
 * `chars[starts[i]] .. chars[starts[i + 1] - 2]`, so words `i .. j` joined by
 * spaces are `chars[starts[i]] .. chars[starts[j + 1] - 2]`, one contiguous run.
 * The arrays are shared buffers that the next {@link scanWords} overwrites:
 * use the words before scanning another text.
 */
export interface ScannedWords {
  readonly count: number;
  /** At least `count + 1` offsets into `chars`; `starts[count]` is one past the space after the last word. */
  readonly starts: Int32Array;
  /** The words' code units, a space (0x20) after each word. */
  readonly chars: Uint16Array;
}

const SPACE = 0x20;
/** Texts longer than this (in code units) get arrays of their own, so that one huge page does not pin its size in memory. */
const MAX_SHARED_LENGTH = 1 << 20;
let charsBuffer = new Uint16Array(1 << 15);
let startsBuffer = new Int32Array(1 << 14);

/** The words of `text`, as documented above. The text is taken as it is (no case folding). */
export function scanWords(text: string, marks: 'skip' | 'separate'): ScannedWords {
  // At most one word per two code units (a word and its separator), each followed by a space,
  // plus the closing offset.
  if (text.length > MAX_SHARED_LENGTH) {
    return scanInto(text, marks, new Uint16Array(text.length + 1), new Int32Array((text.length >> 1) + 2));
  }
  if (charsBuffer.length < text.length + 1) charsBuffer = new Uint16Array(text.length + 1);
  if (startsBuffer.length < (text.length >> 1) + 2) startsBuffer = new Int32Array((text.length >> 1) + 2);
  return scanInto(text, marks, charsBuffer, startsBuffer);
}

function scanInto(
  text: string,
  marks: 'skip' | 'separate',
  chars: Uint16Array,
  starts: Int32Array,
): ScannedWords {
  const skipMarks = marks === 'skip';
  let count = 0;
  let length = 0;
  let inWord = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    let characterClass = classOfCodeUnit(code);
    // The common case, a letter or digit of the BMP, first: ~12% less time per scan.
    if (characterClass === LETTER) {
      if (!inWord) starts[count++] = length;
      inWord = true;
      chars[length++] = code;
      continue;
    }
    // A letter outside the BMP (rare): its two code units, like one letter above.
    if (characterClass === SURROGATE && isLowSurrogate(text.charCodeAt(index + 1))) {
      const low = text.charCodeAt(++index);
      characterClass = classOfCodePoint(code, low);
      if (characterClass === LETTER) {
        if (!inWord) starts[count++] = length;
        inWord = true;
        chars[length++] = code;
        chars[length++] = low;
        continue;
      }
    }
    if (inWord && (characterClass !== MARK || !skipMarks)) {
      chars[length++] = SPACE;
      inWord = false;
    }
  }
  if (inWord) chars[length++] = SPACE;
  starts[count] = length;
  return { count, starts, chars };
}

/**
 * How many words the text has: `text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0`
 * without building the match array and its strings (0.115 → 0.037 ms per aeb body).
 */
export function countWords(text: string): number {
  return scanWords(text, 'separate').count;
}
