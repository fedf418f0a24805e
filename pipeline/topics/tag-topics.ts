import type { DetectedLanguageCode } from '../../core/languages.ts';
import type { TermMatch, TopicTag } from '../types.ts';
import {
  type AnalysedField,
  type AnalysedText,
  analyseText,
  type ArticleFields,
  assertAnalysedFor,
} from './analyse-text.ts';
import type { CompiledTerm } from './compile-term.ts';
import type { CompiledTaxonomy, CompiledTopic } from './compile-topics.ts';
import type { FieldHits, Hit } from './hits.ts';
import { isMigrationRelated, weighMigrationEvidence } from './migration-evidence.ts';
import { languageWeight, lengthFactor, saturate, TOPIC_SCORING } from './scoring.ts';
import { type Occurrence, occurrencesOf } from './term-dictionary.ts';

export interface TaggableArticle extends ArticleFields {
  readonly language: DetectedLanguageCode;
}

export interface TopicTagging {
  /** Tagged topics, best score first; each carries the terms that matched. */
  readonly topics: readonly TopicTag[];
  /**
   * How much of the text is about migration: the evidence of every kept match
   * of every topic and of the general vocabulary, each word counted once
   * (migration-evidence.ts). Topics that were not tagged still add to it.
   */
  readonly relevance: number;
  readonly isMigrationRelated: boolean;
}

/**
 * Tags an article with the taxonomy's topics. Terms of all five coalition
 * languages are tried on every field; own-language terms weigh more
 * (scoring.ts). A term occurrence in a sentence where one of the topic's
 * exclusions occurs is dropped (so `AS Roma` does not tag `roma`, a war
 * `front` line does not tag a border topic), and a token matched by several
 * terms of a topic counts once. The exclusion scope is the sentence, not the
 * whole text (config/types.ts says "a text that matches an exclusion"): one
 * football aside must not untag a long article about Roma migrants; for a
 * one-sentence example both readings agree. A topic's evidence is the sum over fields and
 * terms of field weight × language weight × saturated count, divided by the
 * length factor; it is tagged when the evidence reaches
 * `TOPIC_SCORING.minTopicEvidence`, and scores evidence × topic weight.
 * Relevance and the "migration-related" decision: migration-evidence.ts.
 * `analysed` is the article's text analysed with a dictionary holding the
 * taxonomy's terms (by default its own; processPage shares one analysis
 * between stages).
 */
export function tagTopics(
  taxonomy: CompiledTaxonomy,
  article: TaggableArticle,
  analysed: AnalysedText = analyseText(taxonomy.dictionary, article),
): TopicTagging {
  assertAnalysedFor(analysed, taxonomy.dictionary, 'tagTopics');
  const { fields } = analysed;
  const wordCount = fields.reduce((total, field) => total + field.tokens.length, 0);
  const divisor = lengthFactor(wordCount);
  const topics: TopicTag[] = [];
  const allHits: FieldHits[] = [];
  for (const topic of taxonomy.topics) {
    const hits = findTopicHits(topic, fields, article.language);
    allHits.push(...hits);
    const tag = tagTopic(topic, hits, divisor);
    if (tag !== null) topics.push(tag);
  }
  if (taxonomy.vocabulary !== undefined) {
    allHits.push(...findTopicHits(taxonomy.vocabulary, fields, article.language));
  }
  topics.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const evidence = weighMigrationEvidence(allHits, divisor);
  return {
    topics,
    relevance: round(evidence.relevance),
    isMigrationRelated: isMigrationRelated(evidence),
  };
}

function findTopicHits(
  topic: CompiledTopic,
  fields: readonly AnalysedField[],
  language: DetectedLanguageCode,
): FieldHits[] {
  return fields
    .filter((field) => field.tokens.length > 0)
    .map((field) => ({ field, hits: findHits(topic, field, language) }));
}

function tagTopic(topic: CompiledTopic, perField: readonly FieldHits[], divisor: number): TopicTag | null {
  const terms: TermMatch[] = [];
  let evidence = 0;
  for (const { field, hits } of perField) {
    for (const [term, termHits] of groupByTerm(hits)) {
      const first = termHits[0];
      if (first === undefined) continue;
      evidence += TOPIC_SCORING.fieldWeights[field.field] * first.weight * saturate(termHits.length);
      terms.push({
        term: term.source,
        field: field.field,
        text: surface(field, first.occurrence),
        count: termHits.length,
      });
    }
  }
  const normalised = evidence / divisor;
  if (normalised < TOPIC_SCORING.minTopicEvidence) return null;
  return { id: topic.id, score: round(normalised * topic.weight), terms };
}

/**
 * The topic's term occurrences in one field, outside excluded sentences. A
 * token counts for one term only: heavier terms (own language) first, then
 * longer ones (a phrase before its words), then the first listed.
 */
export function findHits(topic: CompiledTopic, field: AnalysedField, language: DetectedLanguageCode): Hit[] {
  const excluded = excludedSentences(topic, field);
  const candidates: Hit[] = [];
  for (const term of termsFound(topic, field)) {
    const weight = languageWeight(term.language, language);
    for (const occurrence of occurrencesOf(field.matches, term)) {
      if (!touchesExcluded(field, occurrence, excluded)) candidates.push({ term, occurrence, weight });
    }
  }
  candidates.sort((a, b) => b.weight - a.weight || b.occurrence.matched.length - a.occurrence.matched.length);
  const used = new Set<number>();
  const hits: Hit[] = [];
  for (const hit of candidates) {
    if (hit.occurrence.matched.some((at) => used.has(at))) continue;
    for (const at of hit.occurrence.matched) used.add(at);
    hits.push(hit);
  }
  return hits.sort((a, b) => a.occurrence.first - b.occurrence.first);
}

/**
 * The topic's terms that occur in the field, in the topic's order. A field
 * matches a handful of terms, a taxonomy has hundreds: looking the matched
 * ones up in the topic instead of every term in the matches took topics and
 * frames from 0.09 to 0.06 CPU ms per benchmark page.
 */
function termsFound(topic: CompiledTopic, field: AnalysedField): CompiledTerm[] {
  const found: CompiledTerm[] = [];
  for (const term of field.matches.keys()) if (topic.termOrder.has(term)) found.push(term);
  return found.sort((a, b) => (topic.termOrder.get(a) ?? 0) - (topic.termOrder.get(b) ?? 0));
}

/** Sentences of the field in which one of the topic's exclusions occurs. */
function excludedSentences(topic: CompiledTopic, field: AnalysedField): Set<number> {
  const sentences = new Set<number>();
  for (const exclusion of topic.exclusions) {
    for (const occurrence of occurrencesOf(field.matches, exclusion)) {
      for (const at of occurrence.matched) {
        const token = field.tokens[at];
        if (token !== undefined) sentences.add(token.sentence);
      }
    }
  }
  return sentences;
}

function touchesExcluded(
  field: AnalysedField,
  occurrence: Occurrence,
  excluded: ReadonlySet<number>,
): boolean {
  if (excluded.size === 0) return false;
  const first = field.tokens[occurrence.first]?.sentence ?? -1;
  const last = field.tokens[occurrence.last]?.sentence ?? -1;
  return excluded.has(first) || excluded.has(last);
}

export function groupByTerm(hits: readonly Hit[]): Map<CompiledTerm, Hit[]> {
  const groups = new Map<CompiledTerm, Hit[]>();
  for (const hit of hits) groups.set(hit.term, [...(groups.get(hit.term) ?? []), hit]);
  return groups;
}

/** The text of an occurrence as written. */
function surface(field: AnalysedField, occurrence: Occurrence): string {
  const start = field.tokens[occurrence.first]?.start ?? 0;
  const end = field.tokens[occurrence.last]?.end ?? start;
  return field.text.slice(start, end);
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
