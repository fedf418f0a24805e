import type { Field } from './scoring.ts';
import { matchTerms, type TermDictionary, type TermMatches } from './term-dictionary.ts';
import { type Token, tokenise } from './tokenise.ts';

/** The text fields of an article that the enrichment stages read. */
export interface ArticleFields {
  readonly title: string;
  readonly lead: string | null;
  readonly body: string;
}

/** One field split into words, with the occurrences of a dictionary's terms. */
export interface AnalysedField {
  readonly field: Field;
  readonly text: string;
  readonly tokens: readonly Token[];
  readonly matches: TermMatches;
}

/**
 * An article's title, lead and body analysed once for every enrichment
 * stage: tokenised, and matched against a dictionary that holds the terms of
 * every stage that reads it (topics, frames, terminology: compilePipeline).
 */
export interface AnalysedText {
  /** Title, lead and body, in that order; an absent lead is an empty field. */
  readonly fields: readonly AnalysedField[];
  readonly dictionary: TermDictionary;
}

/** Tokenises the article's fields and finds the dictionary's terms in them. Pure (the dictionary's memo aside). */
export function analyseText(dictionary: TermDictionary, article: ArticleFields): AnalysedText {
  const fields: [Field, string][] = [
    ['title', article.title],
    ['lead', article.lead ?? ''],
    ['body', article.body],
  ];
  return {
    fields: fields.map(([field, text]) => {
      const tokens = tokenise(text);
      return { field, text, tokens, matches: matchTerms(dictionary, tokens) };
    }),
    dictionary,
  };
}

/**
 * Throws when `analysed` was matched against a dictionary that does not hold
 * the stage's terms (a composition mistake: the stage would find nothing).
 */
export function assertAnalysedFor(analysed: AnalysedText, dictionary: TermDictionary, stage: string): void {
  if (!analysed.dictionary.covers.has(dictionary)) {
    throw new Error(`${stage}: the text was analysed with a dictionary that lacks this stage's terms`);
  }
}
