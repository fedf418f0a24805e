import { foldWord } from './fold.ts';

/**
 * A distinct written word (case and marks as written). Tokens of the same
 * word share one record, so what the matchers learn about a word is learnt
 * once per run: the record carries their memos. Reading the memos from the
 * token's word, rather than looking each word up in a memo of each matcher,
 * took the five matching stages from 0.95 to 0.76 CPU ms per benchmark page.
 */
export interface Word {
  /** As written. */
  readonly text: string;
  /** Folded ({@link foldWord}). */
  readonly folded: string;
  /**
   * Memo of term-dictionary.ts: the term sequences that start with this word
   * (`termHeads`) in the dictionary last matched (`termHeadsOf`; processPage
   * matches every word against one).
   */
  termHeadsOf: object | undefined;
  termHeads: readonly object[];
  /**
   * Memo of name-matcher.ts: per name index (by its number), the names that
   * may start with this word.
   */
  names: (readonly object[] | undefined)[] | undefined;
}

/**
 * The lexicon: every written word met so far, with its record, found by a
 * hash of its code units read in place.
 *
 * Why not a Map from the written word: the Map needs the word as a string of
 * its own (a slice per token) and hashes it again, and with the tens of
 * thousands of words of a long run its probes miss the processor's caches.
 * Here a word met before costs its hash, a probe of a compact array of
 * hashes and one comparison of its letters, and no string: tokenising a
 * fundus body, with the lexicon of both benchmark sets (~63,000 words),
 * 0.23 → 0.185 CPU ms.
 */

/** Words kept before the lexicon starts afresh (bounds memory in long runs). */
const MAX_WORDS = 200_000;
/** Slots of the open-addressing table: a power of two, at most ~76% full. */
const SLOTS = 1 << 18;
const MASK = SLOTS - 1;
/** Per slot: 1 + the index of its word in `words`, or 0 when the slot is free. */
const slotWords = new Int32Array(SLOTS);
/** Per slot: the hash of its word, compared before the word's letters. */
const slotHashes = new Int32Array(SLOTS);
let words: Word[] = [];

const NOT_MATCHED: readonly object[] = [];
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;

/** The record of the word written `text[start .. end)`, made on first sight. */
export function wordAt(text: string, start: number, end: number): Word {
  let hash = FNV_OFFSET;
  for (let at = start; at < end; at++) hash = Math.imul(hash ^ text.charCodeAt(at), FNV_PRIME);
  let slot = (hash ^ (hash >>> 15)) & MASK;
  for (;;) {
    const held = slotWords[slot] ?? 0;
    if (held === 0) break;
    if (slotHashes[slot] === hash) {
      const word = words[held - 1] as Word;
      if (isWrittenAt(word.text, text, start, end)) return word;
    }
    slot = (slot + 1) & MASK;
  }
  if (words.length >= MAX_WORDS) return startAfresh(ownCopy(text.slice(start, end)));
  const written = ownCopy(text.slice(start, end));
  const word = newWord(written);
  words.push(word);
  slotWords[slot] = words.length;
  slotHashes[slot] = hash;
  return word;
}

/**
 * The word as a string of its own. V8 makes a slice of 13 code units or more
 * a view into the whole text, so a lexicon of such slices would keep every
 * article body it met in memory for the life of the process; concatenating
 * first makes the slice a view of a fresh copy only one unit longer.
 */
function ownCopy(slice: string): string {
  return slice.length < 13 ? slice : ` ${slice}`.slice(1);
}

function isWrittenAt(written: string, text: string, start: number, end: number): boolean {
  if (written.length !== end - start) return false;
  for (let at = 0; at < written.length; at++) {
    if (written.charCodeAt(at) !== text.charCodeAt(start + at)) return false;
  }
  return true;
}

function newWord(written: string): Word {
  return {
    text: written,
    folded: foldWord(written),
    termHeadsOf: undefined,
    termHeads: NOT_MATCHED,
    names: undefined,
  };
}

/** Empties the lexicon and enters `written` as its first word. */
function startAfresh(written: string): Word {
  slotWords.fill(0);
  words = [];
  return wordAt(written, 0, written.length);
}
