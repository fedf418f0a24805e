import type { Client } from '@elastic/elasticsearch';
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
    },
  });
}

interface RunDocument {
  kind: RunRecord['kind'];
  status: RunStatus;
  started_at: string;
  finished_at: string;
  source_ids: string[];
  report: unknown;
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
  return response.hits.hits.flatMap((hit) => {
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
      },
    ];
  });
}
