import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfigFile } from '../../config/read-config-file.ts';
import { sourceFileSchema } from '../../config/schemas/source.ts';
import {
  DEFAULT_BASE_PORT,
  EN_BROKEN_LINKS,
  type FixtureSite,
  FixtureSiteStartError,
  startFixtureSite,
  withFixturePorts,
} from './index.ts';
import { FIXTURE_MANIFEST, manifestUrl } from './manifest.ts';
import { getRaw, getText, linksOf } from './test-helpers.ts';

const SLOW_MS = 300;
const SOURCES_DIR = path.join(import.meta.dirname, 'sources');

let site: FixtureSite;

beforeAll(async () => {
  // Free ports: this file runs in parallel with other tests that start the site.
  site = await startFixtureSite({ basePort: 0, slowMs: SLOW_MS });
});

afterAll(async () => {
  await site.close();
});

/** Disallow rules of the `User-agent: *` group, as regular expressions (`*` wildcard, `$` anchor). */
function disallowRules(robots: string): RegExp[] {
  const groups = robots.split(/\n\s*\n/);
  const star = groups.find((group) => /^user-agent:\s*\*\s*$/im.test(group)) ?? '';
  return [...star.matchAll(/^disallow:\s*(\S+)\s*$/gim)].map((match) => {
    const rule = match[1] ?? '';
    const source = rule.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*');
    return new RegExp(`^${source}`);
  });
}

describe('robots.txt', () => {
  it('disallows something on every outlet, and exactly the pages the manifest marks', async () => {
    for (const outlet of site.outlets) {
      const rules = disallowRules(await getText(`${outlet.baseUrl}/robots.txt`));
      expect(rules.length, outlet.id).toBeGreaterThan(0);
      for (const entry of FIXTURE_MANIFEST.filter((page) => page.outletId === outlet.id)) {
        const isDisallowed = rules.some((rule) => rule.test(entry.path));
        expect(isDisallowed, entry.path).toBe(entry.robotsDisallowed);
      }
    }
  });

  it('keeps the English /private/ article linked from the section page', async () => {
    const { baseUrl } = site.outlet('en-fixture');
    expect(await getText(`${baseUrl}/robots.txt`)).toMatch(/^Disallow: \/private\/$/m);
    const links = linksOf(await getText(`${baseUrl}/news/`), `${baseUrl}/news/`);
    const disallowed = FIXTURE_MANIFEST.filter((page) => page.robotsDisallowed);
    expect(disallowed.length).toBeGreaterThan(0);
    for (const page of disallowed) expect(links).toContain(manifestUrl(page, site.outlets));
  });
});

describe('broken and slow links of the English outlet', () => {
  it('answers 404 and 500 for the broken links on its section page', async () => {
    const { baseUrl } = site.outlet('en-fixture');
    const links = linksOf(await getText(`${baseUrl}/news/page/2/`), baseUrl);
    expect(links).toContain(`${baseUrl}${EN_BROKEN_LINKS.notFound}`);
    expect(links).toContain(`${baseUrl}${EN_BROKEN_LINKS.serverError}`);
    expect((await getRaw(`${baseUrl}${EN_BROKEN_LINKS.notFound}`)).status).toBe(404);
    expect((await getRaw(`${baseUrl}${EN_BROKEN_LINKS.serverError}`)).status).toBe(500);
  });

  it('answers the slow page only after slowMs', async () => {
    const slow = FIXTURE_MANIFEST.find((page) => page.isSlow === true);
    if (slow === undefined) throw new Error('the manifest has no slow page');
    const startedMs = performance.now();
    const answer = await getRaw(manifestUrl(slow, site.outlets));
    expect(answer.status).toBe(200);
    // A lower bound only: the page must not answer before the configured delay.
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(SLOW_MS - 20);
  });
});

describe('conditional GET on feeds and sitemaps', () => {
  const documents = (): string[] =>
    site.outlets.flatMap((outlet) =>
      [...outlet.listings.feeds, ...outlet.listings.sitemaps, ...outlet.listings.sitemapIndexes].map(
        (documentPath) => `${outlet.baseUrl}${documentPath}`,
      ),
    );

  it('answers 304 to a matching ETag or Last-Modified and 200 otherwise', async () => {
    expect(documents().length).toBeGreaterThanOrEqual(6);
    for (const url of documents()) {
      const first = await getRaw(url);
      const etag = first.headers.get('etag') ?? '';
      const lastModified = first.headers.get('last-modified') ?? '';
      expect([first.status, etag.length > 2, lastModified.length > 0], url).toEqual([200, true, true]);
      const byEtag = await getRaw(url, { 'if-none-match': etag });
      expect([byEtag.status, byEtag.bytes.length], url).toEqual([304, 0]);
      expect((await getRaw(url, { 'if-modified-since': lastModified })).status, url).toBe(304);
      expect((await getRaw(url, { 'if-none-match': '"something-else"' })).status, url).toBe(200);
      const older = new Date(Date.parse(lastModified) - 86_400_000).toUTCString();
      expect((await getRaw(url, { 'if-modified-since': older })).status, url).toBe(200);
    }
  });
});

describe('the request log', () => {
  it('records outlet, method, path and the headers a polite crawler sends', async () => {
    const { baseUrl } = site.outlet('pl-fixture');
    await getRaw(`${baseUrl}/atom.xml?probe=1`, { 'user-agent': 'pressmon-test/1', 'if-none-match': '"x"' });
    const entry = site.requests.find((request) => request.path === '/atom.xml?probe=1');
    expect(entry).toMatchObject({
      outletId: 'pl-fixture',
      method: 'GET',
      headers: { 'user-agent': 'pressmon-test/1', 'if-none-match': '"x"' },
    });
    expect(entry?.timeMs).toBeGreaterThan(Date.now() - 60_000);
  });
});

describe('starting the site', () => {
  it('refuses a taken port with an error that says what to do', async () => {
    const taken = site.outlets[0]?.port ?? 0;
    await expect(startFixtureSite({ basePort: taken })).rejects.toThrow(FixtureSiteStartError);
    await expect(startFixtureSite({ basePort: taken })).rejects.toThrow(/basePort/);
  });
});

describe('source configs of the fixture outlets', () => {
  const files = readdirSync(SOURCES_DIR, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .map((file) => path.join(SOURCES_DIR, file));

  it('has one valid file per outlet naming its listings on the default ports', async () => {
    expect(files.length).toBe(site.outlets.length);
    for (const file of files) {
      const read = await readConfigFile(file, sourceFileSchema);
      expect(read.problems, file).toEqual([]);
      const source = read.data;
      if (source === undefined) throw new Error(`${file} did not load`);
      const outlet = site.outlet(source.id);
      const defaultBase = `http://127.0.0.1:${DEFAULT_BASE_PORT + site.outlets.indexOf(outlet)}`;
      expect(source.homeUrl).toBe(`${defaultBase}/`);
      expect(source.discovery.feeds).toEqual(outlet.listings.feeds.map((feed) => `${defaultBase}${feed}`));
      const sitemaps =
        outlet.listings.sitemapIndexes.length > 0 ? outlet.listings.sitemapIndexes : outlet.listings.sitemaps;
      expect(source.discovery.sitemaps).toEqual(sitemaps.map((sitemap) => `${defaultBase}${sitemap}`));
      expect(withFixturePorts(source.homeUrl, site)).toBe(`${outlet.baseUrl}/`);
    }
  });

  it('has link patterns that match the outlet’s article URLs and not its listings', async () => {
    for (const file of files) {
      const source = (await readConfigFile(file, sourceFileSchema)).data;
      if (source === undefined) throw new Error(`${file} did not load`);
      const outlet = site.outlet(source.id);
      const patterns = source.discovery.sections.map((section) => new RegExp(section.linkPattern));
      expect(patterns.length, file).toBeGreaterThan(0);
      for (const entry of FIXTURE_MANIFEST.filter((page) => page.outletId === source.id)) {
        const url = manifestUrl(entry, site.outlets);
        expect(
          patterns.some((pattern) => pattern.test(url)),
          url,
        ).toBe(true);
      }
      for (const listing of [outlet.listings.home, ...outlet.listings.sectionPages]) {
        expect(
          patterns.some((pattern) => pattern.test(`${outlet.baseUrl}${listing}`)),
          listing,
        ).toBe(false);
      }
    }
  });
});

describe('README.md', () => {
  it('lists every page of the manifest with its origin', () => {
    const readme = readFileSync(path.join(import.meta.dirname, 'README.md'), 'utf8');
    for (const entry of FIXTURE_MANIFEST) {
      const row = readme.split('\n').find((line) => line.includes(`\`${entry.path}\``));
      expect(row, entry.path).toBeDefined();
      const origin = entry.origin.kind === 'written' ? 'written for the fixture' : entry.origin.file;
      expect(row, entry.path).toContain(origin);
    }
  });
});
