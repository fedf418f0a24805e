// `pressmon schedule` as a real process against the fixture news site and the
// real Elasticsearch node: SIGTERM in the middle of a crawl loses nothing, and
// the next start finishes the crawl's queue. The Romanian outlet is crawled
// with a politeness delay of 1.5 s per page, so the crawl is still going when
// the signal comes. (The outlet's 3-second slow page is linked from a section
// page only, which this crawler does not read yet.)
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleIdFor } from '../../core/canonical-url.ts';
import { getArticle, latestJobRun, locksIndex, type RunRecord } from '../../indexer/index.ts';
import { type FixtureSite, startFixtureSite } from '../fixture-site/index.ts';
import { FIXTURE_MANIFEST, manifestUrl } from '../fixture-site/manifest.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const BIN = path.join(ROOT, 'bin/pressmon.js');
const RO_SOURCE = path.join(ROOT, 'test/fixture-site/sources/ro/ro-fixture.yaml');
/** Pages the crawl must index: announced by the outlet's feed or sitemap, allowed by robots.txt. */
const EXPECTED = FIXTURE_MANIFEST.filter(
  (entry) =>
    entry.outletId === 'ro-fixture' &&
    !entry.robotsDisallowed &&
    entry.reachedVia.some((via) => via === 'feed' || via === 'sitemap'),
);
const DELAY_MS = 1_500;

let site: FixtureSite;
let client: Client;
let workDir: string;
let env: Record<string, string>;
const prefix = uniqueIndexPrefix('sigterm');

beforeAll(async () => {
  site = await startFixtureSite({ basePort: 0 });
  client = testEsClient();
  workDir = await mkdtemp(path.join(tmpdir(), 'pressmon-sigterm-'));
  // The committed source file names the default port; point it at this run's free port.
  const sourcesDir = path.join(workDir, 'sources');
  await mkdir(path.join(sourcesDir, 'ro'), { recursive: true });
  const yaml = (await readFile(RO_SOURCE, 'utf8'))
    .replaceAll('http://127.0.0.1:47801', site.outlet('ro-fixture').baseUrl)
    .replace(/rateLimit:\n(?: {2}.*\n)+/, `rateLimit:\n  delayMs: ${DELAY_MS}\n  maxConcurrency: 1\n`);
  expect(yaml).toContain(`delayMs: ${DELAY_MS}`);
  await writeFile(path.join(sourcesDir, 'ro', 'ro-fixture.yaml'), yaml);
  env = {
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: prefix,
    PRESSMON_DATA_DIR: path.join(workDir, 'data'),
    PRESSMON_SOURCES_DIR: sourcesDir,
    PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1',
    PRESSMON_LOG_LEVEL: 'warn',
  };
});

afterAll(async () => {
  await deleteTestIndices(client, prefix);
  await client.indices.delete({ index: locksIndex(prefix), ignore_unavailable: true });
  await client.close();
  await site.close();
  await rm(workDir, { recursive: true, force: true });
});

function startSchedule(): { child: ChildProcess; exited: Promise<number | null>; output: () => string } {
  const child = spawn(process.execPath, [BIN, 'schedule'], {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null> | T | null,
  timeoutMs = 90_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== null) return value;
    await sleep(200);
  }
  throw new Error(`timed out waiting for ${what}`);
}

function articleRequests(path: string): number {
  return site.requests.filter((request) => request.outletId === 'ro-fixture' && request.path === path).length;
}

function articlePagesRequested(): number {
  return EXPECTED.filter((entry) => articleRequests(entry.path) > 0).length;
}

/** Articles indexed after the first run; none of them may be fetched again. */
const indexedAfterFirstRun: string[] = [];

describe('pressmon schedule stopped by SIGTERM during a crawl', () => {
  it('finishes the pages in flight, writes what it fetched, records the run as interrupted and exits 0', async () => {
    expect(EXPECTED.length).toBeGreaterThan(4);
    const first = startSchedule();
    await waitFor('three article pages to be requested', () => (articlePagesRequested() >= 3 ? true : null));
    first.child.kill('SIGTERM');
    expect(await first.exited, first.output()).toBe(0);

    const run = await latestJobRun(client, prefix, 'crawl:ro-fixture');
    expect(run?.interrupted).toBe(true);
    // Every article page answered before the signal is indexed; at most the one in flight is not.
    const requested = EXPECTED.filter((entry) => articleRequests(entry.path) > 0);
    expect(requested.length).toBeLessThan(EXPECTED.length);
    for (const entry of requested) {
      const id = articleIdFor(manifestUrl(entry, site.outlets));
      if ((await getArticle(client, prefix, id)) !== null) indexedAfterFirstRun.push(entry.path);
    }
    expect(indexedAfterFirstRun.length).toBeGreaterThanOrEqual(requested.length - 1);
  });

  it('the next start crawls again at once and finishes the queue: every article indexed, no written page fetched again', async () => {
    const second = startSchedule();
    const completed = await waitFor<RunRecord>('a completed crawl run', async () => {
      const run = await latestJobRun(client, prefix, 'crawl:ro-fixture', { completedOnly: true });
      return run;
    });
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);
    expect(completed.interrupted).toBe(false);
    for (const entry of EXPECTED) {
      const id = articleIdFor(manifestUrl(entry, site.outlets));
      expect(await getArticle(client, prefix, id), entry.path).not.toBeNull();
      // A page written before the signal is not fetched again; only the one in flight may be.
      const maxFetches = indexedAfterFirstRun.includes(entry.path) ? 1 : 2;
      expect(articleRequests(entry.path), entry.path).toBeLessThanOrEqual(maxFetches);
    }
  });
});
