import type { Client } from '@elastic/elasticsearch';
import { acquireLock, lastCompletedJobStarts, latestJobRun } from '../indexer/index.ts';

/** A held job lock: renewed while the job runs, released when it ends. */
export interface JobLock {
  /** False when the lock was lost (it expired and another process took it). */
  renew(): Promise<boolean>;
  release(): Promise<void>;
}

export type JobLockAttempt =
  | { readonly acquired: true; readonly lock: JobLock }
  | { readonly acquired: false; readonly heldBy: string };

/** Where the scheduler keeps what must be shared between processes: run history and job locks. */
export interface JobStore {
  /** Start of the job's latest run that was not interrupted, or null. */
  lastCompletedStart(jobId: string): Promise<Date | null>;
  /** The same for many jobs in one read (one tick); jobs that never completed a run are absent. */
  lastCompletedStarts(jobIds: readonly string[]): Promise<Map<string, Date>>;
  acquire(jobId: string, owner: string, ttlMs: number): Promise<JobLockAttempt>;
}

/**
 * The job store on Elasticsearch: history from `<prefix>-runs` (indexer/runs.ts),
 * locks in `<prefix>-locks` (indexer/locks.ts), which expire so that a crashed
 * process blocks a job only until its lock's time to live runs out.
 */
export function elasticsearchJobStore(client: Client, prefix: string, now: () => Date): JobStore {
  return {
    async lastCompletedStart(jobId) {
      const run = await latestJobRun(client, prefix, jobId, { completedOnly: true });
      return run === null ? null : new Date(run.startedAt);
    },
    async lastCompletedStarts(jobIds) {
      const starts = await lastCompletedJobStarts(client, prefix, jobIds);
      return new Map([...starts].map(([jobId, start]) => [jobId, new Date(start)]));
    },
    async acquire(jobId, owner, ttlMs) {
      const attempt = await acquireLock(client, prefix, `job:${jobId}`, owner, ttlMs, now);
      return attempt.acquired
        ? { acquired: true, lock: attempt.lock }
        : { acquired: false, heldBy: attempt.heldBy };
    },
  };
}
