import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { SourceCrawlReport } from '../../crawlers/crawl-report.ts';
import { articleHtml, type LocalSite, rssFeed, startLocalSite } from './helpers/local-site.ts';

const run = promisify(execFile);
const CRAWL_ONCE = path.join(import.meta.dirname, 'helpers', 'crawl-once.ts');

let dataDir: string;
let site: LocalSite;

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-resume-'));
  site = await startLocalSite({
    '/feed.xml': { body: rssFeed(['/a/1', '/a/2']) },
    '/a/1': { body: articleHtml('Unu') },
    '/a/2': { body: articleHtml('Doi') },
  });
});

afterEach(async () => {
  await site.close();
  await rm(dataDir, { recursive: true, force: true });
});

async function crawlInNewProcess(): Promise<SourceCrawlReport> {
  const { stdout } = await run(process.execPath, [CRAWL_ONCE, site.origin, dataDir], {
    env: { ...process.env, DOTENV_CONFIG_QUIET: 'true' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as SourceCrawlReport;
}

it('keeps the request queue on disk: a second process the same day does not fetch the pages again', async () => {
  const first = await crawlInNewProcess();
  const second = await crawlInNewProcess();
  expect(first).toMatchObject({ fetched: 2, skippedKnown: 0, failed: 0 });
  expect(second).toMatchObject({ fetched: 0, skippedKnown: 2, failed: 0 });
  expect(site.hits('/a/1')).toHaveLength(1);
  expect(site.hits('/feed.xml')).toHaveLength(2); // listings are read on every run
}, 30_000);
