import type { CoalitionLanguage } from '../../core/languages.ts';
import type { CompiledTerm, TokenSequence, WordMatcher } from './compile-term.ts';
import {
  LONG_STEM_OPENING_LENGTH,
  openingsOf,
  STEM_OPENING_LENGTH,
  stemIn,
  stemsOf,
  stemWord,
} from './stem.ts';
import type { Token, Word } from './tokenise.ts';

/** Where a term occurs: token indexes, inclusive, and the tokens the term's words matched. */
export interface Occurrence {
  readonly first: number;
  readonly last: number;
  /** For `a ~N b`, the words between the two sides are not among them. */
  readonly matched: readonly number[];
}

/**
 * A token sequence of the dictionary's terms, compiled once however many
 * terms share it (a phrase, or a side of `a ~N b`, listed by several topics).
 */
interface Sequence {
  readonly head: WordMatcher;
  readonly rest: readonly WordMatcher[];
  /** The terms found where this sequence is: its phrases, and the `near` terms whose left side it is. */
  readonly terms: readonly SequenceTerm[];
}

interface SequenceTerm {
  readonly term: CompiledTerm;
  /** The right side of a `near` term; null for a phrase. */
  readonly right: Sequence | null;
}

/**
 * Many terms compiled for matching in one pass over a text: each token is
 * looked up once, by its folded form, among the first words of the terms,
 * instead of each term being looked for in the text.
 */
export interface TermDictionary {
  readonly terms: readonly CompiledTerm[];
  /** This dictionary and those it combines ({@link combineDictionaries}): its matches serve them all. */
  readonly covers: ReadonlySet<TermDictionary>;
  /** Sequences by the stem of their first word, per language. */
  readonly byStem: ReadonlyMap<CoalitionLanguage, ReadonlyMap<string, readonly Sequence[]>>;
  /**
   * Per language of `byStem`, the openings of the words that can stem to one of
   * its stems (see openingsOf in stem.ts), or null when every word must be stemmed.
   */
  readonly stemOpenings: ReadonlyMap<CoalitionLanguage, ReadonlySet<string> | null>;
  /** Sequences whose first word is a prefix, by the prefix's first {@link PREFIX_KEY_LENGTH} code units. */
  readonly byPrefix: ReadonlyMap<string, readonly Sequence[]>;
  /** Sequences whose first word is a prefix shorter than that. */
  readonly shortPrefixed: readonly Sequence[];
}

/** The occurrences of the dictionary's terms in one text, for the terms that occur (in text order). */
export type TermMatches = ReadonlyMap<CompiledTerm, readonly Occurrence[]>;

const PREFIX_KEY_LENGTH = 3;
const NO_SEQUENCES: readonly Sequence[] = [];
const NO_OCCURRENCES: readonly Occurrence[] = [];

/** Compiles terms (of any stage: topics, exclusions, frames, terminology) into one dictionary. */
export function compileDictionary(terms: readonly CompiledTerm[]): TermDictionary {
  const sequences = new Map<string, { head: WordMatcher; rest: WordMatcher[]; terms: SequenceTerm[] }>();
  const sequenceOf = (
    tokens: TokenSequence,
  ): { head: WordMatcher; rest: WordMatcher[]; terms: SequenceTerm[] } | null => {
    const [head, ...rest] = tokens;
    if (head === undefined) return null;
    const key = tokens.map(matcherKey).join(' ');
    let sequence = sequences.get(key);
    if (sequence === undefined) {
      sequence = { head, rest, terms: [] };
      sequences.set(key, sequence);
    }
    return sequence;
  };
  for (const term of terms) {
    if (term.kind === 'phrase') sequenceOf(term.sequence)?.terms.push({ term, right: null });
    else {
      const right = sequenceOf(term.right);
      if (right !== null) sequenceOf(term.left)?.terms.push({ term, right });
    }
  }
  const byStem = new Map<CoalitionLanguage, Map<string, Sequence[]>>();
  const byPrefix = new Map<string, Sequence[]>();
  const shortPrefixed: Sequence[] = [];
  for (const sequence of sequences.values()) {
    const { head } = sequence;
    if (head.kind === 'stem') {
      let stems = byStem.get(head.language);
      if (stems === undefined) {
        stems = new Map();
        byStem.set(head.language, stems);
      }
      listIn(stems, head.stem).push(sequence);
    } else if (head.prefix.length < PREFIX_KEY_LENGTH) shortPrefixed.push(sequence);
    else listIn(byPrefix, head.prefix.slice(0, PREFIX_KEY_LENGTH)).push(sequence);
  }
  const stemOpenings = new Map<CoalitionLanguage, Set<string> | null>();
  for (const [language, stems] of byStem) {
    const openings = [...stems.keys()].map((stem) => openingsOf(language, stem));
    stemOpenings.set(
      language,
      openings.includes(null) ? null : new Set(openings.flatMap((list) => list ?? [])),
    );
  }
  const dictionary = {
    terms,
    covers: new Set<TermDictionary>(),
    byStem,
    stemOpenings,
    byPrefix,
    shortPrefixed,
  };
  dictionary.covers.add(dictionary);
  return dictionary;
}

/** One dictionary of the terms of several: a text matched once against it serves each of them. */
export function combineDictionaries(...dictionaries: readonly TermDictionary[]): TermDictionary {
  const combined = compileDictionary(dictionaries.flatMap((dictionary) => dictionary.terms));
  const covers = combined.covers as Set<TermDictionary>;
  for (const dictionary of dictionaries) for (const covered of dictionary.covers) covers.add(covered);
  return combined;
}

/** Every occurrence of every term of the dictionary in the tokens of one text. */
export function matchTerms(dictionary: TermDictionary, tokens: readonly Token[]): TermMatches {
  const starts = new Map<Sequence, number[]>();
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at] as Token;
    for (const sequence of headsOf(dictionary, token.word)) {
      if (!restMatches(sequence.rest, tokens, at)) continue;
      const list = starts.get(sequence);
      if (list === undefined) starts.set(sequence, [at]);
      else list.push(at);
    }
  }
  const matches = new Map<CompiledTerm, readonly Occurrence[]>();
  for (const [sequence, positions] of starts) {
    const lefts = positions.map((start) => sequenceOccurrence(start, sequence.rest.length));
    for (const { term, right } of sequence.terms) {
      if (right === null || term.kind !== 'near') {
        matches.set(term, lefts);
        continue;
      }
      const rights = (starts.get(right) ?? []).map((start) => sequenceOccurrence(start, right.rest.length));
      const found = nearOccurrences(lefts, rights, term.maxDistance);
      if (found.length > 0) matches.set(term, found);
    }
  }
  return matches;
}

/** The occurrences of one term among the matches (none when it does not occur). */
export function occurrencesOf(matches: TermMatches, term: CompiledTerm): readonly Occurrence[] {
  return matches.get(term) ?? NO_OCCURRENCES;
}

function sequenceOccurrence(start: number, restLength: number): Occurrence {
  const matched: number[] = [];
  for (let at = start; at <= start + restLength; at++) matched.push(at);
  return { first: start, last: start + restLength, matched };
}

/** `a ~N b`: each left side with the first right side within N words (between first tokens), in either order. */
function nearOccurrences(
  lefts: readonly Occurrence[],
  rights: readonly Occurrence[],
  maxDistance: number,
): Occurrence[] {
  const found: Occurrence[] = [];
  for (const left of lefts) {
    const right = rights.find(
      (candidate) =>
        Math.abs(candidate.first - left.first) <= maxDistance &&
        (candidate.first > left.last || candidate.last < left.first),
    );
    if (right !== undefined) {
      found.push({
        first: Math.min(left.first, right.first),
        last: Math.max(left.last, right.last),
        matched: [...left.matched, ...right.matched].sort((a, b) => a - b),
      });
    }
  }
  return found;
}

/** The sequences that start with the word, from the word's memo when it was last matched against this dictionary. */
function headsOf(dictionary: TermDictionary, word: Word): readonly Sequence[] {
  // The memo holds Sequences of `word.termHeadsOf`.
  if (word.termHeadsOf === dictionary) return word.termHeads as readonly Sequence[];
  const heads = findHeads(dictionary, word.folded);
  word.termHeadsOf = dictionary;
  word.termHeads = heads;
  return heads;
}

function findHeads(dictionary: TermDictionary, folded: string): readonly Sequence[] {
  const heads: Sequence[] = [];
  const stems = stemsOf(folded);
  const opening = folded.slice(0, STEM_OPENING_LENGTH);
  const longOpening = folded.slice(0, LONG_STEM_OPENING_LENGTH);
  for (const [language, byStem] of dictionary.byStem) {
    const openings = dictionary.stemOpenings.get(language);
    if (openings !== null && openings !== undefined && !openings.has(opening) && !openings.has(longOpening))
      continue;
    const sequences = byStem.get(stemIn(stems, language, folded));
    if (sequences !== undefined) heads.push(...sequences);
  }
  for (const sequence of dictionary.byPrefix.get(folded.slice(0, PREFIX_KEY_LENGTH)) ?? NO_SEQUENCES) {
    if (matchesWord(sequence.head, folded)) heads.push(sequence);
  }
  for (const sequence of dictionary.shortPrefixed) {
    if (matchesWord(sequence.head, folded)) heads.push(sequence);
  }
  return heads.length === 0 ? NO_SEQUENCES : heads;
}

function restMatches(rest: readonly WordMatcher[], tokens: readonly Token[], start: number): boolean {
  for (let offset = 0; offset < rest.length; offset++) {
    const token = tokens[start + offset + 1];
    if (token === undefined || !matchesWord(rest[offset] as WordMatcher, token.folded)) return false;
  }
  return true;
}

function matchesWord(matcher: WordMatcher, folded: string): boolean {
  if (matcher.kind === 'prefix') return folded.startsWith(matcher.prefix);
  return stemWord(matcher.language, folded) === matcher.stem;
}

function matcherKey(matcher: WordMatcher): string {
  return matcher.kind === 'prefix' ? `*${matcher.prefix}` : `${matcher.language}:${matcher.stem}`;
}

function listIn<V>(map: Map<string, V[]>, key: string): V[] {
  let list = map.get(key);
  if (list === undefined) {
    list = [];
    map.set(key, list);
  }
  return list;
}
