/**
 * Text matching shared by the enrichment stages (organisations, places,
 * frames). Term patterns (config/types.ts `TermPattern`) are matched by the
 * topic tagger's matcher, re-exported here so that every stage uses one
 * matcher and the topic tagger keeps its own API; names of organisations and
 * places have their own matcher (name-matcher.ts).
 */

// The term index and finder are internal to the topic tagger's entry module; this is their one other user.
export { type FieldIndex, findTerm, indexField, type Occurrence } from '../topics/find-terms.ts';
export {
  type CompiledTerm,
  compileTerm,
  foldWord,
  stemWord,
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
