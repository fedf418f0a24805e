import { COALITION_LANGUAGES, type CoalitionLanguage } from '../../core/languages.ts';
import type { CompiledTaxonomy } from './compile-topics.ts';
import { tagTopics } from './tag-topics.ts';

/**
 * One article of the labelled evaluation set (test/fixtures/topics/labelled-<lang>.jsonl):
 * a text and the labels a person decided by reading it against DESIGN §4.
 */
export interface LabelledArticle {
  readonly id: string;
  readonly lang: CoalitionLanguage;
  readonly title: string;
  readonly lead: string | null;
  /** The body, or an excerpt of a few paragraphs. */
  readonly body: string;
  readonly isMigrationRelated: boolean;
  /** Topic ids the article is substantially about (empty when not migration-related). */
  readonly topics: readonly string[];
  /** How the label was decided. */
  readonly labelNote: string;
  /** Where the text came from (a real page with its licence, or written for the set). */
  readonly origin: Readonly<Record<string, unknown>>;
}

/** Counts and rates of one yes/no decision. */
export interface PrecisionRecall {
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  /** tp / (tp + fp); 1 when nothing was predicted. */
  readonly precision: number;
  /** tp / (tp + fn); 1 when there was nothing to find. */
  readonly recall: number;
}

/** Figures of one language. */
export interface LanguageEvaluation {
  readonly articles: number;
  readonly positives: number;
  readonly migrationRelated: PrecisionRecall;
  /** Per topic id, for every topic labelled or tagged at least once in this language. */
  readonly topics: Readonly<Record<string, PrecisionRecall & { readonly positives: number }>>;
}

/** An article where the "migration-related" decision disagrees with its label. */
export interface TaggingError {
  readonly id: string;
  readonly expected: boolean;
  readonly relevance: number;
  readonly topics: readonly string[];
}

export interface TaggingEvaluation {
  readonly perLanguage: Readonly<Partial<Record<CoalitionLanguage, LanguageEvaluation>>>;
  readonly errors: readonly TaggingError[];
  readonly articles: number;
  readonly elapsedMs: number;
}

/**
 * Tags every labelled article (in its labelled language, so that language
 * detection plays no part) and measures the "migration-related" decision and
 * each topic per language. Pure apart from reading the clock for `elapsedMs`.
 */
export function evaluateTagging(
  taxonomy: CompiledTaxonomy,
  articles: readonly LabelledArticle[],
): TaggingEvaluation {
  const started = performance.now();
  const outcomes = articles.map((article) => {
    const tagging = tagTopics(taxonomy, {
      title: article.title,
      lead: article.lead,
      body: article.body,
      language: article.lang,
    });
    return { article, tagging, tagged: tagging.topics.map((topic) => topic.id) };
  });
  const elapsedMs = performance.now() - started;
  const perLanguage: Partial<Record<CoalitionLanguage, LanguageEvaluation>> = {};
  for (const language of COALITION_LANGUAGES) {
    const own = outcomes.filter((outcome) => outcome.article.lang === language);
    if (own.length === 0) continue;
    const topicIds = new Set(own.flatMap((outcome) => [...outcome.article.topics, ...outcome.tagged]));
    const topics: Record<string, PrecisionRecall & { positives: number }> = {};
    for (const id of [...topicIds].sort()) {
      const pairs = own.map(
        (outcome) => [outcome.article.topics.includes(id), outcome.tagged.includes(id)] as const,
      );
      topics[id] = { ...measure(pairs), positives: pairs.filter(([expected]) => expected).length };
    }
    perLanguage[language] = {
      articles: own.length,
      positives: own.filter((outcome) => outcome.article.isMigrationRelated).length,
      migrationRelated: measure(
        own.map(
          (outcome) => [outcome.article.isMigrationRelated, outcome.tagging.isMigrationRelated] as const,
        ),
      ),
      topics,
    };
  }
  const errors = outcomes
    .filter((outcome) => outcome.article.isMigrationRelated !== outcome.tagging.isMigrationRelated)
    .map((outcome) => ({
      id: outcome.article.id,
      expected: outcome.article.isMigrationRelated,
      relevance: outcome.tagging.relevance,
      topics: outcome.tagged,
    }));
  return { perLanguage, errors, articles: articles.length, elapsedMs };
}

/** Precision and recall of (expected, predicted) pairs. */
export function measure(pairs: readonly (readonly [boolean, boolean])[]): PrecisionRecall {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  for (const [expected, predicted] of pairs) {
    if (expected && predicted) truePositives++;
    else if (predicted) falsePositives++;
    else if (expected) falseNegatives++;
  }
  const predictedCount = truePositives + falsePositives;
  const expectedCount = truePositives + falseNegatives;
  return {
    truePositives,
    falsePositives,
    falseNegatives,
    precision: predictedCount === 0 ? 1 : truePositives / predictedCount,
    recall: expectedCount === 0 ? 1 : truePositives / expectedCount,
  };
}
