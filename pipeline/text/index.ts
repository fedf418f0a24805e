/**
 * Text matching shared by the enrichment stages (organisations, places,
 * frames). Term patterns (config/types.ts `TermPattern`) are matched by the
 * topic tagger's term dictionary, re-exported here so that every stage uses
 * one matcher and one analysis of the text (analyseText) and the topic
 * tagger keeps its own API; names of organisations and places have their own
 * matcher (name-matcher.ts).
 */
export {
  type AnalysedField,
  type AnalysedText,
  analyseText,
  assertAnalysedFor,
  type CompiledTerm,
  combineDictionaries,
  compileDictionary,
  compileTerm,
  foldWord,
  type Occurrence,
  occurrencesOf,
  stemWord,
  type TermDictionary,
  type Token,
  tokenise,
} from '../topics/index.ts';
export { type ArticleText, type FieldName, type TokenisedField, tokeniseFields } from './fields.ts';
export {
  countByKey,
  findNames,
  indexNames,
  isInflectionOf,
  type NameIndex,
  type NameOccurrence,
  type NamePattern,
  type NameWord,
  withoutPossessive,
} from './name-matcher.ts';
