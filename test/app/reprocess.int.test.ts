// `pressmon reprocess` over a real raw archive and the real Elasticsearch node:
// when a taxonomy keeper edits a topic file, reprocessing re-tags the archived
// articles and reports what changed.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Client } from '@elastic/elasticsearch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ReprocessReport, reprocessArchive } from '../../app/reprocess.ts';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings, type Settings } from '../../config/settings.ts';
import { articleIdFor } from '../../core/canonical-url.ts';
import { silentLogger } from '../../core/logger.ts';
import { archivePage } from '../../crawlers/raw-archive.ts';
import { getArticle } from '../../indexer/index.ts';
import { deleteTestIndices, testEsClient, testEsUrl, uniqueIndexPrefix } from '../support/elasticsearch.ts';
import { runCli } from '../support/run-cli.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const PAGES = path.join(ROOT, 'test/fixtures/pages');
/** Fixture pages (see their meta.json for origin): an extradition story and an unrelated election story. */
const ASSANGE = 'bbc/2019-11-20-world-europe-50473792';
const ELECTION = 'apnews/2024-09-03-presidential-campaigns-sprint';
const TOPIC = 'detention_return_border';

let client: Client;
let workDir: string;
let configDir: string;
let settings: Settings;
let env: Record<string, string>;
const urls = new Map<string, string>();

async function archiveFixture(folder: string): Promise<void> {
  const meta = JSON.parse(await readFile(path.join(PAGES, folder, 'meta.json'), 'utf8')) as {
    url: string;
    fetchedAt: string;
  };
  urls.set(folder, meta.url);
  await archivePage(settings.dataDir, {
    sourceId: 'infomigrants', // any configured English-language source
    url: meta.url,
    finalUrl: meta.url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: await readFile(path.join(PAGES, folder, 'source.html'), 'utf8'),
    fetchedAt: meta.fetchedAt,
  });
}

async function topicsOf(folder: string): Promise<string[]> {
  const article = await getArticle(client, settings.indexPrefix, articleIdFor(urls.get(folder) ?? ''));
  return article?.topics.map((topic) => topic.id) ?? [];
}

beforeAll(async () => {
  client = testEsClient();
  workDir = await mkdtemp(path.join(tmpdir(), 'pressmon-reprocess-'));
  configDir = path.join(workDir, 'config');
  await cp(path.join(ROOT, 'config'), configDir, { recursive: true });
  env = {
    PRESSMON_ES_URL: testEsUrl(),
    PRESSMON_INDEX_PREFIX: uniqueIndexPrefix('reprocess'),
    PRESSMON_DATA_DIR: path.join(workDir, 'data'),
    PRESSMON_CONFIG_DIR: configDir,
  };
  settings = loadSettings({ ...process.env, ...env });
  await archiveFixture(ASSANGE);
  await archiveFixture(ELECTION);
  const config = await loadConfigOrThrow({ configDir, sourcesDir: settings.sourcesDir });
  const first = await reprocessArchive({ settings, logger: silentLogger(), client, config, isDryRun: false });
  expect(first.changed.newArticles).toBe(2);
  await client.indices.refresh({ index: `${settings.indexPrefix}-articles` });
});

afterAll(async () => {
  await deleteTestIndices(client, settings.indexPrefix);
  await client.close();
  await rm(workDir, { recursive: true, force: true });
});

describe('pressmon reprocess after a topic file changes', () => {
  it('starts from articles without the topic', async () => {
    expect(await topicsOf(ASSANGE)).not.toContain(TOPIC);
  });

  it('--dry-run reports the new tag per article and writes nothing', async () => {
    // A taxonomy keeper adds "extradition" to the English terms of detention_return_border.
    const file = path.join(configDir, 'topics', `${TOPIC}.yaml`);
    const yaml = await readFile(file, 'utf8');
    const edited = yaml.replace(
      /^terms:\n((?: {2}.*\n| {4}.*\n)*?) {2}en:\n/m,
      (match) => `${match}    - extradition\n`,
    );
    expect(edited).not.toBe(yaml);
    await writeFile(file, edited);

    const result = await runCli(['reprocess', '--dry-run', '--json'], { env });
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(result.stdout) as ReprocessReport;
    expect(report).toMatchObject({
      isDryRun: true,
      pages: 2,
      articles: 2,
      changed: { articles: 1, topics: 1, dates: 0, languages: 0, newArticles: 0 },
      written: { indexed: 0, spooled: 0 },
    });
    expect(report.changes).toEqual([
      {
        id: articleIdFor(urls.get(ASSANGE) ?? ''),
        url: urls.get(ASSANGE),
        isNew: false,
        topicsAdded: [TOPIC],
        topicsRemoved: [],
      },
    ]);
    expect(await topicsOf(ASSANGE)).not.toContain(TOPIC);
  });

  it('re-indexes with the new tag and prints a summary', async () => {
    const result = await runCli(['reprocess'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Reprocessed 2 archived page(s) into 2 article(s)');
    expect(result.stdout).toContain('Changed: 1 article(s): new tags 1, new dates 0, new language 0');
    expect(result.stdout).toContain(`${urls.get(ASSANGE)}: +${TOPIC}`);
    await client.indices.refresh({ index: `${settings.indexPrefix}-articles` });
    expect(await topicsOf(ASSANGE)).toContain(TOPIC);
    expect(await topicsOf(ELECTION)).not.toContain(TOPIC);
  });

  it('--since and --source narrow the pages read', async () => {
    const later = await runCli(['reprocess', '--dry-run', '--json', '--since', '2024-01-01'], { env });
    expect((JSON.parse(later.stdout) as ReprocessReport).pages).toBe(1);
    const other = await runCli(['reprocess', '--dry-run', '--json', '--source', 'hotnews'], { env });
    expect((JSON.parse(other.stdout) as ReprocessReport).articles).toBe(0);
    const unknown = await runCli(['reprocess', '--source', 'no-such-outlet'], { env });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('--source no-such-outlet: no such source');
  });
});
