export {
  type AnalysedField,
  type AnalysedText,
  type ArticleFields,
  analyseText,
  assertAnalysedFor,
} from './analyse-text.ts';
export { type CompiledTerm, compileTerm } from './compile-term.ts';
export { type CompiledTaxonomy, type CompiledTopic, compileTopics, VOCABULARY_ID } from './compile-topics.ts';
export {
  evaluateTagging,
  type LabelledArticle,
  type LanguageEvaluation,
  measure,
  type PrecisionRecall,
  type TaggingError,
  type TaggingEvaluation,
} from './evaluate-tagging.ts';
export { foldWord } from './fold.ts';
export { isMigrationRelated, type MigrationEvidence } from './migration-evidence.ts';
export { MIGRATION_VOCABULARY } from './migration-vocabulary.ts';
export { LabelledSetError, readLabelledSet } from './read-labelled-set.ts';
export { type ExampleResult, runTopicExamples } from './run-topic-examples.ts';
export { TOPIC_SCORING } from './scoring.ts';
export { stemWord } from './stem.ts';
export { type TaggableArticle, type TopicTagging, tagTopics } from './tag-topics.ts';
export {
  combineDictionaries,
  compileDictionary,
  type Occurrence,
  occurrencesOf,
  type TermDictionary,
  type TermMatches,
} from './term-dictionary.ts';
export { type Token, tokenise } from './tokenise.ts';
