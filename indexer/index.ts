// The indexer stage: Elasticsearch indices, bulk writes with an on-disk spool,
// and the queries every reader shares (CLI, dashboards, digest).
export { ANALYSED_LANGUAGES, articleIndexSettings, articleMapping, textKeyFor } from './article-mapping.ts';
export {
  articleExists,
  countArticles,
  getArticle,
  type KnownArticleDates,
  knownArticles,
} from './articles.ts';
export {
  DEFAULT_CONCURRENCY,
  DEFAULT_FLUSH_BYTES,
  type WriteArticlesOptions,
  type WriteReport,
  writeArticles,
} from './bulk-writer.ts';
export { describeEsError, type EnsureIndicesOptions, ensureIndices } from './ensure-indices.ts';
export { IndexerError } from './errors.ts';
export { ARTICLES_MAPPING_VERSION, type IndexNames, indexNames } from './index-names.ts';
export { acquireLock, type HeldLock, type LockAttempt, locksIndex } from './locks.ts';
export { type MigrateOptions, type MigrationReport, migrateArticlesIndex } from './migrate.ts';
export { type ReplaySpoolOptions, replaySpool } from './replay-spool.ts';
export {
  lastCompletedJobStarts,
  latestJobRun,
  latestRunPerJob,
  latestRuns,
  latestRunsPerSource,
  type RunRecord,
  type RunStatus,
  recordRun,
} from './runs.ts';
export { type ScanRequest, scanArticles } from './scan.ts';
export {
  escapeHtml,
  type FacetBucket,
  type SearchFacets,
  type SearchHit,
  type SearchResponse,
  searchArticles,
} from './search.ts';
export {
  type ArticleFilters,
  type BadQuery,
  MAX_SEARCH_SIZE,
  type SearchRequest,
  validateFilters,
  validateSearchRequest,
} from './search-query.ts';
export { countSpooled, type SpoolEntry } from './spool.ts';
export { type AssignStoriesOptions, assignStories, MAX_CANDIDATES, MIN_SHARED_BANDS } from './stories.ts';
export { type ArticleDocument, fromDocument, type IndexedArticle, toDocument } from './to-document.ts';
export {
  articleTrends,
  type NewTerm,
  type NewTermsRequest,
  newTerms,
  type TrendBucket,
  type TrendRequest,
} from './trends.ts';
