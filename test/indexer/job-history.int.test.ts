import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureIndices } from '../../indexer/ensure-indices.ts';
import { lastCompletedJobStarts, type RunRecord, recordRun } from '../../indexer/runs.ts';
import { deleteTestIndices, testEsClient, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const client = testEsClient();
const prefix = uniqueIndexPrefix('job-history');

function run(fields: Partial<RunRecord> & Pick<RunRecord, 'runId' | 'startedAt' | 'sourceIds'>): RunRecord {
  return { kind: 'crawl', status: 'ok', finishedAt: fields.startedAt, report: null, ...fields };
}

beforeAll(async () => {
  await ensureIndices(client, prefix);
  await recordRun(
    client,
    prefix,
    run({ runId: 'sched-a', jobId: 'crawl:a', startedAt: '2026-11-30T06:00:00.000Z', sourceIds: ['a'] }),
  );
  // A manual crawl of a and b, later than a's scheduled run.
  await recordRun(
    client,
    prefix,
    run({ runId: 'manual-ab', startedAt: '2026-11-30T09:00:00.000Z', sourceIds: ['a', 'b'] }),
  );
  // An interrupted manual crawl of c does not count; nor does a digest run.
  await recordRun(
    client,
    prefix,
    run({ runId: 'manual-c', startedAt: '2026-11-30T10:00:00.000Z', sourceIds: ['c'], interrupted: true }),
  );
  await recordRun(
    client,
    prefix,
    run({
      runId: 'digest',
      kind: 'digest',
      jobId: 'digest:Europe/Warsaw',
      startedAt: '2026-11-30T07:00:00.000Z',
      sourceIds: [],
    }),
  );
});
afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
});

describe('the scheduler’s run history (lastCompletedJobStarts)', () => {
  it('counts a completed crawl started outside the scheduler as a run of each source’s crawl job', async () => {
    const starts = await lastCompletedJobStarts(client, prefix, [
      'crawl:a',
      'crawl:b',
      'crawl:c',
      'digest:Europe/Warsaw',
    ]);
    expect(Object.fromEntries(starts)).toEqual({
      'crawl:a': '2026-11-30T09:00:00.000Z',
      'crawl:b': '2026-11-30T09:00:00.000Z',
      'digest:Europe/Warsaw': '2026-11-30T07:00:00.000Z',
    });
  });

  it('answers only for the jobs asked about', async () => {
    expect(Object.fromEntries(await lastCompletedJobStarts(client, prefix, ['crawl:b']))).toEqual({
      'crawl:b': '2026-11-30T09:00:00.000Z',
    });
  });
});
