// `pressmon status` over a real runs index: a source that failed three
// scheduled runs in a row is shown failing and flagged, the command exits 1.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StatusReport } from '../../app/status.ts';
import { ensureIndices, recordRun } from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const prefix = uniqueIndexPrefix('status');
let client: Client;
let dataDir: string;
let env: Record<string, string>;

/** A scheduled crawl of one fixture source, as runCrawl records it. */
async function crawlRun(
  sourceId: string,
  day: string,
  counts: { discovered: number; fetched: number; failed: number },
) {
  const startedAt = `2026-11-${day}T04:00:00.000Z`;
  await recordRun(client, prefix, {
    runId: `crawl-${sourceId}-${day}`,
    kind: 'crawl',
    status: counts.fetched === 0 && counts.failed > 0 ? 'failed' : 'ok',
    startedAt,
    finishedAt: startedAt.replace('04:00', '04:05'),
    sourceIds: [sourceId],
    jobId: `crawl:${sourceId}`,
    report: {
      sources: [{ crawl: { sourceId, ...counts }, articles: counts.fetched }],
    },
  });
}

beforeAll(async () => {
  client = testEsClient();
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-status-'));
  env = {
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: dataDir,
    PRESSMON_SOURCES_DIR: path.join(ROOT, 'test/fixture-site/sources'),
  };
  await ensureIndices(client, prefix);
  for (const day of ['21', '22', '23', '24']) {
    await crawlRun('pl-fixture', day, { discovered: 8, fetched: 8, failed: 0 });
    await crawlRun(
      'ro-fixture',
      day,
      day === '21' ? { discovered: 9, fetched: 9, failed: 0 } : { discovered: 0, fetched: 0, failed: 2 },
    );
  }
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('pressmon status with a failing source', () => {
  it('names the failing source, its last run and counts, flags it and exits 1', async () => {
    const result = await runCli(['status'], { env });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stdout).toMatch(/Elasticsearch \S+ at http:\/\/127\.0\.0\.1:\d+: (green|yellow)/);
    expect(result.stdout).toMatch(
      /crawl:ro-fixture\s+0 6 \* \* \*\s+Europe\/Bucharest\s+2026-11-24T04:00:00\.000Z\s+failed/,
    );
    expect(result.stdout).toMatch(/ro-fixture\s+2026-11-24T04:00:00\.000Z\s+failed\s+0\s+0\s+2\s+0/);
    expect(result.stdout).toMatch(/pl-fixture\s+2026-11-24T04:00:00\.000Z\s+ok\s+8\s+8\s+0\s+8/);
    expect(result.stdout).toContain('ALERT ro-fixture: failing for 3 runs in a row');
    expect(result.stdout).not.toContain('ALERT pl-fixture');
    expect(result.stdout).toContain('Spool: empty');
  });

  it('gives the same as JSON', async () => {
    const result = await runCli(['status', '--json', '--alert-after', '4'], { env });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout) as StatusReport;
    expect(status.sources.find((source) => source.sourceId === 'ro-fixture')).toMatchObject({
      lastStatus: 'failed',
      failingRuns: 3,
    });
    expect(status.jobs.find((job) => job.jobId === 'crawl:pl-fixture')?.lastRun?.status).toBe('ok');
  });
});
