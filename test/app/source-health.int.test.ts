// Source health in a real run: volume against the runs recorded in Elasticsearch, and block pages.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CrawlRunReport, runCrawl } from '../../app/run-crawl.ts';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings } from '../../config/settings.ts';
import type { PressmonConfig } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { ensureIndices, latestRuns, recordRun } from '../../indexer/index.ts';
import { runsMapping } from '../../indexer/support-mappings.ts';
import {
  articleHtml,
  type LocalSite,
  localSource,
  rssFeed,
  startLocalSite,
} from '../crawlers/helpers/local-site.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const CHALLENGE = '<html><head><title>Just a moment...</title></head><body>cf_chl_opt</body></html>';

let client: Client;
let config: PressmonConfig;
let site: LocalSite;
let dataDir: string;
const prefix = uniqueIndexPrefix('health');

beforeAll(async () => {
  client = testEsClient();
  config = await loadConfigOrThrow({
    configDir: path.join(ROOT, 'config'),
    sourcesDir: path.join(ROOT, 'config/sources'),
  });
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-health-'));
  site = await startLocalSite({
    '/feed.xml': { body: rssFeed(['/a/1', '/a/2', '/a/3']) },
    '/a/1': { body: articleHtml('Unu') },
    '/a/2': { status: 403, body: CHALLENGE },
    '/a/3': { status: 403, body: CHALLENGE },
  });
  // A runs index from before the health-flag fields: ensureIndices must add them in place.
  const { health_flags: _flags, health_flag_kinds: _kinds, ...older } = runsMapping().properties ?? {};
  await client.indices.create({ index: `${prefix}-runs`, mappings: { dynamic: false, properties: older } });
  await ensureIndices(client, prefix);
  // Four earlier runs in which the source found about 40 links each.
  for (const [index, discovered] of [40, 38, 42, 41].entries()) {
    const startedAt = new Date(Date.now() - (index + 1) * 86_400_000).toISOString();
    await recordRun(client, prefix, {
      runId: `crawl-earlier-${index}`,
      kind: 'crawl',
      status: 'ok',
      startedAt,
      finishedAt: startedAt,
      sourceIds: ['local-test'],
      report: { sources: [{ crawl: { sourceId: 'local-test', discovered, aborted: false } }] },
    });
  }
  await client.indices.refresh({ index: `${prefix}-runs` });
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await site.close();
  await rm(dataDir, { recursive: true, force: true });
});

describe('source health', () => {
  it('flags a source whose volume fell far below its recent runs and which answers with block pages, in the report and the run record', async () => {
    const settings = loadSettings({
      PRESSMON_ES_URL: testEsUrl(),
      PRESSMON_INDEX_PREFIX: prefix,
      PRESSMON_DATA_DIR: dataDir,
      PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    });
    const report: CrawlRunReport = await runCrawl({
      settings,
      logger: silentLogger(),
      client,
      config: { ...config, sources: [localSource(site.origin)] },
    });
    const health = report.sources[0]?.health;
    expect(health).toMatchObject({ ok: false, volume: 3, usualVolume: 41, runsCompared: 4 });
    expect(health?.flags.map((flag) => flag.kind)).toEqual(['volume-drop', 'blocked']);

    await client.indices.refresh({ index: `${prefix}-runs` });
    const [recorded] = await latestRuns(client, prefix, 'crawl', 1);
    expect(recorded?.runId).toBe(report.runId);
    const stored = recorded?.report as CrawlRunReport | undefined;
    expect(stored?.sources[0]?.health.flags).toEqual(health?.flags);
    expect(recorded?.healthFlags).toEqual(['local-test:volume-drop', 'local-test:blocked']);
  });

  it('makes the flags searchable in the run record, by source and flag or by flag alone', async () => {
    const find = async (query: Record<string, unknown>) => {
      const response = await client.search({ index: `${prefix}-runs`, query });
      return response.hits.hits.map((hit) => hit._id);
    };
    const [latest] = await latestRuns(client, prefix, 'crawl', 1);
    expect(await find({ term: { health_flags: 'local-test:blocked' } })).toEqual([latest?.runId]);
    expect(await find({ term: { health_flag_kinds: 'volume-drop' } })).toEqual([latest?.runId]);
    expect(await find({ term: { health_flag_kinds: 'volume-zero' } })).toEqual([]);
  });
});
