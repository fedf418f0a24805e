import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { createTask } from 'node-cron';
import type { Logger } from '../core/logger.ts';
import type { RunStatus } from '../indexer/index.ts';
import type { CronSchedule } from './cron-schedule.ts';
import { decideDue, type FirstRunPolicy } from './due.ts';
import type { JobLock, JobStore } from './job-store.ts';

/** What a job is given for one run. */
export interface JobContext {
  /** Id of this run; the job records its run under it, with `jobId`. */
  readonly runId: string;
  readonly jobId: string;
  /** The slot this run stands for (the latest one due). */
  readonly slot: Date;
  /** Slots caught up by this one run (1 when nothing was missed). */
  readonly missedSlots: number;
  /** Aborted on stop (SIGTERM) or when the job's lock is lost: finish the current page and return. */
  readonly signal: AbortSignal;
  /** A child logger carrying `runId` and `jobId`. */
  readonly logger: Logger;
}

export interface JobOutcome {
  readonly status: RunStatus;
  /** True when the run stopped early; the job stays due. */
  readonly interrupted: boolean;
}

/** A job as the scheduler runs it. The job records its own run (with `context.runId` and `jobId`). */
export interface ScheduledJob {
  /** `crawl:<source id>`, `digest:<time zone>`: the key of its lock and its history. */
  readonly id: string;
  readonly schedule: CronSchedule;
  readonly firstRun: FirstRunPolicy;
  run(context: JobContext): Promise<JobOutcome>;
}

/** Calls `onTick` periodically until the returned function is called. */
export type Ticker = (onTick: () => void) => () => void;

export interface SchedulerDeps {
  readonly store: JobStore;
  readonly logger: Logger;
  /** The clock every decision reads; injected so tests can move time. */
  readonly now: () => Date;
  /** Default: a node-cron task at the start of every minute. */
  readonly ticker?: Ticker;
  /** Name of this scheduler in locks; default `<host>:<pid>:<random>`. */
  readonly owner?: string;
}

export interface SchedulerOptions {
  /** Time to live of a job lock, ms; renewed every third of it while the job runs. */
  readonly lockTtlMs: number;
  /** Jobs run at once by this process; the others wait for a later tick (they stay due). */
  readonly maxConcurrentJobs: number;
}

export interface Scheduler {
  /** Looks at every job once and starts those due (also called by the ticker). */
  tick(): Promise<void>;
  /** Ids of the jobs this process is running now. */
  running(): string[];
  /** Resolves when no job of this process is running. */
  whenIdle(): Promise<void>;
  /** Stops ticking, aborts running jobs and waits for them to finish (locks released). */
  stop(): Promise<void>;
}

/** The default ticker: node-cron, every minute at second 0. */
export function everyMinute(onTick: () => void): () => void {
  const task = createTask('* * * * *', onTick, { name: 'pressmon-scheduler-tick' });
  void task.start();
  return () => void task.destroy();
}

interface RunningJob {
  readonly controller: AbortController;
  readonly done: Promise<void>;
}

/**
 * Starts the scheduler: every tick, each job whose latest slot came after its
 * latest completed run (decideDue) is started, once, under a lock held in the
 * job store, so that two processes never run the same job at once and a slot
 * one of them finished is not run again by the other. Runs missed while no
 * scheduler was up are caught up by one run. Ticks once at start.
 */
export function startScheduler(
  deps: SchedulerDeps,
  jobs: readonly ScheduledJob[],
  options: SchedulerOptions,
): Scheduler {
  const { store, now } = deps;
  const logger = deps.logger.child({ stage: 'scheduler' });
  const owner = deps.owner ?? `${hostname()}:${process.pid}:${randomBytes(3).toString('hex')}`;
  const startedAt = now();
  const running = new Map<string, RunningJob>();
  // Slots this process ran: protects against running one twice when its run could not be recorded.
  const ranSlots = new Map<string, number>();
  let isStopping = false;
  let ticking: Promise<void> | null = null;

  const isDue = async (
    job: ScheduledJob,
    known?: ReadonlyMap<string, Date>,
  ): Promise<{ slot: Date; missedSlots: number } | null> => {
    const lastCompletedStart =
      known === undefined ? await store.lastCompletedStart(job.id) : (known.get(job.id) ?? null);
    const decision = decideDue({
      schedule: job.schedule,
      now: now(),
      lastCompletedStart,
      schedulerStartedAt: startedAt,
      firstRun: job.firstRun,
    });
    if (!decision.isDue || decision.slot.getTime() <= (ranSlots.get(job.id) ?? -Infinity)) return null;
    return decision;
  };

  const launch = (job: ScheduledJob, lock: JobLock, due: { slot: Date; missedSlots: number }): void => {
    const controller = new AbortController();
    const runId = `${job.id.split(':')[0]}-${now().toISOString().replace(/[-:.]/g, '')}-${randomBytes(3).toString('hex')}`;
    const jobLogger = deps.logger.child({ runId, jobId: job.id });
    const renewEveryMs = Math.max(1_000, Math.floor(options.lockTtlMs / 3));
    const renewal = setInterval(() => {
      lock.renew().then(
        (isHeld) => {
          if (isHeld) return;
          jobLogger.error('job lock lost (expired and taken by another process): stopping this run');
          controller.abort();
        },
        (error: unknown) => jobLogger.warn({ err: error }, 'could not renew the job lock'),
      );
    }, renewEveryMs);
    const done = (async () => {
      jobLogger.info(
        { slot: due.slot.toISOString(), missedSlots: due.missedSlots },
        due.missedSlots > 1 ? 'job started, catching up missed runs once' : 'job started',
      );
      try {
        const outcome = await job.run({
          runId,
          jobId: job.id,
          slot: due.slot,
          missedSlots: due.missedSlots,
          signal: controller.signal,
          logger: jobLogger,
        });
        jobLogger.info({ status: outcome.status, interrupted: outcome.interrupted }, 'job finished');
      } catch (error) {
        jobLogger.error({ err: error }, 'job failed');
      } finally {
        clearInterval(renewal);
        ranSlots.set(job.id, due.slot.getTime());
        await lock
          .release()
          .catch((error: unknown) => jobLogger.warn({ err: error }, 'could not release the job lock'));
        running.delete(job.id);
      }
    })();
    running.set(job.id, { controller, done });
  };

  const tryStart = async (job: ScheduledJob, known: ReadonlyMap<string, Date>): Promise<void> => {
    if ((await isDue(job, known)) === null) return;
    const attempt = await store.acquire(job.id, owner, options.lockTtlMs);
    if (!attempt.acquired) {
      logger.debug({ jobId: job.id, heldBy: attempt.heldBy }, 'job due but running elsewhere');
      return;
    }
    // Another process may have finished this slot between our look and our lock: look again.
    const due = await isDue(job).catch(async (error: unknown) => {
      await attempt.lock.release();
      throw error;
    });
    if (due === null || isStopping) {
      await attempt.lock.release();
      return;
    }
    launch(job, attempt.lock, due);
  };

  const tickOnce = async (): Promise<void> => {
    if (isStopping || running.size >= options.maxConcurrentJobs) return;
    // One read of the history for every job per tick; the job about to start is read again under its lock.
    const known = await store
      .lastCompletedStarts(jobs.filter((job) => !running.has(job.id)).map((job) => job.id))
      .catch((error: unknown) => {
        logger.warn({ err: error }, 'could not read the run history; trying again next tick');
        return null;
      });
    if (known === null) return;
    for (const job of jobs) {
      if (isStopping || running.size >= options.maxConcurrentJobs) return;
      if (running.has(job.id)) continue; // a job still running blocks its next run
      try {
        await tryStart(job, known);
      } catch (error) {
        logger.warn({ jobId: job.id, err: error }, 'could not decide or start a job; trying again next tick');
      }
    }
  };

  const tick = (): Promise<void> => {
    // One tick at a time; a tick requested while one runs waits for it instead of overlapping.
    ticking ??= tickOnce().finally(() => {
      ticking = null;
    });
    return ticking;
  };

  const stopTicker = (deps.ticker ?? everyMinute)(() => void tick());
  logger.info({ owner, jobs: jobs.length }, 'scheduler started');
  void tick();

  return {
    tick,
    running: () => [...running.keys()],
    async whenIdle() {
      while (running.size > 0 || ticking !== null) {
        await Promise.all([ticking, ...[...running.values()].map((job) => job.done)]);
      }
    },
    async stop() {
      if (isStopping) return;
      isStopping = true;
      stopTicker();
      for (const job of running.values()) job.controller.abort();
      await ticking;
      await Promise.all([...running.values()].map((job) => job.done));
      logger.info('scheduler stopped');
    },
  };
}
