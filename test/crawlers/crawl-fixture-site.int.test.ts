// Discovery against the fixture news site: sections with pagination, the archive search, the section only
// a browser sees (Debian's Chromium), and conditional GET of feeds and sitemaps answered with 304.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfigOrThrow } from '../../config/index.ts';
import { loadSettings, type Settings } from '../../config/settings.ts';
import type { PressmonConfig, SourceConfig } from '../../config/types.ts';
import { silentLogger } from '../../core/logger.ts';
import { createChromiumRenderer, type ListingRenderer } from '../../crawlers/browser-renderer.ts';
import { crawlSource } from '../../crawlers/crawl-source.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import { compilePipeline, processPage } from '../../pipeline/index.ts';
import {
  EN_REDIRECT,
  type FixtureSite,
  RO_SEARCH,
  RU_UK_JS_SECTION,
  startFixtureSite,
  withFixturePorts,
} from '../fixture-site/index.ts';
import { FIXTURE_MANIFEST, manifestUrl } from '../fixture-site/manifest.ts';
import { lookupFromSet } from './helpers/local-site.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

let site: FixtureSite;
let config: PressmonConfig;
let renderer: ListingRenderer;
let dataDir: string;
let settings: Settings;

beforeAll(async () => {
  site = await startFixtureSite({ basePort: 0, slowMs: 100 });
  config = await loadConfigOrThrow({
    configDir: path.join(ROOT, 'config'),
    sourcesDir: path.join(ROOT, 'test/fixture-site/sources'),
  });
  renderer = createChromiumRenderer({
    executablePath: '/usr/bin/chromium',
    userAgent: 'pressmon-test/1.0',
    allowPrivateHosts: ['127.0.0.1'],
    timeoutMs: 20_000,
  });
});

afterAll(async () => {
  await renderer.close();
  await site.close();
});

afterEach(async () => {
  await rm(dataDir, { recursive: true, force: true });
});

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-fixture-crawl-'));
  settings = loadSettings({ PRESSMON_DATA_DIR: dataDir, PRESSMON_ALLOW_PRIVATE_HOSTS: '127.0.0.1' });
});

function source(
  id: string,
  discovery: Partial<SourceConfig['discovery']>,
  extra: Partial<SourceConfig> = {},
): SourceConfig {
  const found = config.sources.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no fixture source ${id}`);
  const empty = { feeds: [], sitemaps: [], sections: [], siteSearch: [] };
  return withFixturePorts({ ...found, ...extra, discovery: { ...empty, ...discovery } }, site);
}

async function crawl(target: SourceConfig, options: { renderer?: ListingRenderer } = {}) {
  const pages: FetchedPage[] = [];
  const report = await crawlSource({
    source: target,
    settings,
    logger: silentLogger(),
    lookupKnown: lookupFromSet(new Set()),
    onPage: async (page) => {
      pages.push(page);
    },
    topicTerms: config.topics.map((topic) => topic.terms),
    limits: { retryBackoffMs: 20, fetchTimeoutMs: 5_000 },
    ...options,
  });
  return { report, urls: pages.map((page) => page.url).sort(), pages };
}

const urlsOf = (outletId: string, via: string) =>
  FIXTURE_MANIFEST.filter((entry) => entry.outletId === outletId && entry.reachedVia.includes(via as never))
    .map((entry) => manifestUrl(entry, site.outlets))
    .sort();

describe('section pages', () => {
  it('finds every article of a paginated section (rel=next, three pages) and reads the listings each run', async () => {
    const ro = source('ro-fixture', {
      sections: config.sources.find((s) => s.id === 'ro-fixture')?.discovery.sections ?? [],
    });
    const { report, urls } = await crawl(ro);
    expect(urls).toEqual(urlsOf('ro-fixture', 'section'));
    expect(report.listingsFetched).toBe(site.outlet('ro-fixture').listings.sectionPages.length);
    const again = await crawl(ro);
    expect(again.report).toMatchObject({ fetched: 0, listingsFetched: report.listingsFetched });
  });

  it('follows a.next, a redirect chain, and reports the robots-disallowed, missing and broken links', async () => {
    const en = source('en-fixture', {
      sections: config.sources.find((s) => s.id === 'en-fixture')?.discovery.sections ?? [],
    });
    const { report, pages } = await crawl(en);
    const finals = pages.map((page) => page.finalUrl).sort();
    const expected = FIXTURE_MANIFEST.filter(
      (entry) =>
        entry.outletId === 'en-fixture' &&
        !entry.robotsDisallowed &&
        entry.reachedVia.some((via) => via === 'section' || via === 'redirect'),
    ).map((entry) => manifestUrl(entry, site.outlets));
    expect(finals).toEqual(expected.sort());
    expect(report.failedByReason).toEqual({ robots: 1, 'http-4xx': 1, 'http-5xx': 1 });
  });
});

describe('redirects', () => {
  it('fetches an article reached through a redirect chain once across daily runs: the next day its link is known as the article it led to', async () => {
    const en = source('en-fixture', {
      sections: config.sources.find((s) => s.id === 'en-fixture')?.discovery.sections ?? [],
    });
    const compiled = compilePipeline(config);
    const indexed = new Set<string>();
    const crawlOn = (day: Date) =>
      crawlSource({
        source: en,
        settings,
        logger: silentLogger(),
        lookupKnown: lookupFromSet(indexed),
        // What run-crawl does: the article is stored under the id of its canonical (here: final) URL.
        onPage: async (page) => {
          const result = processPage(page, { source: en, compiled });
          if (!result.ok) return undefined;
          indexed.add(result.article.id);
          return { articleId: result.article.id };
        },
        limits: { retryBackoffMs: 20, fetchTimeoutMs: 5_000 },
        now: () => day,
      });
    const before = site.requests.length;
    const first = await crawlOn(new Date());
    const nextDay = await crawlOn(new Date(Date.now() + 86_400_000));
    const hits = (path: string) =>
      site.requests.slice(before).filter((entry) => entry.outletId === 'en-fixture' && entry.path === path);
    expect(hits(EN_REDIRECT.start)).toHaveLength(1);
    expect(hits(EN_REDIRECT.end)).toHaveLength(1);
    expect(first.fetched).toBeGreaterThan(0);
    expect(nextDay).toMatchObject({ discovered: first.discovered, fetched: 0 });
    expect(nextDay.skippedKnown).toBe(first.fetched);
  });
});

describe('site search', () => {
  it("searches the archive with the topics' Romanian terms and keeps the article links", async () => {
    const ro = source('ro-fixture', {
      siteSearch: config.sources.find((s) => s.id === 'ro-fixture')?.discovery.siteSearch ?? [],
    });
    const { report, urls } = await crawl(ro);
    const searches = site.requests.filter((request) => request.path.startsWith(`${RO_SEARCH.path}?`));
    expect(searches.length).toBeGreaterThan(0);
    expect(report.listingsFetched).toBe(8); // maxQueries
    const roUrls = urlsOf('ro-fixture', 'section');
    expect(urls.length).toBeGreaterThan(0);
    expect(urls.every((url) => roUrls.includes(url))).toBe(true);
    const migration = FIXTURE_MANIFEST.filter((e) => e.outletId === 'ro-fixture' && e.isMigrationRelated).map(
      (e) => manifestUrl(e, site.outlets),
    );
    // The queries are topic terms: what they find is about migration (diaspora, detention here).
    expect(urls.length).toBeGreaterThanOrEqual(2);
    expect(urls.filter((url) => !migration.includes(url))).toEqual([]);
  });
});

describe('browser-rendered sections', () => {
  const liveSection = () => ({
    url: `${site.outlet('ru-uk-fixture').baseUrl}${RU_UK_JS_SECTION.page}`,
    linkPattern: '^http://127\\.0\\.0\\.1:\\d+/(?:ru|uk)/[a-z]+/\\d{4}/\\d{2}/\\d{2}/[a-z0-9-]+\\.html$',
    maxPages: 1,
  });

  it('finds the articles a script inserts only when the page is rendered in Chromium', async () => {
    const rendered = await crawl(source('ru-uk-fixture', { sections: [liveSection()] }), { renderer });
    expect(rendered.urls).toEqual(urlsOf('ru-uk-fixture', 'js-section'));
    expect(rendered.pages.every((page) => page.discovery?.via === 'browser-section')).toBe(true);
    expect(site.requests.some((request) => request.path === RU_UK_JS_SECTION.api)).toBe(true);
  });

  it('finds none of them reading the same page as HTML', async () => {
    const plain = await crawl(source('ru-uk-fixture', { sections: [liveSection()] }, { browser: false }), {
      renderer,
    });
    expect(plain.report).toMatchObject({ discovered: 0, fetched: 0, failed: 0 });
  });
});

describe('conditional GET', () => {
  it('asks for feeds and sitemaps with their validators; the fixture answers 304 and the links still count', async () => {
    const pl = source('pl-fixture', {
      feeds: config.sources.find((s) => s.id === 'pl-fixture')?.discovery.feeds ?? [],
      sitemaps: config.sources.find((s) => s.id === 'pl-fixture')?.discovery.sitemaps ?? [],
    });
    const first = await crawl(pl);
    const before = site.requests.length;
    const second = await crawl(pl);
    const listings = site.requests.slice(before).filter((request) => /\.xml$/.test(request.path));
    expect(listings.map((request) => request.path).sort()).toEqual([
      '/atom.xml',
      '/sitemap-news.xml',
      '/sitemap_index.xml',
    ]);
    expect(listings.every((request) => request.headers['if-none-match'] !== undefined)).toBe(true);
    expect(second.report).toMatchObject({
      discovered: first.report.discovered,
      listingsNotModified: 3,
      fetched: 0,
    });
    expect(first.report.listingsNotModified).toBe(0);
  });
});
