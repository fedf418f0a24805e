import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../../config/settings.ts';
import type { SourceConfig } from '../../config/types.ts';
import { articleIdFor } from '../../core/canonical-url.ts';
import { silentLogger } from '../../core/logger.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import { listArchivedPages, readArchivedPage } from '../../crawlers/raw-archive.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import { useCrawlWorkspace } from './helpers/crawl-workspace.ts';
import { articleHtml, type LocalSite, localSource, lookupFromSet, rssFeed } from './helpers/local-site.ts';

const FAST = { retryBackoffMs: 20, fetchTimeoutMs: 5_000 };
const USER_AGENT = 'pressmon-test/1.0 (+https://example.org/pressmon)';

const workspace = useCrawlWorkspace('crawl');
let site: LocalSite | undefined;

function settingsFor(allowPrivateHosts: string): Settings {
  return loadSettings({
    PRESSMON_DATA_DIR: workspace.dataDir(),
    PRESSMON_ALLOW_PRIVATE_HOSTS: allowPrivateHosts,
    PRESSMON_USER_AGENT: USER_AGENT,
  });
}

async function crawl(source: SourceConfig, settings: Settings, known: Set<string> = new Set()) {
  const pages: FetchedPage[] = [];
  const report = await crawlSource({
    source,
    settings,
    logger: silentLogger(),
    lookupKnown: lookupFromSet(known),
    onPage: async (page) => {
      pages.push(page);
      known.add(articleIdFor(page.url));
    },
    limits: FAST,
  });
  return { report, pages };
}

describe('crawlSource on a local site', () => {
  it('discovers from an RSS feed served with a BOM and a wrong content type, fetches each article once, sends our User-Agent', async () => {
    const feed = `\uFEFF${rssFeed(['/a/1', '/a/2', '/a/1', 'https://elsewhere.example/x'])}`;
    site = await workspace.serve({
      '/robots.txt': { headers: { 'content-type': 'text/plain' }, body: 'User-agent: *\nAllow: /\n' },
      '/feed.xml': { headers: { 'content-type': 'text/html' }, body: feed },
      '/a/1': { body: articleHtml('Unu') },
      '/a/2': { body: articleHtml('Doi') },
    });
    const { report, pages } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));

    expect(report).toMatchObject({
      discovered: 2,
      fetched: 2,
      skippedKnown: 0,
      skippedOffSite: 1,
      failed: 0,
    });
    expect(pages.map((page) => page.url).sort()).toEqual([`${site.origin}/a/1`, `${site.origin}/a/2`]);
    expect(pages[0]?.discovery).toMatchObject({ via: 'feed', sourceId: 'local-test' });
    expect(site.hits('/a/1')).toHaveLength(1);
    expect(site.requests.every((entry) => entry.userAgent === USER_AGENT)).toBe(true);
  });

  it('discovers from an Atom feed and a gzipped sitemap index, merging links found twice', async () => {
    const atom = `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title><id>x</id>
<updated>2025-06-01T00:00:00Z</updated><entry><title>Atom</title><id>1</id><link href="/a/1"/><updated>2025-06-01T00:00:00Z</updated></entry></feed>`;
    site = await workspace.serve({
      '/atom.xml': { headers: { 'content-type': 'application/atom+xml' }, body: atom },
      '/sitemap-index.xml.gz': {
        headers: { 'content-type': 'application/octet-stream' },
        body: gzipSync('<sitemapindex><sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>'),
      },
      '/sitemap-news.xml': {
        headers: { 'content-type': 'application/xml' },
        body: '<urlset><url><loc>/a/1</loc></url><url><loc>/a/2</loc><lastmod>2025-06-02</lastmod></url></urlset>',
      },
      '/a/1': { body: articleHtml('Unu') },
      '/a/2': { body: articleHtml('Doi') },
    });
    const source = localSource(site.origin, {
      discovery: {
        feeds: [`${site.origin}/atom.xml`],
        sitemaps: [`${site.origin}/sitemap-index.xml.gz`],
        sections: [],
        siteSearch: [],
      },
    });
    const { report, pages } = await crawl(source, settingsFor('127.0.0.1'));
    expect(report).toMatchObject({ discovered: 2, fetched: 2, failed: 0 });
    const viaByPath = new Map(pages.map((page) => [new URL(page.url).pathname, page.discovery?.via]));
    expect(viaByPath).toEqual(
      new Map([
        ['/a/1', 'feed'],
        ['/a/2', 'sitemap'],
      ]),
    );
  });

  it('decodes a windows-1251 page (header) and a windows-1250 page (meta) correctly', async () => {
    const russian = 'Беженцы из Украины получили временную защиту';
    const polish = 'Uchodźcy w Łodzi: zażółć gęślą jaźń';
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/ru', '/pl']) },
      '/ru': {
        headers: { 'content-type': 'text/html; charset=windows-1251' },
        body: iconv.encode(`<html><body><p>${russian}</p></body></html>`, 'windows-1251'),
      },
      '/pl': {
        headers: { 'content-type': 'text/html' },
        body: iconv.encode(
          `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250"></head><body><p>${polish}</p></body></html>`,
          'windows-1250',
        ),
      },
    });
    const { pages } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));
    const byPath = new Map(pages.map((page) => [new URL(page.url).pathname, page.html]));
    expect(byPath.get('/ru')).toContain(russian);
    expect(byPath.get('/pl')).toContain(polish);
  });

  it('never requests an article that robots.txt disallows, and reports it', async () => {
    site = await workspace.serve({
      '/robots.txt': {
        headers: { 'content-type': 'text/plain' },
        body: 'User-agent: *\nDisallow: /private/\n',
      },
      '/feed.xml': { body: rssFeed(['/public/1', '/private/2']) },
      '/public/1': { body: articleHtml('Public') },
      '/private/2': { body: articleHtml('Private') },
    });
    const { report } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));
    expect(site.hits('/private/2')).toHaveLength(0);
    expect(site.hits('/public/1')).toHaveLength(1);
    expect(report.failures).toEqual([
      expect.objectContaining({ url: `${site.origin}/private/2`, reason: 'robots' }),
    ]);
  });

  it('fetches nothing from a site whose robots.txt answers 503, and names the real failure (not a robots refusal)', async () => {
    site = await workspace.serve({
      '/robots.txt': { status: 503, body: 'down for maintenance' },
      '/feed.xml': { body: rssFeed(['/a/1']) },
      '/a/1': { body: articleHtml('Unu') },
    });
    const { report, pages } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));
    expect(pages).toEqual([]);
    expect(site.hits('/feed.xml')).toHaveLength(0);
    expect(report.failures).toEqual([
      expect.objectContaining({
        reason: 'http-5xx',
        message: `GET ${site.origin}/feed.xml skipped: ${site.origin}/robots.txt could not be read (GET ${site.origin}/robots.txt answered 503)`,
      }),
    ]);
  });

  it('skips known articles without requesting them', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1', '/a/2']) },
      '/a/1': { body: articleHtml('Unu') },
      '/a/2': { body: articleHtml('Doi') },
    });
    const known = new Set([articleIdFor(`${site.origin}/a/1`)]);
    const { report } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'), known);
    expect(report).toMatchObject({ discovered: 2, fetched: 1, skippedKnown: 1 });
    expect(site.hits('/a/1')).toHaveLength(0);
  });

  it('counts a 500 (after two retries) and a 404 as failures while the other pages succeed', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/ok', '/broken', '/gone']) },
      '/ok': { body: articleHtml('Ok') },
      '/broken': { status: 500, body: 'oops' },
    });
    const { report, pages } = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));
    expect(pages.map((page) => new URL(page.url).pathname)).toEqual(['/ok']);
    expect(report.failedByReason).toEqual({ 'http-5xx': 1, 'http-4xx': 1 });
    expect(report.failures.map((failure) => failure.message).sort()).toEqual([
      `GET ${site.origin}/broken answered 500`,
      `GET ${site.origin}/gone answered 404`,
    ]);
    expect(site.hits('/broken')).toHaveLength(3);
    expect(site.hits('/gone')).toHaveLength(1);
  });

  it('spaces request starts on the host by the source delay, even with concurrency 3', async () => {
    const paths = ['/a/1', '/a/2', '/a/3', '/a/4'];
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(paths) },
      ...Object.fromEntries(paths.map((p) => [p, { body: articleHtml(p) }])),
    });
    const source = localSource(site.origin, { rateLimit: { delayMs: 80, maxConcurrency: 3 } });
    await crawl(source, settingsFor('127.0.0.1'));
    const starts = site.requests.map((entry) => entry.atMs);
    expect(starts).toHaveLength(6); // robots.txt, feed, four articles
    // Starts are spaced on our side; arrival times at the server (same process) jitter under load.
    for (let i = 1; i < starts.length; i += 1) {
      expect((starts[i] ?? 0) - (starts[i - 1] ?? 0)).toBeGreaterThanOrEqual(40);
    }
    expect((starts.at(-1) ?? 0) - (starts[0] ?? 0)).toBeGreaterThanOrEqual(5 * 80 - 20);
  });

  it('refuses 127.0.0.1 for a source whose host is not allowed: the failure is reported, nothing is sent, nothing throws', async () => {
    site = await workspace.serve({ '/feed.xml': { body: rssFeed(['/a/1']) } });
    const { report } = await crawl(localSource(site.origin), settingsFor(''));
    expect(site.requests).toHaveLength(0);
    expect(report).toMatchObject({ fetched: 0, failed: 1, failedByReason: { 'refused-private-address': 1 } });
    expect(report.failures[0]?.message).toContain('resolves to 127.0.0.1 (loopback)');
  });

  it('refuses a redirect to 10.0.0.1 before connecting to it', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1', '/moved']) },
      '/a/1': { body: articleHtml('Unu') },
      '/moved': { status: 302, headers: { location: 'http://10.0.0.1/internal' } },
    });
    const allowOnlyThisPort = settingsFor(new URL(site.origin).host);
    const started = Date.now();
    const { report, pages } = await crawl(localSource(site.origin), allowOnlyThisPort);
    expect(pages).toHaveLength(1);
    expect(report.failures).toEqual([
      expect.objectContaining({ url: `${site.origin}/moved`, reason: 'refused-private-address' }),
    ]);
    expect(report.failures[0]?.message).toContain('resolves to 10.0.0.1 (private)');
    expect(site.hits('/moved')).toHaveLength(1); // refused without retries
    expect(Date.now() - started).toBeLessThan(FAST.fetchTimeoutMs); // no connect attempt ran into the timeout
  });

  it('does not fetch again on a second run with the same storage, and archives each page once', async () => {
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(['/a/1', '/a/2']) },
      '/a/1': { body: articleHtml('Unu') },
      '/a/2': { body: articleHtml('Doi') },
    });
    const source = localSource(site.origin);
    const settings = settingsFor('127.0.0.1');
    const known = new Set<string>();
    const first = await crawl(source, settings, known);
    const second = await crawl(source, settings, known);
    // Even without the index saying so, the persisted request queue knows what it handled today.
    const third = await crawl(source, settings, new Set());

    expect(first.report).toMatchObject({ fetched: 2, skippedKnown: 0 });
    expect(second.report).toMatchObject({ fetched: 0, skippedKnown: 2 });
    expect(third.report).toMatchObject({ fetched: 0, skippedKnown: 2 });
    expect(site.hits('/a/1')).toHaveLength(1);
    expect(site.hits('/a/2')).toHaveLength(1);
    expect(await readdir(path.join(workspace.dataDir(), 'crawlee', 'local-test'))).not.toHaveLength(0);

    const archived = await listArchivedPages(workspace.dataDir());
    expect(archived).toHaveLength(2);
    const pages = await Promise.all(archived.map(async (file) => (await readArchivedPage(file)).page));
    expect(pages.map((page) => page.url).sort()).toEqual([`${site.origin}/a/1`, `${site.origin}/a/2`]);
    expect(pages.find((page) => page.url.endsWith('/a/1'))).toEqual(
      first.pages.find((page) => page.url.endsWith('/a/1')),
    );
  });
});

describe('crawlSource when stopped', () => {
  it('returns a report marked aborted when the signal fires mid-crawl; the next run resumes the rest', async () => {
    const paths = ['/a/1', '/a/2', '/a/3', '/a/4', '/a/5'];
    site = await workspace.serve({
      '/feed.xml': { body: rssFeed(paths) },
      ...Object.fromEntries(paths.map((p) => [p, { body: articleHtml(p) }])),
    });
    const controller = new AbortController();
    const report = await crawlSource({
      source: localSource(site.origin, { rateLimit: { delayMs: 100, maxConcurrency: 1 } }),
      settings: settingsFor('127.0.0.1'),
      logger: silentLogger(),
      lookupKnown: lookupFromSet(new Set()),
      onPage: async () => {
        controller.abort();
      },
      signal: controller.signal,
      limits: FAST,
    });
    expect(report.aborted).toBe(true);
    expect(report.fetched).toBeLessThan(paths.length);
    expect(report.fetched).toBeGreaterThanOrEqual(1);
    expect(report.failed).toBe(0);

    const resumed = await crawl(localSource(site.origin), settingsFor('127.0.0.1'));
    expect(report.fetched + resumed.report.fetched).toBe(paths.length);
    for (const p of paths) expect(site.hits(p)).toHaveLength(1);
  });
});
