import { APOSTROPHE, classAt, LETTER, MARK } from '../text/character-class.ts';
import { type Word, wordAt } from './lexicon.ts';

export type { Word } from './lexicon.ts';

/** A word of a text, with where it stands. */
export interface Token {
  /** As written. */
  readonly text: string;
  /** Folded (fold.ts `foldWord`). */
  readonly folded: string;
  /** Offsets in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Index of the sentence the word belongs to, from 0. */
  readonly sentence: number;
  /** The word as written, shared by every token written the same way. */
  readonly word: Word;
}

/*
 * What a word is. A word: letters and digits with their combining marks, and apostrophes
 * inside (`сім'я`, `d'Italia`). Hyphens and dots split words, so that Romanian
 * clitics and compounds expose their parts (`s-a`, `anti-imigranți`, `ONG-uri`);
 * a term is split the same way, so `într-un` still matches as a phrase.
 * (natural's tokenizers split words at Romanian and Polish diacritics and are not used.)
 * Exactly: a letter or digit (`[\p{L}\p{N}]`), then letters, digits and
 * marks (`\p{M}`), and again after each apostrophe (`'’‘ʼ`) that a letter or
 * digit follows: the matches of the regular expression
 * `[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*` (flag `u`).
 * {@link tokenise} finds them with a table of character classes, which
 * with the sentence-end test below took tokenising from 0.28 to ~0.12 CPU ms
 * per aeb page (no match objects, no slice per gap between words).
 * The classes come from pipeline/text/character-class.ts.
 */

/** Code units the character at `index` takes (2 for a surrogate pair). */
function widthAt(text: string, index: number): number {
  const code = text.charCodeAt(index);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = text.charCodeAt(index + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

/** Where the word starting at `start` (a letter or digit) ends, exclusive. */
function wordEnd(text: string, start: number): number {
  let at = start + widthAt(text, start);
  while (at < text.length) {
    const found = classAt(text, at);
    if (found === LETTER || found === MARK) at += widthAt(text, at);
    else if (found === APOSTROPHE && at + 1 < text.length && classAt(text, at + 1) === LETTER) {
      at += 1 + widthAt(text, at + 1);
    } else break;
  }
  return at;
}

/**
 * Whether the gap `text[from .. to)` between two words ends a sentence: it
 * holds one of . ! ? … followed by closing quotes or brackets `"'»”)` and a
 * space (`\s`), or a line break; as `/[.!?…]["'»”)]*\s|\n/u` would find in
 * the gap, read directly instead of slicing the gap for it.
 */
function endsSentence(text: string, from: number, to: number): boolean {
  for (let at = from; at < to; at++) {
    const code = text.charCodeAt(at);
    if (code === 0x0a) return true;
    if (code !== 0x2e && code !== 0x21 && code !== 0x3f && code !== 0x2026) continue;
    let next = at + 1;
    while (next < to && isClosing(text.charCodeAt(next))) next++;
    if (next < to && isSpace(text.charCodeAt(next))) return true;
  }
  return false;
}

/** `"` `'` `»` `”` `)`. */
function isClosing(code: number): boolean {
  return code === 0x22 || code === 0x27 || code === 0xbb || code === 0x201d || code === 0x29;
}

/** `\s` of a `u` regular expression. */
function isSpace(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Splits text into words, numbering sentences as it goes. Pure (the words' memos aside). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  let at = 0;
  while (at < text.length) {
    if (classAt(text, at) !== LETTER) {
      at += widthAt(text, at);
      continue;
    }
    const start = at;
    const end = wordEnd(text, start);
    if (tokens.length > 0 && endsSentence(text, previousEnd, start)) sentence++;
    const word = wordAt(text, start, end);
    tokens.push({ text: word.text, folded: word.folded, start, end, sentence, word });
    previousEnd = end;
    at = end;
  }
  return tokens;
}
