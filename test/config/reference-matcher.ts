// A deliberately simple reading of the TermPattern syntax, used only to check that the topic examples
// in config/topics are consistent with their own terms. It is not the tagger (pipeline/ owns that).
// Two strengths:
// - strict: a plain word matches only itself (no stemming), a prefix matches by prefix;
// - loose: a plain word also matches words that share all but its last letter, as a stemmer might.
// A must-match example should match strictly (so any tagger finds it); a must-not-match example should
// not match even loosely, unless an exclusion matches it strictly.
import { type ParsedTerm, parseTermPattern, type TermWord } from '../../config/term-pattern.ts';

export type Strength = 'strict' | 'loose';

/** Lower case, no diacritics (ș and ş alike), words of letters and digits. */
export function tokenize(text: string): string[] {
  return fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((token) => token !== '');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function wordMatches(word: TermWord, token: string, strength: Strength): boolean {
  const text = fold(word.text);
  if (word.isPrefix) return token.startsWith(text);
  if (token === text) return true;
  return strength === 'loose' && text.length > 4 && token.startsWith(text.slice(0, -1));
}

/** The terms (as written) that match the text. */
export function matchingTerms(terms: readonly string[], text: string, strength: Strength): string[] {
  const tokens = tokenize(text);
  return terms.filter((term) => {
    const parsed = parseTermPattern(term);
    if (!parsed.ok) throw new Error(`bad term ${term}: ${parsed.reason}`);
    return termMatches(parsed.term, tokens, strength);
  });
}

function termMatches(term: ParsedTerm, tokens: readonly string[], strength: Strength): boolean {
  // Words written with inner hyphens or dots are several tokens in the text.
  if (term.kind === 'phrase') {
    const words = term.words.flatMap((word) => splitWord(word));
    return tokens.some((_, start) =>
      words.every((word, offset) => {
        const token = tokens[start + offset];
        return token !== undefined && wordMatches(word, token, strength);
      }),
    );
  }
  const positions = (word: TermWord): number[] =>
    tokens.flatMap((token, index) => (wordMatches(word, token, strength) ? [index] : []));
  const left = positions(term.left);
  const right = positions(term.right);
  return left.some((l) => right.some((r) => l !== r && Math.abs(l - r) <= term.maxDistance));
}

function splitWord(word: TermWord): TermWord[] {
  const parts = word.text.split(/[^\p{L}\p{N}\p{M}]+/u).filter((part) => part !== '');
  return parts.map((text, index) => ({ text, isPrefix: word.isPrefix && index === parts.length - 1 }));
}
