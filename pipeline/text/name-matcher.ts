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
}

/** A name found in the text: token indexes, inclusive. */
export interface NameOccurrence<K> {
  readonly key: K;
  readonly first: number;
  readonly last: number;
}

const HEAD_LENGTH = 3;

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
  return { byHead };
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
    const patterns = index.byHead.get(headOfToken(tokens[start] as Token));
    if (patterns === undefined) continue;
    for (const pattern of patterns) {
      if (!accepts(pattern.key)) continue;
      const isMatch = pattern.words.every((word, offset) => {
        const candidate = tokens[start + offset];
        return candidate !== undefined && matchesWord(word, candidate);
      });
      if (isMatch)
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

/** Whether `folded` is `base` with an inflectional ending (see {@link NameWord}). */
export function isInflectionOf(folded: string, base: string): boolean {
  if (folded === base) return true;
  const baseLength = [...base].length;
  if (baseLength <= 3) return false;
  const shared = sharedStart(folded, base);
  const needed = Math.max(MIN_SHARED_LETTERS, baseLength - MAX_CHANGED_LETTERS);
  return shared >= needed && [...folded].length - shared <= MAX_ADDED_LETTERS;
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

function sharedStart(a: string, b: string): number {
  const left = [...a];
  const right = [...b];
  let shared = 0;
  while (shared < left.length && shared < right.length && left[shared] === right[shared]) shared++;
  return shared;
}

function headsOf(word: NameWord): string[] {
  if (word.kind === 'exact') return [head(foldWord(word.text))];
  if (word.kind === 'forms') return [...new Set([...word.forms].map(head))];
  return [head(word.folded)];
}

/** The index key of a token's word, memoised on the word (tokenise.ts `Word`). */
function headOfToken(token: Token): string {
  let key = token.word.nameHead;
  if (key === undefined) {
    key = head(withoutPossessive(token.folded));
    token.word.nameHead = key;
  }
  return key;
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
