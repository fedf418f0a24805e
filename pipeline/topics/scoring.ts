import { type DetectedLanguageCode, isCoalitionLanguage } from '../../core/languages.ts';

/**
 * Every constant of topic scoring and of the "migration-related" decision,
 * in one table. Raising or lowering one changes what analysts and digests see.
 */
export const TOPIC_SCORING = {
  /** A match in the title counts 3 times, in the lead twice, in the body once. */
  fieldWeights: { title: 3, lead: 2, body: 1 },
  /**
   * A term of the article's own language counts 1; a term of another
   * coalition language (an English quote in a Romanian article) counts this
   * much. When the language is `und` or not a coalition language, every term counts 1.
   */
  otherLanguageTermWeight: 0.5,
  /** Words up to which the length does not lower scores; beyond, scores shrink by sqrt(words / this). */
  lengthPivotWords: 300,
  /**
   * Least evidence (field- and language-weighted, saturated, length-normalised,
   * before the topic weight) for a topic to be tagged: one own-language match
   * in the body of a short text.
   */
  minTopicEvidence: 1,
  /**
   * Least relevance for "migration-related" (migration-evidence.ts): the pooled
   * evidence of all topic terms and of the general migration vocabulary, each
   * word once, length-normalised like a topic's.
   */
  minRelevance: 2,
  /** Without a match in the title or lead, this many distinct matched terms in the body are needed. */
  minDistinctBodyTerms: 3,
} as const;

export type Field = keyof typeof TOPIC_SCORING.fieldWeights;

/**
 * Saturation of repeated matches: a term found `count` times counts
 * 1 + ln(count) (1 → 1, 2 → 1.7, 20 → 4), so one word repeated does not dominate.
 */
export function saturate(count: number): number {
  return count <= 0 ? 0 : 1 + Math.log(count);
}

/** How much a term of `termLanguage` counts in an article of `articleLanguage`. */
export function languageWeight(termLanguage: string, articleLanguage: DetectedLanguageCode): number {
  if (termLanguage === articleLanguage || !isCoalitionLanguage(articleLanguage)) return 1;
  return TOPIC_SCORING.otherLanguageTermWeight;
}

/** Divides scores of texts longer than the pivot by sqrt(words / pivot): long articles don't win by size alone. */
export function lengthFactor(wordCount: number): number {
  return Math.sqrt(Math.max(1, wordCount / TOPIC_SCORING.lengthPivotWords));
}
