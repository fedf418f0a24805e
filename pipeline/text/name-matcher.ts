import { foldWord, type Token } from '../topics/index.ts';

/**
 * How one word of a name is recognised in a text. Names (organisations,
 * places) are matched differently from topic terms: no stemming in a
 * guessed language, but an explicit set of written forms, a tolerance for
 * inflectional endings, or the exact spelling of an abbreviation.
 */
export type NameWord =
  /** The token as written, case and diacritics included (`SAR`, `UdSC`). */
  | { readonly kind: 'exact'; readonly text: string }
  /** The folded token is one of `forms` (`warszawa`, `warszawie`, `warszawy`). */
  | { readonly kind: 'forms'; readonly forms: ReadonlySet<string>; readonly isCapitalised: boolean }
  /**
   * The folded token is the folded word with its ending changed: it shares
   * the word's first letters but for the last {@link MAX_CHANGED_LETTERS}
   * (at least {@link MIN_SHARED_LETTERS}), and adds at most
   * {@link MAX_ADDED_LETTERS} letters (`fundația` → `fundației`,
   * `urząd` → `urzędu`, `helsińska` → `helsińskiej`). Words of up to 3 letters
   * must be equal (`de`, `do`, `ds`).
   */
  | { readonly kind: 'inflected'; readonly folded: string; readonly isCapitalised: boolean };

/** A name as a sequence of words, with the key it counts for. */
export interface NamePattern<K> {
  readonly key: K;
  readonly words: readonly NameWord[];
}

/** Letters of a word's end that an inflection may replace. */
export const MAX_CHANGED_LETTERS = 3;
/** Letters an inflected form may have beyond the shared start. */
export const MAX_ADDED_LETTERS = 5;
/** Shortest shared start of an inflected word and its base form. */
export const MIN_SHARED_LETTERS = 3;

/** Patterns grouped by the first letters of their first word, for matching many names at once. */
export interface NameIndex<K> {
  readonly byHead: ReadonlyMap<string, readonly NamePattern<K>[]>;
  /** This index's slot in the words' memos (tokenise.ts `Word.names`). */
  readonly id: number;
}

/** A name found in the text: token indexes, inclusive. */
export interface NameOccurrence<K> {
  readonly key: K;
  readonly first: number;
  readonly last: number;
}

const HEAD_LENGTH = 3;
const NO_PATTERNS: readonly NamePattern<never>[] = [];
/** Indexes made so far: the next one's {@link NameIndex.id}. */
let indexCount = 0;

export function indexNames<K>(patterns: readonly NamePattern<K>[]): NameIndex<K> {
  const byHead = new Map<string, NamePattern<K>[]>();
  for (const pattern of patterns) {
    const [head] = pattern.words;
    if (head === undefined) continue;
    for (const key of headsOf(head)) {
      const list = byHead.get(key);
      if (list === undefined) byHead.set(key, [pattern]);
      else if (!list.includes(pattern)) list.push(pattern);
    }
  }
  return { byHead, id: indexCount++ };
}

/**
 * Every name of the index found in the tokens. Where names overlap, the
 * longer one wins and a token counts for one name only (`APML România` is one
 * mention, not also one of `APML`). Names whose key `accepts` refuses are
 * left out before overlaps are settled.
 */
export function findNames<K>(
  index: NameIndex<K>,
  tokens: readonly Token[],
  accepts: (key: K) => boolean = () => true,
): NameOccurrence<K>[] {
  const candidates: NameOccurrence<K>[] = [];
  for (let start = 0; start < tokens.length; start++) {
    const patterns = patternsStartingWith(index, tokens[start] as Token);
    for (const pattern of patterns) {
      if (!accepts(pattern.key)) continue;
      if (isNameAt(pattern, tokens, start))
        candidates.push({ key: pattern.key, first: start, last: start + pattern.words.length - 1 });
    }
  }
  candidates.sort((a, b) => b.last - b.first - (a.last - a.first) || a.first - b.first);
  const used = new Set<number>();
  const kept: NameOccurrence<K>[] = [];
  for (const occurrence of candidates) {
    const positions = range(occurrence.first, occurrence.last);
    if (positions.some((at) => used.has(at))) continue;
    for (const at of positions) used.add(at);
    kept.push(occurrence);
  }
  return kept.sort((a, b) => a.first - b.first);
}

/** Whether the pattern's words match the tokens from `start` on. */
function isNameAt<K>(pattern: NamePattern<K>, tokens: readonly Token[], start: number): boolean {
  const { words } = pattern;
  for (let offset = 0; offset < words.length; offset++) {
    const candidate = tokens[start + offset];
    if (candidate === undefined || !matchesWord(words[offset] as NameWord, candidate)) return false;
  }
  return true;
}

/** Counts occurrences per key. */
export function countByKey<K>(occurrences: readonly NameOccurrence<K>[]): Map<K, number> {
  const counts = new Map<K, number>();
  for (const { key } of occurrences) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

export function matchesWord(word: NameWord, token: Token): boolean {
  if (word.kind === 'exact') return withoutPossessive(token.text) === word.text;
  if (word.isCapitalised && !isCapitalised(token.text)) return false;
  const folded = withoutPossessive(token.folded);
  if (word.kind === 'forms') return word.forms.has(folded);
  return isInflectionOf(folded, word.folded);
}

/**
 * Whether `folded` is `base` with an inflectional ending (see {@link NameWord}).
 * Lengths are in code points, counted in place rather than by spreading the
 * words into arrays (a letter outside the BMP is one letter, a lone surrogate too):
 * with {@link isNameAt}'s plain loop instead of a closure per pattern tried,
 * organisations and places together 0.18 → 0.09 CPU ms per benchmark body.
 */
export function isInflectionOf(folded: string, base: string): boolean {
  if (folded === base) return true;
  const baseLength = codePointCount(base);
  if (baseLength <= 3) return false;
  const shared = sharedStart(folded, base);
  const needed = Math.max(MIN_SHARED_LETTERS, baseLength - MAX_CHANGED_LETTERS);
  return shared >= needed && codePointCount(folded) - shared <= MAX_ADDED_LETTERS;
}

/** English possessive (`Kyiv's`, `IOM's`, `migrants'`) left out; other apostrophes are part of a word (`Слов'янськ`). */
export function withoutPossessive(text: string): string {
  // Most words end in neither an apostrophe nor `s`: skip the regular expression for them.
  const last = text.charAt(text.length - 1);
  if (last !== 's' && last !== "'" && last !== '’') return text;
  return text.replace(/['’]s?$/u, '');
}

function isCapitalised(text: string): boolean {
  const first = text.charAt(0);
  return first !== first.toLowerCase();
}

/** How many code points the two texts share at their start. */
function sharedStart(a: string, b: string): number {
  let shared = 0;
  let at = 0;
  while (at < a.length && at < b.length) {
    const width = codePointWidth(a, at);
    if (width !== codePointWidth(b, at) || a.charCodeAt(at) !== b.charCodeAt(at)) break;
    if (width === 2 && a.charCodeAt(at + 1) !== b.charCodeAt(at + 1)) break;
    shared++;
    at += width;
  }
  return shared;
}

/** `[...text].length`. */
function codePointCount(text: string): number {
  let count = 0;
  for (let at = 0; at < text.length; at += codePointWidth(text, at)) count++;
  return count;
}

/** 2 where a surrogate pair starts at `at`, else 1. */
function codePointWidth(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code < 0xd800 || code > 0xdbff) return 1;
  const low = text.charCodeAt(at + 1);
  return low >= 0xdc00 && low <= 0xdfff ? 2 : 1;
}

function headsOf(word: NameWord): string[] {
  if (word.kind === 'exact') return [head(foldWord(word.text))];
  if (word.kind === 'forms') return [...new Set([...word.forms].map(head))];
  return [head(word.folded)];
}

/**
 * The index's patterns whose first word may be the token's word, memoised on
 * the word (tokenise.ts `Word`): an array read per token instead of a head
 * key and a Map look-up per token and index (organisations and places
 * together 0.25 → 0.23 CPU ms per fundus body).
 */
function patternsStartingWith<K>(index: NameIndex<K>, token: Token): readonly NamePattern<K>[] {
  const { word } = token;
  let memo = word.names;
  if (memo === undefined) {
    memo = [];
    word.names = memo;
  }
  // The memo holds the patterns of the index whose id is the slot.
  let patterns = memo[index.id] as readonly NamePattern<K>[] | undefined;
  if (patterns === undefined) {
    patterns = index.byHead.get(head(withoutPossessive(word.folded))) ?? NO_PATTERNS;
    memo[index.id] = patterns;
  }
  return patterns;
}

/** The first {@link HEAD_LENGTH} code points of the text (a letter outside the BMP is one, not two). */
function head(text: string): string {
  let end = 0;
  for (let count = 0; count < HEAD_LENGTH && end < text.length; count++) {
    end += (text.codePointAt(end) ?? 0) > 0xffff ? 2 : 1;
  }
  return text.slice(0, end);
}

function range(first: number, last: number): number[] {
  return Array.from({ length: last - first + 1 }, (_, offset) => first + offset);
}
