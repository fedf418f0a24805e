import { parseTermPattern, type TermWord } from '../../config/term-pattern.ts';
import type { PerLanguage, TermPattern, Topic } from '../../config/types.ts';
import { ConfigError } from '../../core/errors.ts';
import { COALITION_LANGUAGES, type CoalitionLanguage } from '../../core/languages.ts';
import { foldWord } from './fold.ts';
import { MIGRATION_VOCABULARY } from './migration-vocabulary.ts';
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

export interface CompiledTopic {
  readonly id: string;
  readonly weight: number;
  readonly terms: readonly CompiledTerm[];
  readonly exclusions: readonly CompiledTerm[];
}

/** The taxonomy ready for matching: compile once, tag many articles. */
export interface CompiledTaxonomy {
  readonly topics: readonly CompiledTopic[];
  /**
   * General migration words that count toward relevance but tag no topic
   * (migration-vocabulary.ts); absent in a taxonomy built by hand.
   */
  readonly vocabulary?: CompiledTopic;
}

/** The id under which the general vocabulary is compiled (never a topic id). */
export const VOCABULARY_ID = 'migration-vocabulary';

/**
 * Compiles the topics' term patterns (syntax on {@link TermPattern}) into
 * matchers: words folded and stemmed in the term's language, prefixes folded.
 * The general migration vocabulary is compiled alongside (pass `null` to leave
 * it out). Throws a ConfigError naming the topic, its file and the term when a
 * pattern is malformed (the config loader normally reports these first).
 */
export function compileTopics(
  topics: readonly Topic[],
  vocabulary: typeof MIGRATION_VOCABULARY | null = MIGRATION_VOCABULARY,
): CompiledTaxonomy {
  const compiled = topics.map((topic) => ({
    id: topic.id,
    weight: topic.weight,
    terms: compileTerms(topic, topic.terms, 'terms'),
    exclusions: compileTerms(topic, topic.exclusions, 'exclusions'),
  }));
  if (vocabulary === null) return { topics: compiled };
  const source = { id: VOCABULARY_ID, file: 'pipeline/topics/migration-vocabulary.ts' };
  return {
    topics: compiled,
    vocabulary: {
      id: VOCABULARY_ID,
      weight: 1,
      terms: compileTerms(source, vocabulary.terms, 'terms'),
      exclusions: compileTerms(source, vocabulary.exclusions, 'exclusions'),
    },
  };
}

function compileTerms(
  topic: Pick<Topic, 'id' | 'file'>,
  perLanguage: PerLanguage<readonly TermPattern[]>,
  list: 'terms' | 'exclusions',
): CompiledTerm[] {
  const compiled: CompiledTerm[] = [];
  for (const language of COALITION_LANGUAGES) {
    for (const pattern of perLanguage[language] ?? []) {
      const term = compileTerm(pattern, language);
      if (!term.ok) {
        throw new ConfigError(
          `compiling topic "${topic.id}" (${topic.file}): ${list}.${language} "${pattern}": ${term.reason}; fix the term and run \`pressmon config check\``,
        );
      }
      compiled.push(term.term);
    }
  }
  return compiled;
}

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
