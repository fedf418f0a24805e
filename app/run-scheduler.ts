import type { Client } from '@elastic/elasticsearch';
import type { Settings } from '../config/settings.ts';
import type { PressmonConfig } from '../config/types.ts';
import { redactSecrets } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { ensureIndices, type RunStatus, recordRun } from '../indexer/index.ts';
import {
  compileSchedule,
  elasticsearchJobStore,
  type JobContext,
  type JobOutcome,
  type JobPlan,
  lastCompleteIsoWeek,
  planJobs,
  type ScheduledJob,
  type Scheduler,
  startScheduler,
  type Ticker,
} from '../scheduler/index.ts';
import { runCrawl } from './run-crawl.ts';

/** What a digest run reports back; `status` defaults to ok. Kept in the run's record. */
export interface DigestRunResult {
  readonly status?: RunStatus;
  readonly [detail: string]: unknown;
}

/**
 * Sends the digests of one ISO week (`2026-W48`) to the members of one time
 * zone. Built in digest/ and injected here; it must be idempotent per
 * (member, week), since a caught-up or retried run may call it again.
 */
export type SendWeeklyDigests = (
  week: string,
  options: {
    readonly timeZone: string;
    readonly memberEmails: readonly string[];
    readonly signal: AbortSignal;
    readonly logger: Logger;
  },
) => Promise<DigestRunResult | undefined>;

export interface RunSchedulerDeps {
  readonly settings: Settings;
  readonly config: PressmonConfig;
  readonly client: Client;
  readonly logger: Logger;
  /** The weekly digest; without it, no digest job is scheduled (and a warning says so). */
  readonly sendWeeklyDigests?: SendWeeklyDigests;
  /** Clock of every schedule decision and run record; default the system clock. */
  readonly now?: () => Date;
  /** Default: node-cron every minute. */
  readonly ticker?: Ticker;
  /** Name of this process in job locks. */
  readonly owner?: string;
}

export interface RunSchedulerOptions {
  /** Only the crawl jobs of these sources (ids); all when absent or empty. */
  readonly sourceIds?: readonly string[];
  readonly maxPagesPerSource?: number;
  /** Stop cleanly on SIGINT and SIGTERM (finish the current pages, flush, release locks). Default false. */
  readonly handleSignals?: boolean;
}

export interface SchedulerHandle {
  readonly jobs: readonly JobPlan[];
  readonly scheduler: Scheduler;
  /** Stops the scheduler: running jobs finish their current page, write what they have, and record the run. */
  stop(): Promise<void>;
  /** Resolves once the scheduler has stopped (by `stop()` or a signal). */
  readonly stopped: Promise<void>;
}

/**
 * Starts the long-running scheduler over the configured sources and members:
 * per-source crawls and weekly digests per member time zone (planJobs), one
 * run at a time per job across processes. `pressmon schedule` and `pressmon
 * run` (after its first crawl) both start it here.
 */
export async function runScheduler(
  deps: RunSchedulerDeps,
  options: RunSchedulerOptions = {},
): Promise<SchedulerHandle> {
  const { settings, config, client, logger } = deps;
  const now = deps.now ?? (() => new Date());
  await ensureIndices(client, settings.indexPrefix);
  const wanted = new Set(options.sourceIds ?? []);
  const plans = planJobs(
    config.sources.filter((source) => wanted.size === 0 || wanted.has(source.id)),
    deps.sendWeeklyDigests === undefined || wanted.size > 0 ? [] : config.members,
    settings.schedule,
  );
  if (deps.sendWeeklyDigests === undefined && config.members.length > 0) {
    logger.warn('no digest sender wired in: weekly digests are not scheduled');
  }
  const jobs = plans.map((plan) => toScheduledJob(plan, deps, options, now));
  const scheduler = startScheduler(
    {
      store: elasticsearchJobStore(client, settings.indexPrefix, now),
      logger,
      now,
      ...(deps.ticker === undefined ? {} : { ticker: deps.ticker }),
      ...(deps.owner === undefined ? {} : { owner: deps.owner }),
    },
    jobs,
    { lockTtlMs: settings.schedule.lockTtlMs, maxConcurrentJobs: settings.schedule.maxConcurrentJobs },
  );
  let resolveStopped: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => {
    resolveStopped = resolve;
  });
  let stopping: Promise<void> | null = null;
  const onSignal = (signal: NodeJS.Signals): void => {
    logger.warn({ signal }, 'stopping: finishing the current pages, then writing what was fetched');
    void stop();
  };
  const stop = (): Promise<void> => {
    stopping ??= scheduler.stop().finally(() => {
      if (options.handleSignals) {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
      }
      resolveStopped();
    });
    return stopping;
  };
  if (options.handleSignals) {
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  }
  return { jobs: plans, scheduler, stop, stopped };
}

function toScheduledJob(
  plan: JobPlan,
  deps: RunSchedulerDeps,
  options: RunSchedulerOptions,
  now: () => Date,
): ScheduledJob {
  const schedule = compileSchedule(plan.expression, plan.timeZone);
  if (plan.kind === 'crawl') {
    return {
      id: plan.id,
      schedule,
      // A source never crawled (a new one) is crawled at once, not tomorrow.
      firstRun: 'immediately',
      run: async (context) => {
        const report = await runCrawl({
          settings: deps.settings,
          logger: context.logger,
          client: deps.client,
          config: deps.config,
          sourceIds: [plan.sourceId],
          signal: context.signal,
          runId: context.runId,
          jobId: context.jobId,
          now,
          ...(options.maxPagesPerSource === undefined
            ? {}
            : { maxPagesPerSource: options.maxPagesPerSource }),
        });
        return { status: report.status, interrupted: report.interrupted };
      },
    };
  }
  const send = deps.sendWeeklyDigests;
  return {
    id: plan.id,
    schedule,
    // Never send last week's digest late on the day the scheduler is first started.
    firstRun: 'next-slot',
    run: (context) =>
      send === undefined
        ? Promise.resolve({ status: 'failed', interrupted: false })
        : runDigestJob(plan, send, context, deps, now),
  };
}

async function runDigestJob(
  plan: Extract<JobPlan, { kind: 'digest' }>,
  send: SendWeeklyDigests,
  context: JobContext,
  deps: RunSchedulerDeps,
  now: () => Date,
): Promise<JobOutcome> {
  const startedAt = now().toISOString();
  const week = lastCompleteIsoWeek(context.slot, plan.timeZone);
  let status: RunStatus;
  let result: unknown;
  try {
    const sent = await send(week, {
      timeZone: plan.timeZone,
      memberEmails: plan.memberEmails,
      signal: context.signal,
      logger: context.logger,
    });
    status = sent?.status ?? 'ok';
    result = sent ?? null;
  } catch (error) {
    context.logger.error({ err: error, week }, 'weekly digest failed');
    status = 'failed';
    result = { error: redactSecrets(error instanceof Error ? error.message : String(error)) };
  }
  const interrupted = context.signal.aborted;
  await recordRun(deps.client, deps.settings.indexPrefix, {
    runId: context.runId,
    kind: 'digest',
    status,
    startedAt,
    finishedAt: now().toISOString(),
    sourceIds: [],
    report: { week, timeZone: plan.timeZone, members: plan.memberEmails.length, result },
    jobId: context.jobId,
    interrupted,
  });
  return { status, interrupted };
}
