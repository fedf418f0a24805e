import type { JobStore } from '../../../scheduler/index.ts';

/**
 * A job store in memory, for unit tests of the scheduler's logic: locks with
 * an expiry on the injected clock, and the start times of completed runs. The
 * Elasticsearch store is proven in scheduler.int.test.ts.
 */
export class MemoryJobStore implements JobStore {
  readonly completed = new Map<string, Date[]>();
  private readonly locks = new Map<string, { owner: string; expiresAtMs: number }>();
  private readonly now: () => Date;

  constructor(now: () => Date) {
    this.now = now;
  }

  recordCompleted(jobId: string, startedAt: Date): void {
    this.completed.set(jobId, [...(this.completed.get(jobId) ?? []), startedAt]);
  }

  async lastCompletedStart(jobId: string): Promise<Date | null> {
    const starts = this.completed.get(jobId) ?? [];
    return starts.reduce<Date | null>(
      (latest, start) => (latest === null || start > latest ? start : latest),
      null,
    );
  }

  async lastCompletedStarts(jobIds: readonly string[]): Promise<Map<string, Date>> {
    const starts = new Map<string, Date>();
    for (const jobId of jobIds) {
      const start = await this.lastCompletedStart(jobId);
      if (start !== null) starts.set(jobId, start);
    }
    return starts;
  }

  async acquire(jobId: string, owner: string, ttlMs: number) {
    const held = this.locks.get(jobId);
    const nowMs = this.now().getTime();
    if (held !== undefined && held.expiresAtMs > nowMs && held.owner !== owner) {
      return { acquired: false as const, heldBy: held.owner };
    }
    this.locks.set(jobId, { owner, expiresAtMs: nowMs + ttlMs });
    const isOwn = (): boolean => this.locks.get(jobId)?.owner === owner;
    return {
      acquired: true as const,
      lock: {
        renew: async () => {
          if (!isOwn()) return false;
          this.locks.set(jobId, { owner, expiresAtMs: this.now().getTime() + ttlMs });
          return true;
        },
        release: async () => {
          if (isOwn()) this.locks.delete(jobId);
        },
      },
    };
  }
}
