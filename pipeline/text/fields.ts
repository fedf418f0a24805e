import { type ArticleFields, type Token, tokenise } from '../topics/index.ts';
import type { TermMatch } from '../types.ts';

/** The text fields of an article that enrichment stages read. */
export type ArticleText = ArticleFields;

export type FieldName = TermMatch['field'];

/** One field, split into words. */
export interface TokenisedField {
  readonly field: FieldName;
  readonly text: string;
  readonly tokens: readonly Token[];
}

/**
 * Title, lead and body, each tokenised (an absent lead gives no tokens).
 * processPage passes the fields of its one analysis (analyseText) instead.
 */
export function tokeniseFields(article: ArticleText): TokenisedField[] {
  const fields: [FieldName, string][] = [
    ['title', article.title],
    ['lead', article.lead ?? ''],
    ['body', article.body],
  ];
  return fields.map(([field, text]) => ({ field, text, tokens: tokenise(text) }));
}
