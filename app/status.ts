import path from 'node:path';
import type { Settings } from '../config/settings.ts';
import type { Member, SourceConfig } from '../config/types.ts';
import type { HealthFlag } from '../crawlers/index.ts';
import { createEsClient } from '../indexer/es-client.ts';
import {
  countSpooled,
  indexNames,
  latestRunPerJob,
  latestRuns,
  latestRunsPerSource,
  type RunRecord,
  type RunStatus,
} from '../indexer/index.ts';
import { compileSchedule, nextSlotAfter, planJobs } from '../scheduler/index.ts';
import type { CrawlRunReport } from './run-crawl.ts';

/** Runs looked at to find sources failing or silent several runs in a row. */
const RUNS_EXAMINED = 20;

export type ElasticsearchState =
  | { readonly reachable: true; readonly url: string; readonly health: string; readonly version: string }
  | { readonly reachable: false; readonly url: string; readonly reason: string };

export interface IndexSize {
  readonly name: string;
  readonly docs: number;
  readonly bytes: number;
}

/** How a source did in its latest runs. */
export interface SourceHealth {
  readonly sourceId: string;
  readonly lastRunAt: string | null;
  /** ok: nothing failed; partial: some URLs failed; failed: nothing fetched and something failed; null: never run. */
  readonly lastStatus: RunStatus | null;
  readonly lastDiscovered: number;
  readonly lastFetched: number;
  readonly lastFailed: number;
  /** Articles the last run found among the fetched pages. */
  readonly lastArticles: number;
  /** Latest runs in a row in which the source fetched nothing and something failed. */
  readonly failingRuns: number;
  /** Latest runs in a row in which discovery found nothing at all, without failing (a silent block?). */
  readonly silentRuns: number;
  /** The source-health flags of the last run (volume drop, block pages); empty when it had none. */
  readonly lastFlags: readonly HealthFlag[];
}

/** A scheduler job: its schedule, its latest run and when it is next due. */
export interface JobStatus {
  readonly jobId: string;
  readonly schedule: string;
  readonly timeZone: string;
  readonly lastRun: Pick<RunRecord, 'runId' | 'status' | 'startedAt' | 'finishedAt' | 'interrupted'> | null;
  /** ISO-8601 UTC of the next slot after now, or null when the expression has none within a year. */
  readonly nextAt: string | null;
}

export interface StatusReport {
  readonly elasticsearch: ElasticsearchState;
  readonly indices: readonly IndexSize[];
  readonly spooled: number;
  readonly lastCrawl: Pick<RunRecord, 'runId' | 'status' | 'startedAt' | 'finishedAt'> | null;
  readonly jobs: readonly JobStatus[];
  readonly sources: readonly SourceHealth[];
}

export interface GatherStatusOptions {
  /** Members, for the digest jobs (one per time zone); none when absent. */
  readonly members?: readonly Pick<Member, 'email' | 'timeZone'>[];
  readonly now?: () => Date;
}

/**
 * Gathers what staff need to know at a glance. Never throws for an
 * unreachable cluster: that is part of the answer.
 */
export async function gatherStatus(
  settings: Settings,
  sources: readonly SourceConfig[],
  options: GatherStatusOptions = {},
): Promise<StatusReport> {
  const now = (options.now ?? (() => new Date()))();
  const spooled = await countSpooled(path.join(settings.dataDir, 'spool'));
  const plans = planJobs(sources, options.members ?? [], settings.schedule);
  const client = createEsClient(settings);
  try {
    const elasticsearch = await probe(client, settings.elasticsearch.url);
    if (!elasticsearch.reachable) {
      return {
        elasticsearch,
        indices: [],
        spooled,
        lastCrawl: null,
        jobs: plans.map((plan) => jobStatus(plan, null, now)),
        sources: sources.map(unknownHealth),
      };
    }
    const ids = sources.map((source) => source.id);
    const [indices, runs, perJob, perSource] = await Promise.all([
      indexSizes(client, settings.indexPrefix),
      latestRuns(client, settings.indexPrefix, 'crawl', 1),
      latestRunPerJob(client, settings.indexPrefix),
      latestRunsPerSource(client, settings.indexPrefix, ids, RUNS_EXAMINED),
    ]);
    const latest = runs[0];
    return {
      elasticsearch,
      indices,
      spooled,
      lastCrawl:
        latest === undefined
          ? null
          : {
              runId: latest.runId,
              status: latest.status,
              startedAt: latest.startedAt,
              finishedAt: latest.finishedAt,
            },
      jobs: plans.map((plan) => jobStatus(plan, perJob.get(plan.id) ?? null, now)),
      sources: sources.map((source) => sourceHealth(source.id, perSource.get(source.id) ?? [])),
    };
  } finally {
    await client.close();
  }
}

async function probe(client: ReturnType<typeof createEsClient>, url: string): Promise<ElasticsearchState> {
  try {
    const health = await client.cluster.health({}, { requestTimeout: 5_000, maxRetries: 0 });
    const nodes = await client.nodes.info({ metric: 'process' }, { requestTimeout: 5_000, maxRetries: 0 });
    const version = Object.values(nodes.nodes)[0]?.version ?? 'unknown';
    return { reachable: true, url, health: health.status, version };
  } catch (error) {
    return { reachable: false, url, reason: error instanceof Error ? error.message : String(error) };
  }
}

async function indexSizes(client: ReturnType<typeof createEsClient>, prefix: string): Promise<IndexSize[]> {
  const rows = await client.cat.indices({ index: `${prefix}-*`, format: 'json', bytes: 'b' });
  const names = Object.values(indexNames(prefix));
  const ours = rows.filter((row) => names.some((name) => row.index?.startsWith(name)));
  // cat's docs.count counts nested documents (topics, frames) too; _count counts articles.
  const sizes = await Promise.all(
    ours.map(async (row) => {
      const name = row.index ?? '';
      const { count } = await client.count({ index: name });
      return { name, docs: count, bytes: Number(row['store.size'] ?? 0) };
    }),
  );
  return sizes.sort((a, b) => a.name.localeCompare(b.name));
}

function jobStatus(
  plan: { id: string; expression: string; timeZone: string },
  run: RunRecord | null,
  now: Date,
): JobStatus {
  const next = nextSlotAfter(compileSchedule(plan.expression, plan.timeZone), now);
  return {
    jobId: plan.id,
    schedule: plan.expression,
    timeZone: plan.timeZone,
    lastRun:
      run === null
        ? null
        : {
            runId: run.runId,
            status: run.status,
            startedAt: run.startedAt,
            finishedAt: run.finishedAt,
            interrupted: run.interrupted ?? false,
          },
    nextAt: next?.toISOString() ?? null,
  };
}

/** A source's health over the runs that included it, newest first. */
export function sourceHealth(sourceId: string, runs: readonly RunRecord[]): SourceHealth {
  const results = runs.flatMap((run) => {
    const report = run.report as Partial<CrawlRunReport> | undefined;
    const source = report?.sources?.find((candidate) => candidate.crawl.sourceId === sourceId);
    return source === undefined
      ? []
      : [
          {
            at: run.startedAt,
            crawl: source.crawl,
            articles: source.articles,
            flags: source.health?.flags ?? [],
          },
        ];
  });
  const latest = results[0];
  return {
    sourceId,
    lastRunAt: latest?.at ?? null,
    lastStatus: latest === undefined ? null : sourceStatus(latest.crawl),
    lastDiscovered: latest?.crawl.discovered ?? 0,
    lastFetched: latest?.crawl.fetched ?? 0,
    lastFailed: latest?.crawl.failed ?? 0,
    lastArticles: latest?.articles ?? 0,
    failingRuns: countLeading(results, (result) => result.crawl.fetched === 0 && result.crawl.failed > 0),
    silentRuns: countLeading(results, (result) => result.crawl.discovered === 0 && result.crawl.failed === 0),
    lastFlags: latest?.flags ?? [],
  };
}

function sourceStatus(crawl: { fetched: number; failed: number }): RunStatus {
  if (crawl.failed === 0) return 'ok';
  return crawl.fetched === 0 ? 'failed' : 'partial';
}

function countLeading<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const index = items.findIndex((item) => !predicate(item));
  return index === -1 ? items.length : index;
}

function unknownHealth(source: SourceConfig): SourceHealth {
  return {
    sourceId: source.id,
    lastRunAt: null,
    lastStatus: null,
    lastDiscovered: 0,
    lastFetched: 0,
    lastFailed: 0,
    lastArticles: 0,
    failingRuns: 0,
    silentRuns: 0,
    lastFlags: [],
  };
}
