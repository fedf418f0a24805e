import type { PerLanguage, TermPattern, Topic } from '../../config/types.ts';
import { ConfigError } from '../../core/errors.ts';
import { COALITION_LANGUAGES } from '../../core/languages.ts';
import { type CompiledTerm, compileTerm } from './compile-term.ts';
import { MIGRATION_VOCABULARY } from './migration-vocabulary.ts';
import { compileDictionary, type TermDictionary } from './term-dictionary.ts';

export interface CompiledTopic {
  readonly id: string;
  readonly weight: number;
  readonly terms: readonly CompiledTerm[];
  readonly exclusions: readonly CompiledTerm[];
  /** The position of each of `terms`: the few terms a text matches are put back in the topic's order. */
  readonly termOrder: ReadonlyMap<CompiledTerm, number>;
}

/** The taxonomy ready for matching: compile once, tag many articles. */
export interface CompiledTaxonomy {
  readonly topics: readonly CompiledTopic[];
  /**
   * General migration words that count toward relevance but tag no topic
   * (migration-vocabulary.ts); absent in a taxonomy built by hand.
   */
  readonly vocabulary?: CompiledTopic;
  /** Every term and exclusion of the topics and the vocabulary, for matching (analyse-text.ts). */
  readonly dictionary: TermDictionary;
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
  const compiled = topics.map((topic) =>
    compileTopic(
      topic,
      compileTerms(topic, topic.terms, 'terms'),
      compileTerms(topic, topic.exclusions, 'exclusions'),
    ),
  );
  if (vocabulary === null) return { topics: compiled, dictionary: dictionaryOf(compiled) };
  const source = { id: VOCABULARY_ID, file: 'pipeline/topics/migration-vocabulary.ts' };
  const general = compileTopic(
    { id: VOCABULARY_ID, weight: 1 },
    compileTerms(source, vocabulary.terms, 'terms'),
    compileTerms(source, vocabulary.exclusions, 'exclusions'),
  );
  return { topics: compiled, vocabulary: general, dictionary: dictionaryOf([...compiled, general]) };
}

function compileTopic(
  topic: Pick<Topic, 'id' | 'weight'>,
  terms: readonly CompiledTerm[],
  exclusions: readonly CompiledTerm[],
): CompiledTopic {
  const termOrder = new Map(terms.map((term, position) => [term, position]));
  return { id: topic.id, weight: topic.weight, terms, exclusions, termOrder };
}

function dictionaryOf(topics: readonly CompiledTopic[]): TermDictionary {
  return compileDictionary(topics.flatMap((topic) => [...topic.terms, ...topic.exclusions]));
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
