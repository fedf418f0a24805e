// Politeness and incremental behaviour of crawlSource against a local HTTP site.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../../config/settings.ts';
import type { SourceConfig } from '../../config/types.ts';
import { articleIdFor } from '../../core/canonical-url.ts';
import { silentLogger } from '../../core/logger.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import type { KnownArticle } from '../../crawlers/known-articles.ts';
import { judgeSourceHealth } from '../../crawlers/source-health.ts';
import { useCrawlWorkspace } from './helpers/crawl-workspace.ts';
import { articleHtml, type LocalSite, localSource, lookupFromSet, rssFeed } from './helpers/local-site.ts';

const FAST = { retryBackoffMs: 20, fetchTimeoutMs: 5_000 };

const workspace = useCrawlWorkspace('polite');
let site: LocalSite | undefined;

function settings(): Settings {
  return loadSettings({ PRESSMON_DATA_DIR: workspace.dataDir(), PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
}

function crawl(source: SourceConfig, known = new Set<string>(), dates?: (id: string) => KnownArticle) {
  return crawlSource({
    source,
    settings: settings(),
    logger: silentLogger(),
    lookupKnown: lookupFromSet(known, dates),
    onPage: async () => {},
    limits: FAST,
  });
}

const articles = (paths: readonly string[]) =>
  Object.fromEntries(paths.map((p) => [p, { body: articleHtml(p) }]));

describe('robots.txt', () => {
  it('spaces requests by its Crawl-delay when it is longer than the source delay', async () => {
    const paths = ['/a/1', '/a/2', '/a/3'];
    site = await workspace.serve({
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nCrawl-delay: 0.3\n' },
      '/feed.xml': { body: rssFeed(paths) },
      ...articles(paths),
    });
    await crawl(localSource(site.origin, { rateLimit: { delayMs: 0, maxConcurrency: 2 } }));
    const starts = site.requests.filter((entry) => entry.path !== '/robots.txt').map((entry) => entry.atMs);
    expect(starts).toHaveLength(4);
    // Starts are spaced on our side; arrival times at the server jitter by a few tens of ms under load.
    for (let i = 1; i < starts.length; i += 1)
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(200);
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(3 * 300 - 60);
  });

  it('is kept on disk with its fetch time and not fetched again within 24 h; an older copy is fetched again', async () => {
    site = await workspace.serve({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /private/\n',
      },
      '/feed.xml': { body: rssFeed(['/a/1', '/private/2']) },
      ...articles(['/a/1']),
    });
    const source = localSource(site.origin);
    await crawl(source);
    await crawl(source);
    expect(site.hits('/robots.txt')).toHaveLength(1);
    expect(site.hits('/private/2')).toHaveLength(0);
    const [file] = await readdir(path.join(workspace.dataDir(), 'robots'));
    const cachePath = path.join(workspace.dataDir(), 'robots', file ?? '');
    const entry = JSON.parse(await readFile(cachePath, 'utf8')) as { fetchedAt: string };
    await writeFile(
      cachePath,
      JSON.stringify({ ...entry, fetchedAt: new Date(Date.now() - 25 * 3_600_000).toISOString() }),
    );
    await crawl(source);
    expect(site.hits('/robots.txt')).toHaveLength(2);
  });
});

describe('retries', () => {
  it('waits as long as Retry-After asks after a 429, then fetches the page', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1']) },
      '/a/1': [{ status: 429, headers: { 'retry-after': '1' } }, { body: articleHtml('ok') }],
    });
    const report = await crawl(localSource(site.origin));
    expect(report).toMatchObject({ fetched: 1, failed: 0 });
    const [first, second] = site.hits('/a/1');
    expect((second?.atMs ?? 0) - (first?.atMs ?? 0)).toBeGreaterThanOrEqual(990);
  });

  it('gives up at once when Retry-After asks for longer than two minutes', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1']) },
      '/a/1': { status: 503, headers: { 'retry-after': '3600' } },
    });
    const report = await crawl(localSource(site.origin));
    expect(report.failedByReason).toEqual({ 'http-5xx': 1 });
    expect(site.hits('/a/1')).toHaveLength(1);
  });

  it('retries a feed that answers 503 with Retry-After', async () => {
    site = await workspace.serve({
      '/feed.xml': [{ status: 503, headers: { 'retry-after': '0' } }, { body: rssFeed(['/a/1']) }],
      ...articles(['/a/1']),
    });
    const report = await crawl(localSource(site.origin));
    expect(report).toMatchObject({ discovered: 1, fetched: 1, failed: 0 });
  });
});

describe('concurrency', () => {
  it('keeps at most two requests in flight per host whatever the source asks', async () => {
    const paths = ['/a/1', '/a/2', '/a/3', '/a/4', '/a/5', '/a/6'];
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(paths) },
      ...Object.fromEntries(paths.map((p) => [p, { body: articleHtml(p), delayMs: 250 }])),
    });
    await crawl(localSource(site.origin, { rateLimit: { delayMs: 0, maxConcurrency: 8 } }));
    const starts = paths.map((p) => site?.hits(p)[0]?.atMs ?? 0).sort((a, b) => a - b);
    for (const start of starts) {
      const inFlight = starts.filter((other) => other <= start && other > start - 240).length;
      expect(inFlight).toBeLessThanOrEqual(2);
    }
  });
});

describe('incremental crawl', () => {
  it('fetches a known article again only when it is younger than refreshHours', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/new', '/young', '/old']) },
      ...articles(['/new', '/young', '/old']),
    });
    const known = new Set([articleIdFor(`${site.origin}/young`), articleIdFor(`${site.origin}/old`)]);
    const origin = site.origin;
    const dates = (id: string): KnownArticle => ({
      publishedAt: new Date(
        Date.now() - (id === articleIdFor(`${origin}/young`) ? 2 : 48) * 3_600_000,
      ).toISOString(),
      firstSeenAt: new Date().toISOString(),
    });
    const report = await crawl(localSource(site.origin, { refreshHours: 24 }), known, dates);
    expect(report).toMatchObject({ fetched: 2, refreshed: 1, skippedKnown: 1 });
    expect(site.hits('/young')).toHaveLength(1);
    expect(site.hits('/old')).toHaveLength(0);
  });

  it('asks for the feed with its ETag and Last-Modified; a 304 still yields the links it had', async () => {
    const feed = rssFeed(['/a/1', '/a/2']);
    site = await workspace.serve({
      '/feed.xml': [
        { headers: { etag: '"v1"', 'last-modified': 'Mon, 02 Jun 2025 10:00:00 GMT' }, body: feed },
        { status: 304, headers: { etag: '"v1"' } },
      ],
      ...articles(['/a/1', '/a/2']),
    });
    const source = localSource(site.origin);
    const first = await crawl(source);
    const second = await crawl(source, new Set([articleIdFor(`${site.origin}/a/1`)]));
    expect(first).toMatchObject({ discovered: 2, listingsNotModified: 0 });
    expect(second).toMatchObject({ discovered: 2, listingsNotModified: 1 });
    const [, again] = site.hits('/feed.xml');
    expect(again).toBeDefined();
    expect(site.requestHeaders('/feed.xml')[1]).toMatchObject({
      'if-none-match': '"v1"',
      'if-modified-since': 'Mon, 02 Jun 2025 10:00:00 GMT',
    });
  });
});

describe('block pages', () => {
  it('reports pages answered with a Cloudflare challenge as blocked, and the source as unhealthy', async () => {
    const paths = ['/a/1', '/a/2', '/a/3'];
    const challenge = '<html><head><title>Just a moment...</title></head><body>cf_chl_opt</body></html>';
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(paths) },
      ...Object.fromEntries(paths.map((p) => [p, { status: 403, body: challenge }])),
    });
    const report = await crawl(localSource(site.origin));
    expect(report).toMatchObject({ fetched: 0, blocked: 3, failedByReason: { blocked: 3 } });
    for (const p of paths) expect(site.hits(p)).toHaveLength(1); // not retried
    expect(judgeSourceHealth(report, []).flags.map((flag) => flag.kind)).toEqual(['blocked']);
  });
});
