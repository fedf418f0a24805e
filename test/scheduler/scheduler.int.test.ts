import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../core/logger.ts';
import { ensureIndices, latestJobRun, locksIndex, recordRun } from '../../indexer/index.ts';
import {
  compileSchedule,
  elasticsearchJobStore,
  type JobContext,
  type ScheduledJob,
  startScheduler,
} from '../../scheduler/index.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

// Two schedulers, each with its own Elasticsearch client (as two processes
// would have), share the real node's locks and run history.

const clients: Client[] = [];
const prefix = uniqueIndexPrefix('scheduler');
let clock = new Date('2026-11-24T05:00:20Z'); // a Tuesday: 07:00:20 in Bucharest, 06:00:20 in Warsaw
const now = (): Date => clock;

function newClient(): Client {
  const client = testEsClient();
  clients.push(client);
  return client;
}

/** A job that takes a while and records its run in pressmon-runs, as runCrawl does. */
function recordingJob(
  client: Client,
  id: string,
  expression: string,
  timeZone: string,
  seen: JobContext[],
): ScheduledJob {
  return {
    id,
    schedule: compileSchedule(expression, timeZone),
    firstRun: 'immediately',
    run: async (context) => {
      const startedAt = now().toISOString();
      seen.push(context);
      await sleep(300);
      await recordRun(client, prefix, {
        runId: context.runId,
        kind: id.startsWith('digest') ? 'digest' : 'crawl',
        status: 'ok',
        startedAt,
        finishedAt: now().toISOString(),
        sourceIds: [],
        report: {},
        jobId: id,
      });
      return { status: 'ok', interrupted: false };
    },
  };
}

async function seedRun(jobId: string, startedAt: string): Promise<void> {
  await recordRun(clients[0] as Client, prefix, {
    runId: `seed-${jobId}-${startedAt}`,
    kind: 'crawl',
    status: 'ok',
    startedAt,
    finishedAt: startedAt,
    sourceIds: [],
    report: {},
    jobId,
  });
}

beforeAll(async () => {
  await ensureIndices(newClient(), prefix);
});

afterAll(async () => {
  const client = clients[0] as Client;
  await deleteTestIndices(client, prefix);
  await client.indices.delete({ index: locksIndex(prefix), ignore_unavailable: true });
  await Promise.all(clients.map((client) => client.close()));
});

describe('two schedulers against the same Elasticsearch', () => {
  it('run each due job once between them, however they tick', async () => {
    const JOBS = [
      ['crawl:hotnews', '0 6 * * *', 'Europe/Bucharest'],
      ['crawl:oko-press', '0 6 * * *', 'Europe/Warsaw'],
      ['digest:Europe/Bucharest', '0 7 * * 1', 'Europe/Bucharest'],
      ['digest:Europe/Warsaw', '0 7 * * 1', 'Europe/Warsaw'],
    ] as const;
    for (const [id] of JOBS) await seedRun(id, '2026-11-17T01:00:00.000Z');
    const seen: JobContext[][] = [[], []];
    const schedulers = seen.map((runs, index) => {
      const client = newClient();
      return startScheduler(
        {
          store: elasticsearchJobStore(client, prefix, now),
          logger: silentLogger(),
          now,
          ticker: () => () => undefined,
          owner: `process-${index}`,
        },
        JOBS.map(([id, expression, zone]) => recordingJob(client, id, expression, zone, runs)),
        { lockTtlMs: 60_000, maxConcurrentJobs: 4 },
      );
    });
    for (let round = 0; round < 4; round++) {
      await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
      await sleep(100);
    }
    await Promise.all(schedulers.map((scheduler) => scheduler.whenIdle()));
    await Promise.all(schedulers.map((scheduler) => scheduler.tick()));
    await Promise.all(schedulers.map((scheduler) => scheduler.whenIdle()));
    await Promise.all(schedulers.map((scheduler) => scheduler.stop()));

    const ran = seen
      .flat()
      .map((context) => context.jobId)
      .sort();
    expect(ran).toEqual(JOBS.map(([id]) => id).sort());
    // Monday 07:00 local: 06:00Z for the Warsaw members, 05:00Z for the Bucharest ones.
    const slotOf = (jobId: string): string | undefined =>
      seen
        .flat()
        .find((context) => context.jobId === jobId)
        ?.slot.toISOString();
    expect(slotOf('digest:Europe/Warsaw')).toBe('2026-11-23T06:00:00.000Z');
    expect(slotOf('digest:Europe/Bucharest')).toBe('2026-11-23T05:00:00.000Z');
  });

  it('catches up a week of downtime with one run, then waits for the next slot', async () => {
    clock = new Date('2026-12-01T10:00:00Z');
    await seedRun('crawl:agerpres', '2026-11-24T04:00:00.000Z');
    const client = newClient();
    const runs: JobContext[] = [];
    const scheduler = startScheduler(
      {
        store: elasticsearchJobStore(client, prefix, now),
        logger: silentLogger(),
        now,
        ticker: () => () => undefined,
      },
      [recordingJob(client, 'crawl:agerpres', '0 6 * * *', 'Europe/Bucharest', runs)],
      { lockTtlMs: 60_000, maxConcurrentJobs: 1 },
    );
    await scheduler.whenIdle();
    clock = new Date('2026-12-01T10:05:00Z');
    await scheduler.tick();
    await scheduler.whenIdle();
    await scheduler.stop();
    expect(runs.map((run) => [run.slot.toISOString(), run.missedSlots])).toEqual([
      ['2026-12-01T04:00:00.000Z', 7],
    ]);
    const latest = await latestJobRun(client, prefix, 'crawl:agerpres');
    expect(latest?.startedAt).toBe('2026-12-01T10:00:00.000Z');
  });
});
