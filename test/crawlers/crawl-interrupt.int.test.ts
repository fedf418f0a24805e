// A real `pressmon crawl` process against the fixture site with slow article pages, killed with SIGKILL
// (or stopped with Ctrl-C) mid-way and started again: no article lost, none indexed twice.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CrawlRunReport } from '../../app/run-crawl.ts';
import { articleIdFor } from '../../core/canonical-url.ts';
import { latestRuns } from '../../indexer/index.ts';
import { DEFAULT_BASE_PORT, type FixtureSite, startFixtureSite } from '../fixture-site/index.ts';
import { FIXTURE_MANIFEST, manifestUrl } from '../fixture-site/manifest.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/pressmon.js');
/** Two outlets without a browser section: 17 article pages, each answering after ARTICLE_DELAY_MS. */
const SOURCES = [
  ['ro', 'ro-fixture', 0],
  ['pl', 'pl-fixture', 1],
] as const;
const ARTICLE_DELAY_MS = 400;

let site: FixtureSite;
let client: Client;
let sourcesDir: string;
const prefixes: string[] = [];

beforeAll(async () => {
  site = await startFixtureSite({ basePort: 0, slowMs: 100, articleDelayMs: ARTICLE_DELAY_MS });
  client = testEsClient();
  sourcesDir = await mkdtemp(path.join(tmpdir(), 'pressmon-interrupt-sources-'));
  for (const [country, id, offset] of SOURCES) {
    const yaml = await readFile(path.join(ROOT, 'test/fixture-site/sources', country, `${id}.yaml`), 'utf8');
    await mkdir(path.join(sourcesDir, country), { recursive: true });
    await writeFile(
      path.join(sourcesDir, country, `${id}.yaml`),
      yaml.replaceAll(`127.0.0.1:${DEFAULT_BASE_PORT + offset}`, `127.0.0.1:${site.outlet(id).port}`),
    );
  }
});

afterAll(async () => {
  for (const prefix of prefixes) await deleteTestIndices(client, prefix);
  await client.close();
  await site.close();
  await rm(sourcesDir, { recursive: true, force: true });
});

const EXPECTED = FIXTURE_MANIFEST.filter(
  (entry) => SOURCES.some(([, id]) => id === entry.outletId) && !entry.robotsDisallowed,
);

let env: Record<string, string>;
let prefix: string;

beforeEach(async () => {
  prefix = uniqueIndexPrefix('interrupt');
  prefixes.push(prefix);
  env = {
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'pressmon-interrupt-data-')),
    PRESSMON_SOURCES_DIR: sourcesDir,
    PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    PRESSMON_LOG_LEVEL: 'warn',
  };
});

function startCrawl(): { child: ChildProcess; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [BIN, 'crawl', '--json'], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.resume();
  child.stderr?.resume();
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited };
}

const isArticleRequest = (from: number) =>
  site.requests.slice(from).filter((request) => EXPECTED.some((entry) => entry.path === request.path)).length;

async function waitForArticleRequests(from: number, count: number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (isArticleRequest(from) < count) {
    if (Date.now() > deadline) throw new Error(`fewer than ${count} article requests within 60 s`);
    await sleep(50);
  }
}

/** Every indexed article: ids and how many times each was written. */
async function indexedArticles(): Promise<Map<string, number>> {
  await client.indices.refresh({ index: `${prefix}-articles` });
  const response = await client.search({
    index: `${prefix}-articles`,
    size: 1000,
    version: true,
    _source: false,
  });
  return new Map(response.hits.hits.map((hit) => [hit._id ?? '', hit._version ?? 0]));
}

const expectedIds = () => EXPECTED.map((entry) => articleIdFor(manifestUrl(entry, site.outlets))).sort();

describe('an interrupted crawl', () => {
  it('killed with SIGKILL mid-way resumes its queue on restart: every article indexed, each once', async () => {
    const from = site.requests.length;
    const first = startCrawl();
    await waitForArticleRequests(from, 5);
    first.child.kill('SIGKILL');
    expect(await first.exited).toBeNull(); // killed, not finished
    const partial = await indexedArticles().catch(() => new Map<string, number>());
    expect(partial.size).toBeLessThan(EXPECTED.length);

    const second = await runCli(['crawl', '--json'], { env });
    expect(second.code, second.stderr).toBe(0);
    const indexed = await indexedArticles();
    expect([...indexed.keys()].sort()).toEqual(expectedIds());
    expect([...indexed.values()].every((version) => version === 1)).toBe(true);
    const report = JSON.parse(second.stdout) as CrawlRunReport;
    const fetchedAgain = report.sources.reduce((sum, source) => sum + source.crawl.fetched, 0);
    expect(fetchedAgain).toBe(EXPECTED.length - partial.size);
  });

  it('stopped with Ctrl-C finishes the pages in flight, records the run, and the next run does the rest', async () => {
    const from = site.requests.length;
    const first = startCrawl();
    await waitForArticleRequests(from, 3);
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    await client.indices.refresh({ index: `${prefix}-runs` });
    const [recorded] = await latestRuns(client, prefix, 'crawl');
    const report = recorded?.report as CrawlRunReport | undefined;
    expect(report?.sources[0]?.crawl.aborted).toBe(true);
    const partial = await indexedArticles();
    expect(partial.size).toBeGreaterThan(0);
    expect(partial.size).toBeLessThan(EXPECTED.length);

    const second = await runCli(['crawl'], { env });
    expect(second.code, second.stderr).toBe(0);
    const indexed = await indexedArticles();
    expect([...indexed.keys()].sort()).toEqual(expectedIds());
    expect([...indexed.values()].every((version) => version === 1)).toBe(true);
  });
});
