import { parseTermPattern, type TermWord } from '../../config/term-pattern.ts';
import type { TermPattern } from '../../config/types.ts';
import type { CoalitionLanguage } from '../../core/languages.ts';
import { foldWord } from './fold.ts';
import { stemWord } from './stem.ts';
import { tokenise } from './tokenise.ts';

/** How one token of a term is recognised. */
export type WordMatcher =
  | { readonly kind: 'stem'; readonly language: CoalitionLanguage; readonly stem: string }
  | { readonly kind: 'prefix'; readonly prefix: string };

/** Tokens that must follow each other (one word of a term can be several tokens: `într-un`). */
export type TokenSequence = readonly WordMatcher[];

export type CompiledTerm = {
  /** The pattern as the taxonomy writes it, for explanations. */
  readonly source: TermPattern;
  readonly language: CoalitionLanguage;
} & (
  | { readonly kind: 'phrase'; readonly sequence: TokenSequence }
  | {
      readonly kind: 'near';
      readonly left: TokenSequence;
      readonly right: TokenSequence;
      readonly maxDistance: number;
    }
);

/** Compiles one pattern of `language`, or says why it cannot be. */
export function compileTerm(
  pattern: TermPattern,
  language: CoalitionLanguage,
): { ok: true; term: CompiledTerm } | { ok: false; reason: string } {
  const parsed = parseTermPattern(pattern);
  if (!parsed.ok) return parsed;
  const { term } = parsed;
  if (term.kind === 'phrase') {
    const sequence = term.words.flatMap((word) => compileWord(word, language));
    if (sequence.length === 0) return { ok: false, reason: 'the term has no letters or digits' };
    return { ok: true, term: { source: pattern, language, kind: 'phrase', sequence } };
  }
  const left = compileWord(term.left, language);
  const right = compileWord(term.right, language);
  if (left.length === 0 || right.length === 0) return { ok: false, reason: 'each side of `~N` needs a word' };
  return {
    ok: true,
    term: { source: pattern, language, kind: 'near', left, right, maxDistance: term.maxDistance },
  };
}

/** One term word → its tokens; with `*`, the last token is a prefix. */
function compileWord(word: TermWord, language: CoalitionLanguage): WordMatcher[] {
  const tokens = tokenise(word.text);
  return tokens.map((token, index): WordMatcher => {
    if (word.isPrefix && index === tokens.length - 1) return { kind: 'prefix', prefix: foldWord(token.text) };
    return { kind: 'stem', language, stem: stemWord(language, token.folded) };
  });
}
