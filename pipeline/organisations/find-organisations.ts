import {
  type ArticleText,
  countByKey,
  findNames,
  type TokenisedField,
  tokeniseFields,
} from '../text/index.ts';
import type { OrganisationMention } from '../types.ts';
import type { CompiledOrganisations } from './compile-organisations.ts';

/**
 * The organisations an article mentions, with how often (title, lead and body
 * together), most mentioned first, then by id. Matching rules:
 * compile-organisations.ts. `fields`: the article's fields tokenised (processPage
 * passes those of its one analysis).
 */
export function findOrganisations(
  compiled: CompiledOrganisations,
  article: ArticleText,
  fields: readonly TokenisedField[] = tokeniseFields(article),
): OrganisationMention[] {
  const counts = new Map<string, number>();
  for (const field of fields) {
    for (const [id, count] of countByKey(findNames(compiled.names, field.tokens))) {
      counts.set(id, (counts.get(id) ?? 0) + count);
    }
  }
  return [...counts]
    .map(([id, count]) => ({ id, name: compiled.nameOf.get(id) ?? id, count }))
    .sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
