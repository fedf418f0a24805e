import type { CompiledTerm, TokenSequence, WordMatcher } from './compile-topics.ts';
import { stemIn, stemsOf, stemWord, type WordStems } from './stem.ts';
import type { Token } from './tokenise.ts';

/** Where a term occurs: token indexes, inclusive, and the tokens the term's words matched. */
export interface Occurrence {
  readonly first: number;
  readonly last: number;
  /** For `a ~N b`, the words between the two sides are not among them. */
  readonly matched: readonly number[];
}

/**
 * The tokens of one field, indexed for matching many terms: folded words in
 * sorted order (for prefixes) and stems per language (computed on demand, memoised).
 */
export interface FieldIndex {
  readonly tokens: readonly Token[];
  readonly sortedFolded: readonly (readonly [string, readonly number[]])[];
  /** The stem record of each word of `sortedFolded`, at the same position. */
  readonly wordStems: readonly WordStems[];
  /** Per language, the words' positions by stem (built when a stem term of that language first asks). */
  readonly stems: Map<string, StemPositions>;
}

/**
 * Per stem, the position lists of the words with that stem; several lists are
 * merged into one sorted list the first time that stem is asked for (most
 * stems of a text never are).
 */
type StemPositions = Map<string, (readonly number[])[]>;

// One index per token list (tokenise() shares lists between stages), so stems are computed once per article.
const indexes = new WeakMap<readonly Token[], FieldIndex>();

export function indexField(tokens: readonly Token[]): FieldIndex {
  let index = indexes.get(tokens);
  if (index === undefined) {
    index = buildIndex(tokens);
    indexes.set(tokens, index);
  }
  return index;
}

function buildIndex(tokens: readonly Token[]): FieldIndex {
  const byFolded = new Map<string, number[]>();
  tokens.forEach((token, index) => {
    const positions = byFolded.get(token.folded);
    if (positions === undefined) byFolded.set(token.folded, [index]);
    else positions.push(index);
  });
  const sortedFolded = [...byFolded].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const wordStems = sortedFolded.map(([folded]) => stemsOf(folded));
  return { tokens, sortedFolded, wordStems, stems: new Map() };
}

/** Every occurrence of the term in the field, in text order. */
export function findTerm(index: FieldIndex, term: CompiledTerm): Occurrence[] {
  if (term.kind === 'phrase') return findSequence(index, term.sequence);
  const lefts = findSequence(index, term.left);
  if (lefts.length === 0) return [];
  const rights = findSequence(index, term.right);
  const found: Occurrence[] = [];
  for (const left of lefts) {
    // Distance in words between the two sides' first tokens, in either order.
    const right = rights.find(
      (candidate) =>
        Math.abs(candidate.first - left.first) <= term.maxDistance &&
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

function findSequence(index: FieldIndex, sequence: TokenSequence): Occurrence[] {
  const [head, ...rest] = sequence;
  if (head === undefined) return [];
  const found: Occurrence[] = [];
  for (const start of positionsOf(index, head)) {
    const isMatch = rest.every((matcher, offset) => {
      const token = index.tokens[start + offset + 1];
      return token !== undefined && matchesToken(matcher, token);
    });
    if (isMatch) {
      const matched = Array.from({ length: sequence.length }, (_, offset) => start + offset);
      found.push({ first: start, last: start + rest.length, matched });
    }
  }
  return found;
}

function positionsOf(index: FieldIndex, matcher: WordMatcher): readonly number[] {
  if (matcher.kind === 'stem') return stemPositions(index, matcher.language, matcher.stem);
  const positions: number[] = [];
  for (let at = lowerBound(index.sortedFolded, matcher.prefix); at < index.sortedFolded.length; at++) {
    const entry = index.sortedFolded[at];
    if (entry === undefined || !entry[0].startsWith(matcher.prefix)) break;
    positions.push(...entry[1]);
  }
  return positions.sort((a, b) => a - b);
}

function matchesToken(matcher: WordMatcher, token: Token): boolean {
  if (matcher.kind === 'prefix') return token.folded.startsWith(matcher.prefix);
  return stemWord(matcher.language, token.folded) === matcher.stem;
}

function stemPositions(
  index: FieldIndex,
  language: Parameters<typeof stemWord>[0],
  stem: string,
): readonly number[] {
  const lists = stemIndex(index, language).get(stem);
  if (lists === undefined) return [];
  if (lists.length > 1)
    lists.splice(
      0,
      lists.length,
      lists.flat().sort((a, b) => a - b),
    );
  return lists[0] ?? [];
}

function stemIndex(index: FieldIndex, language: Parameters<typeof stemWord>[0]): StemPositions {
  let positions = index.stems.get(language);
  if (positions === undefined) {
    positions = new Map();
    for (const [position, [folded, at]] of index.sortedFolded.entries()) {
      const stem = stemIn(index.wordStems[position] ?? stemsOf(folded), language, folded);
      const lists = positions.get(stem);
      if (lists === undefined) positions.set(stem, [at]);
      else lists.push(at);
    }
    index.stems.set(language, positions);
  }
  return positions;
}

function lowerBound(sorted: readonly (readonly [string, readonly number[]])[], key: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle]?.[0] ?? '') < key) low = middle + 1;
    else high = middle;
  }
  return low;
}
