import type { Topic } from '../../config/types.ts';
import type { CoalitionLanguage } from '../../core/languages.ts';
import type { TermMatch } from '../types.ts';
import type { CompiledTaxonomy } from './compile-topics.ts';
import { tagTopics } from './tag-topics.ts';

/** The outcome of one example sentence of a topic. */
export interface ExampleResult {
  readonly topicId: string;
  readonly lang: CoalitionLanguage;
  readonly text: string;
  readonly expected: 'match' | 'noMatch';
  readonly got: 'match' | 'noMatch';
  readonly passed: boolean;
  /** The topic's terms that matched the sentence (also when it was not tagged). */
  readonly terms: readonly TermMatch[];
  /** Why it was (not) tagged, in plain words for a taxonomy keeper. */
  readonly explanation: string;
}

/**
 * Runs every topic's example sentences through {@link tagTopics}: each
 * sentence is tagged as the body of an article in the example's language
 * (no title or lead), and a `match` example passes when the topic is tagged,
 * a `noMatch` example when it is not. `isMigrationRelated` plays no part.
 * Returns one result per example, in the taxonomy's order.
 */
export function runTopicExamples(taxonomy: CompiledTaxonomy, topics: readonly Topic[]): ExampleResult[] {
  const results: ExampleResult[] = [];
  for (const topic of topics) {
    const single: CompiledTaxonomy = {
      topics: taxonomy.topics.filter((compiled) => compiled.id === topic.id),
      dictionary: taxonomy.dictionary,
    };
    for (const [expected, examples] of [
      ['match', topic.examples.match],
      ['noMatch', topic.examples.noMatch],
    ] as const) {
      for (const example of examples) {
        const tagging = tagTopics(single, {
          title: '',
          lead: null,
          body: example.text,
          language: example.lang,
        });
        const tag = tagging.topics.find((found) => found.id === topic.id);
        const got = tag === undefined ? 'noMatch' : 'match';
        const terms = tag?.terms ?? matchedBelowThreshold(single, example.text);
        results.push({
          topicId: topic.id,
          lang: example.lang,
          text: example.text,
          expected,
          got,
          passed: got === expected,
          terms,
          explanation: explain(got, terms),
        });
      }
    }
  }
  return results;
}

/**
 * Terms that matched although the topic was not tagged (other-language terms
 * only): tagged again as if every term were of the sentence's language.
 */
function matchedBelowThreshold(taxonomy: CompiledTaxonomy, text: string): TermMatch[] {
  // As a title in an undetermined language every match counts 3 times at full weight: any match tags.
  const tagging = tagTopics(taxonomy, { title: text, lead: null, body: '', language: 'und' });
  return (tagging.topics[0]?.terms ?? []).map((term) => ({ ...term, field: 'body' as const }));
}

function explain(got: 'match' | 'noMatch', terms: readonly TermMatch[]): string {
  const listed = terms.map((term) => `${term.term} ← "${term.text}"`).join(', ');
  if (got === 'match') return `matched ${listed}`;
  if (terms.length === 0) return 'no term matched (or every match was in a sentence with an exclusion)';
  return `only weak matches (terms of other languages): ${listed}`;
}
