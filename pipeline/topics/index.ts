export {
  type CompiledTaxonomy,
  type CompiledTerm,
  type CompiledTopic,
  compileTerm,
  compileTopics,
} from './compile-topics.ts';
export { foldWord } from './fold.ts';
export { type ExampleResult, runTopicExamples } from './run-topic-examples.ts';
export { TOPIC_SCORING } from './scoring.ts';
export { stemWord } from './stem.ts';
export { type TaggableArticle, type TopicTagging, tagTopics } from './tag-topics.ts';
export { type Token, tokenise } from './tokenise.ts';
