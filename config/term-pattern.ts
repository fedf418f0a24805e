import type { TermPattern } from './types.ts';

/** One word of a term: matched whole (and inflected) or, with a trailing `*`, as a prefix. */
export interface TermWord {
  readonly text: string;
  readonly isPrefix: boolean;
}

/**
 * A parsed {@link TermPattern}: a phrase of one or more adjacent words, or two
 * words that must appear within `maxDistance` words of each other (`a ~5 b`).
 */
export type ParsedTerm =
  | { readonly kind: 'phrase'; readonly words: readonly TermWord[] }
  | {
      readonly kind: 'near';
      readonly left: TermWord;
      readonly right: TermWord;
      readonly maxDistance: number;
    };

export type ParseTermResult = { ok: true; term: ParsedTerm } | { ok: false; reason: string };

/** Shortest prefix before `*`: shorter ones match far too many words. */
export const MIN_PREFIX_LENGTH = 3;
/** Largest distance allowed in `a ~N b`. */
export const MAX_NEAR_DISTANCE = 30;

// A word: letters or digits, with inner hyphens, apostrophes or dots (`într-un`, `d'Italia`, `U.E`).
const WORD = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}'’.-]*[\p{L}\p{N}\p{M}])?$/u;
const NEAR = /^~(\d+)$/;

/**
 * Parses a term as documented on {@link TermPattern}: `word`, `prefix*`,
 * `two words`, `a ~5 b`. Returns the reason in plain words when the term is
 * malformed, so that a taxonomy keeper can fix it.
 */
export function parseTermPattern(pattern: TermPattern): ParseTermResult {
  const tokens = pattern
    .trim()
    .split(/\s+/u)
    .filter((token) => token !== '');
  if (tokens.length === 0) return { ok: false, reason: 'the term is empty' };
  const nearIndexes = tokens.flatMap((token, index) => (token.startsWith('~') ? [index] : []));
  if (nearIndexes.length > 1) return { ok: false, reason: 'a term can hold only one `~N`' };
  const nearIndex = nearIndexes[0];
  if (nearIndex === undefined) {
    const words: TermWord[] = [];
    for (const token of tokens) {
      const word = parseWord(token);
      if (!word.ok) return word;
      words.push(word.word);
    }
    return { ok: true, term: { kind: 'phrase', words } };
  }
  return parseNear(tokens, nearIndex);
}

function parseNear(tokens: readonly string[], nearIndex: number): ParseTermResult {
  const distance = NEAR.exec(tokens[nearIndex] ?? '');
  if (distance?.[1] === undefined) {
    return { ok: false, reason: `\`${tokens[nearIndex]}\` needs a number of words, as in \`a ~5 b\`` };
  }
  const maxDistance = Number(distance[1]);
  if (maxDistance < 1 || maxDistance > MAX_NEAR_DISTANCE) {
    return {
      ok: false,
      reason: `the distance in \`~N\` must be 1 to ${MAX_NEAR_DISTANCE}, got ${maxDistance}`,
    };
  }
  if (tokens.length !== 3 || nearIndex !== 1) {
    return { ok: false, reason: '`~N` needs exactly one word on each side, as in `border ~4 migrant*`' };
  }
  const left = parseWord(tokens[0] ?? '');
  if (!left.ok) return left;
  const right = parseWord(tokens[2] ?? '');
  if (!right.ok) return right;
  return { ok: true, term: { kind: 'near', left: left.word, right: right.word, maxDistance } };
}

function parseWord(token: string): { ok: true; word: TermWord } | { ok: false; reason: string } {
  const isPrefix = token.endsWith('*');
  const text = isPrefix ? token.slice(0, -1) : token;
  if (text.includes('*')) {
    return { ok: false, reason: `\`*\` may only end a word, as in \`refugia*\`; got \`${token}\`` };
  }
  if (!WORD.test(text)) {
    return {
      ok: false,
      reason: `\`${token}\` is not a word: use letters and digits (with inner - ' or .), no quotes or other signs`,
    };
  }
  if (isPrefix && [...text].length < MIN_PREFIX_LENGTH) {
    return {
      ok: false,
      reason: `the prefix \`${token}\` is too short: give at least ${MIN_PREFIX_LENGTH} letters before \`*\``,
    };
  }
  return { ok: true, word: { text, isPrefix } };
}
