import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import {
  compileSchedule,
  type JobContext,
  type ScheduledJob,
  type Scheduler,
  startScheduler,
} from '../../scheduler/index.ts';
import { MemoryJobStore } from './helpers/memory-job-store.ts';

/** A clock the test moves, and a ticker the test fires (instead of node-cron's minute). */
function harness(startIso: string) {
  let clock = new Date(startIso);
  const store = new MemoryJobStore(() => clock);
  return {
    store,
    now: () => clock,
    setNow: (iso: string) => {
      clock = new Date(iso);
    },
    ticker: () => () => undefined,
  };
}

/** A job that records its runs in the store (as runCrawl records in pressmon-runs) and can be held open. */
function recordingJob(id: string, expression: string, store: MemoryJobStore, now: () => Date) {
  const runs: JobContext[] = [];
  let release: () => void = () => undefined;
  let gate: Promise<void> | null = null;
  const job: ScheduledJob = {
    id,
    schedule: compileSchedule(expression, 'Europe/Bucharest'),
    firstRun: 'immediately',
    run: async (context) => {
      const startedAt = now();
      runs.push(context);
      if (gate !== null) {
        await Promise.race([
          gate,
          new Promise((resolve) => context.signal.addEventListener('abort', resolve, { once: true })),
        ]);
      }
      const interrupted = context.signal.aborted;
      if (!interrupted) store.recordCompleted(id, startedAt);
      return { status: 'ok', interrupted };
    },
  };
  return {
    job,
    runs,
    hold: () => {
      gate = new Promise((resolve) => {
        release = resolve;
      });
    },
    release: () => {
      gate = null;
      release();
    },
  };
}

const OPTIONS = { lockTtlMs: 600_000, maxConcurrentJobs: 2 };
let scheduler: Scheduler | undefined;

afterEach(async () => {
  await scheduler?.stop();
});

describe('the scheduler loop', () => {
  it('runs a daily job once per day however often it ticks', async () => {
    const h = harness('2026-11-24T03:59:00Z');
    const crawl = recordingJob('crawl:hotnews', '0 6 * * *', h.store, h.now);
    h.store.recordCompleted('crawl:hotnews', new Date('2026-11-23T04:00:05Z'));
    scheduler = startScheduler({ ...h, logger: silentLogger() }, [crawl.job], OPTIONS);
    await scheduler.whenIdle();
    expect(crawl.runs).toHaveLength(0);
    for (const minute of ['04:00:00', '04:01:00', '04:02:00', '09:00:00']) {
      h.setNow(`2026-11-24T${minute}Z`);
      await scheduler.tick();
      await scheduler.whenIdle();
    }
    expect(crawl.runs.map((run) => run.slot.toISOString())).toEqual(['2026-11-24T04:00:00.000Z']);
  });

  it('catches up the runs missed while it was down with one run', async () => {
    const h = harness('2026-11-27T10:00:00Z');
    const crawl = recordingJob('crawl:hotnews', '0 6 * * *', h.store, h.now);
    h.store.recordCompleted('crawl:hotnews', new Date('2026-11-23T04:00:05Z'));
    scheduler = startScheduler({ ...h, logger: silentLogger() }, [crawl.job], OPTIONS);
    await scheduler.whenIdle();
    await scheduler.tick();
    await scheduler.whenIdle();
    expect(crawl.runs).toHaveLength(1);
    expect(crawl.runs[0]).toMatchObject({ missedSlots: 4, slot: new Date('2026-11-27T04:00:00Z') });
  });

  it('does not start a job again while its previous run is still going, then catches up once', async () => {
    const h = harness('2026-11-24T08:00:00Z');
    const listing = recordingJob('crawl:agerpres', '0 * * * *', h.store, h.now);
    h.store.recordCompleted('crawl:agerpres', new Date('2026-11-24T07:00:00Z'));
    listing.hold();
    scheduler = startScheduler({ ...h, logger: silentLogger() }, [listing.job], OPTIONS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.running()).toEqual(['crawl:agerpres']);
    for (const time of ['09:00:00', '10:00:00', '11:00:00']) {
      h.setNow(`2026-11-24T${time}Z`);
      await scheduler.tick();
    }
    expect(listing.runs).toHaveLength(1);
    listing.release();
    await scheduler.whenIdle();
    await scheduler.tick();
    await scheduler.whenIdle();
    // The run that started at 08:00 finished at 11:00: the 09-11 slots are caught up by one run.
    expect(listing.runs.map((run) => [run.slot.toISOString(), run.missedSlots])).toEqual([
      ['2026-11-24T08:00:00.000Z', 1],
      ['2026-11-24T11:00:00.000Z', 3],
    ]);
  });

  it('leaves a job running elsewhere (its lock held) alone', async () => {
    const h = harness('2026-11-24T04:00:30Z');
    const crawl = recordingJob('crawl:hotnews', '0 6 * * *', h.store, h.now);
    h.store.recordCompleted('crawl:hotnews', new Date('2026-11-23T04:00:05Z'));
    await h.store.acquire('crawl:hotnews', 'other-host:1', 600_000);
    scheduler = startScheduler({ ...h, logger: silentLogger() }, [crawl.job], OPTIONS);
    await scheduler.whenIdle();
    expect(crawl.runs).toHaveLength(0);
  });

  it('on stop, aborts the running job, waits for it and leaves it due for the next start', async () => {
    const h = harness('2026-11-24T04:00:30Z');
    const crawl = recordingJob('crawl:hotnews', '0 6 * * *', h.store, h.now);
    h.store.recordCompleted('crawl:hotnews', new Date('2026-11-23T04:00:05Z'));
    crawl.hold();
    scheduler = startScheduler({ ...h, logger: silentLogger() }, [crawl.job], OPTIONS);
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.running()).toEqual(['crawl:hotnews']);
    await scheduler.stop();
    expect(scheduler.running()).toEqual([]);
    expect(crawl.runs[0]?.signal.aborted).toBe(true);

    crawl.release();
    const next = startScheduler({ ...h, logger: silentLogger() }, [crawl.job], OPTIONS);
    await next.whenIdle();
    await next.stop();
    expect(crawl.runs).toHaveLength(2);
  });

  it('runs at most maxConcurrentJobs at once; the others wait, still due', async () => {
    const h = harness('2026-11-24T04:00:30Z');
    const jobs = ['a', 'b', 'c'].map((id) => recordingJob(`crawl:${id}`, '0 6 * * *', h.store, h.now));
    for (const job of jobs) job.hold();
    scheduler = startScheduler(
      { ...h, logger: silentLogger() },
      jobs.map((job) => job.job),
      OPTIONS,
    );
    await new Promise((resolve) => setImmediate(resolve));
    expect(scheduler.running()).toEqual(['crawl:a', 'crawl:b']);
    for (const job of jobs) job.release();
    await scheduler.whenIdle();
    await scheduler.tick();
    await scheduler.whenIdle();
    expect(jobs.map((job) => job.runs.length)).toEqual([1, 1, 1]);
  });
});
