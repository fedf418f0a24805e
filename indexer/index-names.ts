/** Version of the articles mapping; a mapping change creates `<prefix>-articles-v<N+1>`. */
export const ARTICLES_MAPPING_VERSION = 1;

/** The names of every index and alias under one prefix (settings.indexPrefix). */
export interface IndexNames {
  /** Alias every reader and writer uses. */
  readonly articles: string;
  /** The concrete index the alias points at in this version of the code. */
  readonly articlesVersioned: string;
  readonly runs: string;
  readonly digests: string;
  readonly savedSearches: string;
  /** Members who unsubscribed from the weekly digest (one document per address). */
  readonly unsubscriptions: string;
}

/** Index and alias names for a prefix (`pressmon` → `pressmon-articles`, `pressmon-articles-v1`, …). */
export function indexNames(prefix: string, version: number = ARTICLES_MAPPING_VERSION): IndexNames {
  return {
    articles: `${prefix}-articles`,
    articlesVersioned: `${prefix}-articles-v${version}`,
    runs: `${prefix}-runs`,
    digests: `${prefix}-digests`,
    savedSearches: `${prefix}-saved-searches`,
    unsubscriptions: `${prefix}-unsubscriptions`,
  };
}
