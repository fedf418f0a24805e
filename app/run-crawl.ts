import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import type { Settings } from '../config/settings.ts';
import type { PressmonConfig, SourceConfig } from '../config/types.ts';
import { ConfigError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import {
  crawlSource,
  createChromiumRenderer,
  judgeSourceHealth,
  type ListingRenderer,
  type PageOutcome,
  type PastVolume,
  type ProgressListener,
  type SourceCrawlReport,
  type SourceHealth,
} from '../crawlers/index.ts';
import type { FetchedPage } from '../crawlers/types.ts';
import {
  assignStories,
  ensureIndices,
  knownArticles,
  latestRuns,
  type RunStatus,
  recordRun,
  replaySpool,
  type WriteReport,
  writeArticles,
} from '../indexer/index.ts';
import {
  type CompiledPipeline,
  compilePipeline,
  createStoryMatcher,
  processPage,
} from '../pipeline/index.ts';
import type { Article, NotArticleReason } from '../pipeline/types.ts';
import { GroupCommit } from './group-commit.ts';

/** Articles are written to Elasticsearch in batches of at most this many (those that arrive during a write). */
const WRITE_BATCH_SIZE = 50;
/** Recent crawl runs a source's volume is compared with. */
const HEALTH_HISTORY_RUNS = 10;

export interface SourceRunReport {
  readonly crawl: SourceCrawlReport;
  readonly articles: number;
  readonly migrationRelated: number;
  readonly notArticles: Readonly<Partial<Record<NotArticleReason, number>>>;
  readonly written: WriteTotals;
  /** Volume against recent runs, and block pages: flags a person should look at. */
  readonly health: SourceHealth;
}

export interface WriteTotals {
  readonly indexed: number;
  readonly spooled: number;
}

export interface CrawlRunReport {
  readonly runId: string;
  readonly status: RunStatus;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly replayed: WriteTotals;
  readonly sources: readonly SourceRunReport[];
  /** True when the run was stopped early (SIGTERM, Ctrl-C); the request queues keep what is left. */
  readonly interrupted: boolean;
}

export interface RunCrawlOptions {
  readonly settings: Settings;
  readonly logger: Logger;
  readonly client: Client;
  readonly config: PressmonConfig;
  /** Only these sources (ids); all when empty. */
  readonly sourceIds?: readonly string[];
  readonly maxPagesPerSource?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: ProgressListener;
  /** Renders browser sources' sections; default: Chromium at settings.chromiumPath, started when needed. */
  readonly renderer?: ListingRenderer;
  /** Id of the run; default `crawl-<time>-<random>`. */
  readonly runId?: string;
  /** The scheduler job that started this run, recorded with it (`crawl:hotnews`). */
  readonly jobId?: string;
  /** Clock of the run's start and end times; default the system clock. */
  readonly now?: () => Date;
}

/**
 * One crawl run: replay the spool, then for each source discover, fetch,
 * process and index. One failing source never stops the others.
 */
export async function runCrawl(options: RunCrawlOptions): Promise<CrawlRunReport> {
  const { settings, client, config } = options;
  const now = options.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const runId = options.runId ?? `crawl-${startedAt.replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
  // A run id given by the scheduler is already on its logger; a manual run gets its own here.
  const logger = options.runId === undefined ? options.logger.child({ runId }) : options.logger;
  const sources = selectSources(config.sources, options.sourceIds ?? []);
  const spoolDir = path.join(settings.dataDir, 'spool');
  await ensureIndices(client, settings.indexPrefix);
  const replayed = await replaySpool({ client, prefix: settings.indexPrefix, spoolDir, logger });
  const compiled = compilePipeline(config);
  const history = await volumeHistory(client, settings.indexPrefix, logger);
  const renderer = options.renderer ?? rendererFor(sources, settings);
  const reports: SourceRunReport[] = [];
  try {
    for (const source of sources) {
      if (options.signal?.aborted) break;
      const sourceLogger = logger.child({ sourceId: source.id });
      const run = await crawlOneSource({
        ...options,
        source,
        logger: sourceLogger,
        spoolDir,
        compiled,
        ...(renderer === undefined ? {} : { renderer }),
      });
      const health = judgeSourceHealth(run.crawl, history.get(source.id) ?? []);
      if (!health.ok) sourceLogger.warn({ flags: health.flags }, 'source looks unhealthy');
      reports.push({ ...run, health });
    }
  } finally {
    if (options.renderer === undefined) await renderer?.close();
  }
  const report: CrawlRunReport = {
    runId,
    status: runStatus(reports),
    startedAt,
    finishedAt: now().toISOString(),
    replayed: totals(replayed),
    sources: reports,
    interrupted: options.signal?.aborted === true,
  };
  await recordRun(client, settings.indexPrefix, {
    runId,
    kind: 'crawl',
    status: report.status,
    startedAt,
    finishedAt: report.finishedAt,
    sourceIds: reports.map((source) => source.crawl.sourceId),
    report,
    interrupted: report.interrupted,
    healthFlags: reports.flatMap((source) =>
      source.health.flags.map((flag) => `${source.crawl.sourceId}:${flag.kind}`),
    ),
    ...(options.jobId === undefined ? {} : { jobId: options.jobId }),
  }).catch((error: unknown) => {
    // The report is still printed; losing its copy in Elasticsearch must not fail the run.
    logger.warn({ err: error }, 'could not record the run in Elasticsearch');
  });
  return report;
}

/** ok: no failure anywhere; failed: every source failed entirely; partial otherwise. */
function runStatus(reports: readonly SourceRunReport[]): RunStatus {
  const failedEntirely = (source: SourceRunReport): boolean =>
    source.crawl.fetched === 0 && source.crawl.failed > 0;
  if (reports.length > 0 && reports.every(failedEntirely)) return 'failed';
  return reports.some((source) => source.crawl.failed > 0 || source.written.spooled > 0) ? 'partial' : 'ok';
}

function selectSources(sources: readonly SourceConfig[], ids: readonly string[]): SourceConfig[] {
  if (ids.length === 0) return [...sources];
  return ids.map((id) => {
    const source = sources.find((candidate) => candidate.id === id);
    if (source === undefined) {
      const known = sources.map((candidate) => candidate.id).join(', ');
      throw new ConfigError(`--source ${id}: no such source (known: ${known})`);
    }
    return source;
  });
}

/** A Chromium renderer when a selected source needs a browser (it starts on its first page). */
function rendererFor(sources: readonly SourceConfig[], settings: Settings): ListingRenderer | undefined {
  if (!sources.some((source) => source.browser)) return undefined;
  return createChromiumRenderer({
    executablePath: settings.chromiumPath,
    userAgent: settings.userAgent,
    allowPrivateHosts: settings.allowPrivateHosts,
    timeoutMs: 30_000,
  });
}

/**
 * Links each source discovered in recent crawl runs, newest first, from the
 * reports kept in `<prefix>-runs`. Empty when the runs cannot be read.
 */
async function volumeHistory(
  client: Client,
  prefix: string,
  logger: Logger,
): Promise<Map<string, PastVolume[]>> {
  const history = new Map<string, PastVolume[]>();
  try {
    for (const run of await latestRuns(client, prefix, 'crawl', HEALTH_HISTORY_RUNS)) {
      const sources = (run.report as { sources?: unknown } | null)?.sources;
      if (!Array.isArray(sources)) continue;
      for (const entry of sources as { crawl?: Partial<SourceCrawlReport> }[]) {
        const crawl = entry.crawl;
        if (typeof crawl?.sourceId !== 'string' || typeof crawl.discovered !== 'number') continue;
        const list = history.get(crawl.sourceId) ?? [];
        list.push({ discovered: crawl.discovered, aborted: crawl.aborted === true });
        history.set(crawl.sourceId, list);
      }
    }
  } catch (error) {
    logger.warn({ err: error }, 'could not read recent runs: source volume not compared');
  }
  return history;
}

async function crawlOneSource(
  options: RunCrawlOptions & {
    source: SourceConfig;
    spoolDir: string;
    compiled: CompiledPipeline;
    renderer?: ListingRenderer;
  },
): Promise<Omit<SourceRunReport, 'health'>> {
  const { client, settings, logger, source, spoolDir, compiled } = options;
  const notArticles: Partial<Record<NotArticleReason, number>> = {};
  let articles = 0;
  let migrationRelated = 0;
  let written: WriteTotals = { indexed: 0, spooled: 0 };
  const matcher = createStoryMatcher();
  // A page leaves the crawl queue only once its article is indexed or spooled: nothing is lost to a kill.
  const writer = new GroupCommit<Article>(async (batch) => {
    const report = await writeArticles({
      client,
      prefix: settings.indexPrefix,
      articles: await assignStories(batch, { client, prefix: settings.indexPrefix, matcher, logger }),
      spoolDir,
      logger,
    });
    written = add(written, totals(report));
  }, WRITE_BATCH_SIZE);

  const onPage = async (page: FetchedPage): Promise<PageOutcome> => {
    const result = processPage(page, { source, compiled });
    if (!result.ok) {
      notArticles[result.reason] = (notArticles[result.reason] ?? 0) + 1;
      logger.debug({ url: page.finalUrl, reason: result.reason, detail: result.detail }, 'not an article');
      return {};
    }
    articles++;
    if (result.article.isMigrationRelated) migrationRelated++;
    await writer.add(result.article);
    // Indexed (or spooled) under this id: a link that redirected here is known by it from now on.
    return { articleId: result.article.id };
  };

  const crawl = await crawlSource({
    source,
    settings,
    logger,
    lookupKnown: (ids) => knownArticles(client, settings.indexPrefix, ids),
    onPage,
    topicTerms: options.config.topics.map((topic) => topic.terms),
    ...(options.renderer === undefined ? {} : { renderer: options.renderer }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.maxPagesPerSource === undefined ? {} : { maxPages: options.maxPagesPerSource }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
  await writer.settle();
  return { crawl, articles, migrationRelated, notArticles, written };
}

function totals(report: WriteReport): WriteTotals {
  return { indexed: report.indexed, spooled: report.spooled };
}

function add(a: WriteTotals, b: WriteTotals): WriteTotals {
  return { indexed: a.indexed + b.indexed, spooled: a.spooled + b.spooled };
}
