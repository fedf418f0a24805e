import type { DetectedLanguageCode } from '../../core/languages.ts';
import {
  type ArticleText,
  findNames,
  type Token,
  type TokenisedField,
  tokeniseFields,
} from '../text/index.ts';
import type { PlaceMention } from '../types.ts';
import type { CompiledPlaces, PlaceKey } from './compile-places.ts';

/** An article's text and its detected language (ambiguous place names count only in their own language). */
export interface PlaceSearchText extends ArticleText {
  readonly language: DetectedLanguageCode;
}

/**
 * The places an article mentions, with how often (title, lead and body
 * together), most mentioned first, then by id. A name that is part of a
 * longer name counts once, for the longer (`Baia Mare` is not also `Baia`).
 * Matching rules: compile-places.ts. An ambiguous name standing first in a
 * sentence is capitalised whatever it means (`Ровно в полдень`): it counts
 * only when the article names the place elsewhere too. `fields`: the article's
 * fields tokenised (processPage passes those of its one analysis).
 */
export function findPlaces(
  compiled: CompiledPlaces,
  article: PlaceSearchText,
  fields: readonly TokenisedField[] = tokeniseFields(article),
): PlaceMention[] {
  const sure = new Map<string, number>();
  const unsure = new Map<string, number>();
  const accepts = (key: PlaceKey): boolean => key.language === null || key.language === article.language;
  for (const field of fields) {
    for (const { key, first } of findNames(compiled.names, field.tokens, accepts)) {
      const counts = key.isAmbiguous && startsSentence(field.tokens, first) ? unsure : sure;
      counts.set(key.id, (counts.get(key.id) ?? 0) + 1);
    }
  }
  const mentions: PlaceMention[] = [];
  for (const [id, count] of sure) {
    const place = compiled.byId.get(id);
    if (place !== undefined) mentions.push({ ...place, count: count + (unsure.get(id) ?? 0) });
  }
  return mentions.sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function startsSentence(tokens: readonly Token[], at: number): boolean {
  const token = tokens[at];
  const previous = tokens[at - 1];
  return token === undefined || previous === undefined || previous.sentence !== token.sentence;
}
