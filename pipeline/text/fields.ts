import { type Token, tokenise } from '../topics/index.ts';
import type { TermMatch } from '../types.ts';

/** The text fields of an article that enrichment stages read. */
export interface ArticleText {
  readonly title: string;
  readonly lead: string | null;
  readonly body: string;
}

export type FieldName = TermMatch['field'];

/** One field, split into words. */
export interface TokenisedField {
  readonly field: FieldName;
  readonly text: string;
  readonly tokens: readonly Token[];
}

/** Title, lead and body, each tokenised (an absent lead gives no tokens). */
export function tokeniseFields(article: ArticleText): TokenisedField[] {
  const fields: [FieldName, string][] = [
    ['title', article.title],
    ['lead', article.lead ?? ''],
    ['body', article.body],
  ];
  return fields.map(([field, text]) => ({ field, text, tokens: tokenise(text) }));
}
