import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Settings } from '../config/settings.ts';
import type { PressmonConfig, SourceConfig } from '../config/types.ts';
import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { listArchivedPages, readArchivedPage } from '../crawlers/raw-archive.ts';
import { ensureIndices, getArticle, writeArticles } from '../indexer/index.ts';
import { compilePipeline, processPage } from '../pipeline/index.ts';
import type { Article, NotArticleReason } from '../pipeline/types.ts';

/** Articles compared and written per batch. */
const BATCH_SIZE = 50;

export interface ReprocessOptions {
  readonly settings: Settings;
  readonly logger: Logger;
  readonly client: Client;
  readonly config: PressmonConfig;
  /** Only pages fetched on or after this day (`YYYY-MM-DD`, UTC). */
  readonly since?: string;
  /** Only pages of these sources (ids); all when empty. */
  readonly sourceIds?: readonly string[];
  /** Compare and report, but write nothing. */
  readonly isDryRun: boolean;
  /** Called after each batch with pages read so far and the total. */
  readonly onProgress?: (done: number, total: number) => void;
  readonly signal?: AbortSignal;
}

/** What changed for one article between the index and the pipeline of today. */
export interface ArticleChange {
  readonly id: string;
  readonly url: string;
  /** True when the index did not hold the article. */
  readonly isNew: boolean;
  readonly topicsAdded: readonly string[];
  readonly topicsRemoved: readonly string[];
  readonly publishedAt?: { readonly from: string | null; readonly to: string | null };
  readonly language?: { readonly from: string; readonly to: string };
}

export interface ReprocessReport {
  readonly isDryRun: boolean;
  readonly interrupted: boolean;
  /** Archived pages read. */
  readonly pages: number;
  /** Distinct articles the pages gave (a page fetched twice counts once). */
  readonly articles: number;
  readonly notArticles: Readonly<Partial<Record<NotArticleReason, number>>>;
  /** Archived pages of sources no longer configured (left alone). */
  readonly unknownSource: number;
  /** Articles whose topics, date or language changed, or that were not indexed. */
  readonly changed: {
    readonly articles: number;
    readonly newArticles: number;
    readonly topics: number;
    readonly dates: number;
    readonly languages: number;
  };
  readonly written: { readonly indexed: number; readonly spooled: number };
  /** One entry per changed article. */
  readonly changes: readonly ArticleChange[];
}

interface Snapshot {
  readonly topicIds: readonly string[];
  readonly publishedAt: string | null;
  readonly language: string;
}

/**
 * Re-runs the pipeline over the raw archive (oldest day first, so the latest
 * fetch of a page wins) and re-indexes the articles, reporting per article what
 * changed against the index: topics added or removed, publication date,
 * language. With `isDryRun` it only reports.
 */
export async function reprocessArchive(options: ReprocessOptions): Promise<ReprocessReport> {
  const { settings, client, config } = options;
  const logger = options.logger.child({ stage: 'reprocess' });
  const sources = sourcesById(config.sources, options.sourceIds ?? []);
  const files = await listArchivedPages(
    settings.dataDir,
    options.since === undefined ? {} : { since: options.since },
  );
  const compiled = compilePipeline(config);
  if (!options.isDryRun) await ensureIndices(client, settings.indexPrefix);
  const before = new Map<string, Snapshot | null>();
  const after = new Map<string, { url: string; snapshot: Snapshot }>();
  const notArticles: Partial<Record<NotArticleReason, number>> = {};
  const written = { indexed: 0, spooled: 0 };
  let unknownSource = 0;
  let pages = 0;
  let batch: Article[] = [];

  const flush = async (): Promise<void> => {
    const articles = batch;
    batch = [];
    const unseen = articles.filter((article) => !before.has(article.id));
    const indexed = await Promise.all(
      unseen.map((article) => getArticle(client, settings.indexPrefix, article.id)),
    );
    unseen.forEach((article, index) => {
      const found = indexed[index];
      before.set(article.id, found === null || found === undefined ? null : snapshotOf(found));
    });
    for (const article of articles)
      after.set(article.id, { url: article.url, snapshot: snapshotOf(article) });
    if (options.isDryRun || articles.length === 0) return;
    const report = await writeArticles({
      client,
      prefix: settings.indexPrefix,
      articles,
      spoolDir: path.join(settings.dataDir, 'spool'),
      logger,
    });
    written.indexed += report.indexed;
    written.spooled += report.spooled;
  };

  for (const file of files) {
    if (options.signal?.aborted) break;
    pages++;
    const { page } = await readArchivedPage(file);
    const source = sources(page.sourceId);
    if (source === 'excluded') continue;
    if (source === undefined) {
      unknownSource++;
      continue;
    }
    const result = processPage(page, { source, compiled });
    if (!result.ok) {
      notArticles[result.reason] = (notArticles[result.reason] ?? 0) + 1;
      continue;
    }
    batch.push(result.article);
    if (batch.length >= BATCH_SIZE) {
      await flush();
      options.onProgress?.(pages, files.length);
    }
  }
  await flush();
  options.onProgress?.(pages, files.length);
  const changes = [...after].flatMap(([id, { url, snapshot }]) => {
    const change = compare(id, url, before.get(id) ?? null, snapshot);
    return change === null ? [] : [change];
  });
  const report: ReprocessReport = {
    isDryRun: options.isDryRun,
    interrupted: options.signal?.aborted === true,
    pages,
    articles: after.size,
    notArticles,
    unknownSource,
    changed: {
      articles: changes.length,
      newArticles: changes.filter((change) => change.isNew).length,
      topics: changes.filter((change) => change.topicsAdded.length + change.topicsRemoved.length > 0).length,
      dates: changes.filter((change) => change.publishedAt !== undefined).length,
      languages: changes.filter((change) => change.language !== undefined).length,
    },
    written,
    changes,
  };
  logger.info({ ...report, changes: undefined }, 'archive reprocessed');
  return report;
}

function snapshotOf(article: Pick<Article, 'topics' | 'publishedAt' | 'language'>): Snapshot {
  return {
    topicIds: article.topics.map((topic) => topic.id).sort(),
    publishedAt: article.publishedAt,
    language: article.language.code,
  };
}

/** The change between two snapshots of an article, or null when nothing reported changed. */
export function compare(
  id: string,
  url: string,
  before: Snapshot | null,
  after: Snapshot,
): ArticleChange | null {
  if (before === null) {
    return { id, url, isNew: true, topicsAdded: after.topicIds, topicsRemoved: [] };
  }
  const topicsAdded = after.topicIds.filter((topic) => !before.topicIds.includes(topic));
  const topicsRemoved = before.topicIds.filter((topic) => !after.topicIds.includes(topic));
  const isDateChanged = before.publishedAt !== after.publishedAt;
  const isLanguageChanged = before.language !== after.language;
  if (topicsAdded.length + topicsRemoved.length === 0 && !isDateChanged && !isLanguageChanged) return null;
  return {
    id,
    url,
    isNew: false,
    topicsAdded,
    topicsRemoved,
    ...(isDateChanged ? { publishedAt: { from: before.publishedAt, to: after.publishedAt } } : {}),
    ...(isLanguageChanged ? { language: { from: before.language, to: after.language } } : {}),
  };
}

/** Looks a page's source up: the config, `excluded` when --source leaves it out, undefined when unknown. */
function sourcesById(
  sources: readonly SourceConfig[],
  wanted: readonly string[],
): (id: string) => SourceConfig | 'excluded' | undefined {
  for (const id of wanted) {
    if (!sources.some((source) => source.id === id)) {
      throw new ConfigError(
        `--source ${id}: no such source (known: ${sources.map((source) => source.id).join(', ')})`,
      );
    }
  }
  const byId = new Map(sources.map((source) => [source.id, source]));
  return (id) => (wanted.length > 0 && !wanted.includes(id) ? 'excluded' : byId.get(id));
}
