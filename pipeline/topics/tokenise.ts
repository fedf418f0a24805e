import { foldWord } from './fold.ts';

/** A word of a text, with where it stands. */
export interface Token {
  /** As written. */
  readonly text: string;
  /** Folded ({@link foldWord}). */
  readonly folded: string;
  /** Offsets in the text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Index of the sentence the word belongs to, from 0. */
  readonly sentence: number;
}

/**
 * A word: letters and digits with their combining marks, and apostrophes
 * inside (`сім'я`, `d'Italia`). Hyphens and dots split words, so that Romanian
 * clitics and compounds expose their parts (`s-a`, `anti-imigranți`, `ONG-uri`);
 * a term is split the same way, so `într-un` still matches as a phrase.
 * (natural's tokenizers split words at Romanian and Polish diacritics and are not used.)
 */
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;
/** Between two words, any of these ends a sentence: . ! ? … followed by space, or a line break. */
const SENTENCE_END = /[.!?…]["'»”)]*\s|\n/u;

/** Splits text into words, numbering sentences as it goes. Pure. */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (tokens.length > 0 && SENTENCE_END.test(text.slice(previousEnd, start))) sentence++;
    const end = start + match[0].length;
    tokens.push({ text: match[0], folded: foldWord(match[0]), start, end, sentence });
    previousEnd = end;
  }
  return tokens;
}
