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
  /** The word as written, shared by every token written the same way. */
  readonly word: Word;
}

/**
 * A distinct written word (case and marks as written). Tokens of the same
 * word share one record, so what the matchers learn about a word is learnt
 * once per run: the record carries their memos. Reading the memos from the
 * token's word, rather than looking each word up in a memo of each matcher,
 * took the five matching stages from 0.95 to 0.76 CPU ms per benchmark page.
 */
export interface Word {
  readonly folded: string;
  /**
   * Memo of term-dictionary.ts: the term sequences that start with this word
   * (`termHeads`) in the dictionary last matched (`termHeadsOf`; processPage
   * matches every word against one).
   */
  termHeadsOf: object | undefined;
  termHeads: readonly object[];
  /** Memo of name-matcher.ts: the key under which names starting with this word are indexed. */
  nameHead: string | undefined;
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

/** Words kept in the lexicon before it starts afresh (bounds memory in long runs). */
const MAX_LEXICON_WORDS = 200_000;
let lexicon = new Map<string, Word>();
const NOT_MATCHED: readonly object[] = [];

/** Splits text into words, numbering sentences as it goes. Pure (the words' memos aside). */
export function tokenise(text: string): Token[] {
  const tokens: Token[] = [];
  let sentence = 0;
  let previousEnd = 0;
  for (const match of text.matchAll(WORD)) {
    const start = match.index;
    if (tokens.length > 0 && SENTENCE_END.test(text.slice(previousEnd, start))) sentence++;
    const end = start + match[0].length;
    const word = wordOf(match[0]);
    tokens.push({ text: match[0], folded: word.folded, start, end, sentence, word });
    previousEnd = end;
  }
  return tokens;
}

/** The lexicon's record of a written word. */
function wordOf(text: string): Word {
  let word = lexicon.get(text);
  if (word === undefined) {
    if (lexicon.size >= MAX_LEXICON_WORDS) lexicon = new Map();
    word = { folded: foldWord(text), termHeadsOf: undefined, termHeads: NOT_MATCHED, nameHead: undefined };
    lexicon.set(text, word);
  }
  return word;
}
