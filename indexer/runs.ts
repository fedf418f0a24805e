import type { Client, estypes } from '@elastic/elasticsearch';
import { indexNames } from './index-names.ts';

/** How a run ended: every source fine, some failing, or nothing achieved. */
export type RunStatus = 'ok' | 'partial' | 'failed';

/** One crawl or digest run, as kept in `<prefix>-runs` for `pressmon status` and source health. */
export interface RunRecord {
  readonly runId: string;
  readonly kind: 'crawl' | 'digest';
  readonly status: RunStatus;
  /** ISO-8601 UTC. */
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly sourceIds: readonly string[];
  /** The full report of the run (kept, not indexed). */
  readonly report: unknown;
  /** The scheduler job that started the run (`crawl:hotnews`, `digest:Europe/Warsaw`); absent for manual runs. */
  readonly jobId?: string;
  /** True when the run was stopped early (SIGTERM, Ctrl-C); its job is due again. */
  readonly interrupted?: boolean;
  /**
   * The source-health flags of a crawl run as `<source id>:<kind>` (`hotnews:blocked`), searchable
   * (`health_flags`, and the kinds alone in `health_flag_kinds`); absent on runs recorded before.
   */
  readonly healthFlags?: readonly string[];
}

/** Stores a run's record under its id; recording the same run again replaces it. */
export async function recordRun(client: Client, prefix: string, run: RunRecord): Promise<void> {
  await client.index({
    index: indexNames(prefix).runs,
    id: run.runId,
    document: {
      kind: run.kind,
      status: run.status,
      started_at: run.startedAt,
      finished_at: run.finishedAt,
      source_ids: run.sourceIds,
      report: run.report,
      ...(run.jobId === undefined ? {} : { job_id: run.jobId }),
      interrupted: run.interrupted ?? false,
      ...(run.healthFlags === undefined
        ? {}
        : {
            health_flags: [...new Set(run.healthFlags)],
            health_flag_kinds: [...new Set(run.healthFlags.map((flag) => flag.replace(/^.*:/, '')))],
          }),
    },
    // Visible to the next search at once: the scheduler of another process reads it to skip a done slot.
    refresh: 'wait_for',
  });
}

interface RunDocument {
  kind: RunRecord['kind'];
  status: RunStatus;
  started_at: string;
  finished_at: string;
  source_ids: string[];
  report: unknown;
  job_id?: string;
  interrupted?: boolean;
  health_flags?: string[];
}

/** The latest runs of a kind, newest first. */
export async function latestRuns(
  client: Client,
  prefix: string,
  kind: RunRecord['kind'],
  size = 10,
): Promise<RunRecord[]> {
  const response = await client.search<RunDocument>({
    index: indexNames(prefix).runs,
    size,
    query: { term: { kind } },
    sort: [{ started_at: { order: 'desc' } }],
    ignore_unavailable: true,
  });
  return toRecords(response.hits.hits);
}

/**
 * The latest run a scheduler job started, or null; with `completedOnly`, runs
 * stopped early (interrupted) are left out.
 */
export async function latestJobRun(
  client: Client,
  prefix: string,
  jobId: string,
  options: { completedOnly?: boolean } = {},
): Promise<RunRecord | null> {
  const response = await client.search<RunDocument>({
    index: indexNames(prefix).runs,
    size: 1,
    query: {
      bool: {
        filter: [{ term: { job_id: jobId } }],
        ...(options.completedOnly ? { must_not: [{ term: { interrupted: true } }] } : {}),
      },
    },
    sort: [{ started_at: { order: 'desc' } }],
    ignore_unavailable: true,
  });
  return toRecords(response.hits.hits)[0] ?? null;
}

/**
 * Start of the latest completed (not interrupted) run of each of these jobs,
 * in one request: what the scheduler reads on every tick. Jobs that never
 * completed a run are absent. A crawl job `crawl:<source id>` also counts
 * crawl runs started outside the scheduler (`pressmon crawl`, the first crawl
 * of `pressmon run`) that covered its source: the source was just crawled,
 * whoever started it.
 */
export async function lastCompletedJobStarts(
  client: Client,
  prefix: string,
  jobIds: readonly string[],
): Promise<Map<string, string>> {
  const starts = new Map<string, string>();
  if (jobIds.length === 0) return starts;
  const crawlSources = jobIds
    .filter((id) => id.startsWith(CRAWL_JOB))
    .map((id) => id.slice(CRAWL_JOB.length));
  const response = await client.search({
    index: indexNames(prefix).runs,
    size: 0,
    query: { bool: { must_not: [{ term: { interrupted: true } }] } },
    aggs: {
      jobs: {
        filter: { terms: { job_id: [...jobIds] } },
        aggs: {
          byJob: {
            terms: { field: 'job_id', size: jobIds.length },
            aggs: { latest: { max: { field: 'started_at' } } },
          },
        },
      },
      manual: {
        filter: {
          bool: {
            filter: [{ term: { kind: 'crawl' } }, { terms: { source_ids: crawlSources } }],
            must_not: [{ exists: { field: 'job_id' } }],
          },
        },
        aggs: {
          bySource: {
            terms: { field: 'source_ids', size: Math.max(1, crawlSources.length), include: crawlSources },
            aggs: { latest: { max: { field: 'started_at' } } },
          },
        },
      },
    },
    ignore_unavailable: true,
  });
  type Buckets = { buckets: { key: string; latest: { value: number | null } }[] };
  const aggregations = response.aggregations as
    | { jobs?: { byJob?: Buckets }; manual?: { bySource?: Buckets } }
    | undefined;
  const keepLatest = (jobId: string, value: number | null): void => {
    if (value === null) return;
    const start = new Date(value).toISOString();
    const known = starts.get(jobId);
    if (known === undefined || start > known) starts.set(jobId, start);
  };
  for (const bucket of aggregations?.jobs?.byJob?.buckets ?? []) keepLatest(bucket.key, bucket.latest.value);
  for (const bucket of aggregations?.manual?.bySource?.buckets ?? []) {
    keepLatest(`${CRAWL_JOB}${bucket.key}`, bucket.latest.value);
  }
  return starts;
}

/** Prefix of the scheduler's crawl job ids (`crawl:<source id>`, scheduler/plan-jobs.ts). */
const CRAWL_JOB = 'crawl:';

/** The latest run of every job that has one, keyed by job id (at most `maxJobs` jobs). */
export async function latestRunPerJob(
  client: Client,
  prefix: string,
  maxJobs = 1000,
): Promise<Map<string, RunRecord>> {
  const response = await client.search<RunDocument>({
    index: indexNames(prefix).runs,
    size: 0,
    query: { exists: { field: 'job_id' } },
    aggs: {
      jobs: {
        terms: { field: 'job_id', size: maxJobs },
        aggs: { latest: { top_hits: { size: 1, sort: [{ started_at: { order: 'desc' } }] } } },
      },
    },
    ignore_unavailable: true,
  });
  const jobs = response.aggregations?.jobs as
    | { buckets: { key: string; latest: { hits: { hits: estypes.SearchHit<RunDocument>[] } } }[] }
    | undefined;
  const latest = new Map<string, RunRecord>();
  for (const bucket of jobs?.buckets ?? []) {
    const [record] = toRecords(bucket.latest.hits.hits);
    if (record !== undefined) latest.set(bucket.key, record);
  }
  return latest;
}

/**
 * The latest crawl runs that included each source, newest first, at most
 * `runsPerSource` per source: what source health (failing or silent N runs in
 * a row) is computed from, whether runs crawl one source or all of them.
 */
export async function latestRunsPerSource(
  client: Client,
  prefix: string,
  sourceIds: readonly string[],
  runsPerSource = 20,
): Promise<Map<string, RunRecord[]>> {
  const bySource = new Map<string, RunRecord[]>();
  if (sourceIds.length === 0) return bySource;
  const response = await client.search<RunDocument>({
    index: indexNames(prefix).runs,
    size: 0,
    query: { bool: { filter: [{ term: { kind: 'crawl' } }, { terms: { source_ids: [...sourceIds] } }] } },
    aggs: {
      sources: {
        terms: { field: 'source_ids', size: sourceIds.length, include: [...sourceIds] },
        aggs: { latest: { top_hits: { size: runsPerSource, sort: [{ started_at: { order: 'desc' } }] } } },
      },
    },
    ignore_unavailable: true,
  });
  const sources = response.aggregations?.sources as
    | { buckets: { key: string; latest: { hits: { hits: estypes.SearchHit<RunDocument>[] } } }[] }
    | undefined;
  for (const bucket of sources?.buckets ?? []) bySource.set(bucket.key, toRecords(bucket.latest.hits.hits));
  return bySource;
}

function toRecords(hits: readonly estypes.SearchHit<RunDocument>[]): RunRecord[] {
  return hits.flatMap((hit) => {
    const doc = hit._source;
    if (doc === undefined || hit._id === undefined) return [];
    return [
      {
        runId: hit._id,
        kind: doc.kind,
        status: doc.status,
        startedAt: doc.started_at,
        finishedAt: doc.finished_at,
        sourceIds: doc.source_ids,
        report: doc.report,
        ...(doc.job_id === undefined ? {} : { jobId: doc.job_id }),
        interrupted: doc.interrupted ?? false,
        ...(doc.health_flags === undefined ? {} : { healthFlags: doc.health_flags }),
      },
    ];
  });
}
