// `pressmon run`, the README's main command, as a real process against the
// fixture news site and the real Elasticsearch node: one crawl, then the
// dashboards served and the schedule kept, until Ctrl-C stops all of it.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countArticles, latestRuns } from '../../indexer/index.ts';
import { type FixtureSite, startFixtureSite } from '../fixture-site/index.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/pressmon.js');
const RO_SOURCE = path.join(ROOT, 'test/fixture-site/sources/ro/ro-fixture.yaml');
const client = testEsClient();
const prefix = uniqueIndexPrefix('run');
let site: FixtureSite;
let workDir: string;
let env: Record<string, string>;
let dashboardPort: number;

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

beforeAll(async () => {
  site = await startFixtureSite({ basePort: 0 });
  workDir = await mkdtemp(path.join(tmpdir(), 'pressmon-run-'));
  const sourcesDir = path.join(workDir, 'sources');
  await mkdir(path.join(sourcesDir, 'ro'), { recursive: true });
  const yaml = (await readFile(RO_SOURCE, 'utf8')).replaceAll(
    'http://127.0.0.1:47801',
    site.outlet('ro-fixture').baseUrl,
  );
  await writeFile(path.join(sourcesDir, 'ro', 'ro-fixture.yaml'), yaml);
  dashboardPort = await freePort();
  env = {
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: path.join(workDir, 'data'),
    PRESSMON_SOURCES_DIR: sourcesDir,
    PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    PRESSMON_DASHBOARD_PORT: String(dashboardPort),
    PRESSMON_LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.close();
  await site.close();
  await rm(workDir, { recursive: true, force: true });
});

function start(args: string[]): {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
} {
  const child = spawn(process.execPath, [BIN, 'run', ...args], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitForOutput(
  run: ReturnType<typeof start>,
  text: string,
  timeoutMs = 180_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!run.output().includes(text)) {
    if (Date.now() > deadline) throw new Error(`no "${text}" in:\n${run.output()}`);
    await sleep(200);
  }
}

describe('pressmon run', () => {
  it('crawls once, then serves the dashboards and keeps the schedule until Ctrl-C, without crawling again at once', async () => {
    const run = start([]);
    await waitForOutput(run, 'Ctrl-C stops everything cleanly.');
    expect(run.output()).toContain(`Dashboards: http://127.0.0.1:${dashboardPort}`);
    const health = await fetch(`http://127.0.0.1:${dashboardPort}/health`);
    expect(health.status).toBe(200);
    await client.indices.refresh({ index: `${prefix}-articles` });
    expect(await countArticles(client, prefix)).toBeGreaterThan(3);
    // Give the scheduler a tick: the first crawl counts as the source's scheduled crawl.
    await sleep(3_000);
    run.child.kill('SIGINT');
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('Stopped.');
    const runs = await latestRuns(client, prefix, 'crawl', 10);
    expect(runs.map((record) => record.jobId ?? 'manual')).toEqual(['manual']);
    await expect(fetch(`http://127.0.0.1:${dashboardPort}/health`)).rejects.toThrow();
  });

  it('stops after the crawl with --once', async () => {
    const run = start(['--once']);
    expect(await run.exited, run.output()).toBe(0);
    expect(run.output()).toContain('Search the articles with');
    expect(run.output()).not.toContain('Dashboards:');
  });
});
