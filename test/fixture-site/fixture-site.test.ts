import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EN_REDIRECT, type FixtureSite, startFixtureSite } from './index.ts';
import {
  FIXTURE_MANIFEST,
  type ManifestEntry,
  manifestUrl,
  type ReachedVia,
  type TopicId,
} from './manifest.ts';
import {
  decodeDeclared,
  feedLinks,
  getRaw,
  getText,
  headerCharset,
  linksOf,
  metaCharset,
  sitemapLocs,
} from './test-helpers.ts';

const SLOW_MS = 150;
const TOPICS: readonly TopicId[] = [
  'asylum',
  'ukraine_displacement',
  'integration',
  'labour_migration',
  'legal_status',
  'detention_return_border',
  'trafficking',
  'roma',
  'discrimination_hate',
  'children_minors',
  'local_policy',
  'data_statistics',
  'civil_society',
  'public_image',
  'emigration_diaspora',
];

let site: FixtureSite;

beforeAll(async () => {
  // Fixed ports, but not the default 47801: a running dev copy of the site must not clash with the tests.
  site = await startFixtureSite({ basePort: 47921, slowMs: SLOW_MS });
});

afterAll(async () => {
  await site.close();
});

function url(entry: ManifestEntry): string {
  return manifestUrl(entry, site.outlets);
}

function pagesOf(outletId: string): ManifestEntry[] {
  return FIXTURE_MANIFEST.filter((entry) => entry.outletId === outletId);
}

describe('the manifest', () => {
  it('describes four outlets on their own origins, each mixing migration and unrelated articles', () => {
    expect(site.outlets.map((outlet) => [outlet.id, outlet.port])).toEqual([
      ['ro-fixture', 47921],
      ['pl-fixture', 47922],
      ['en-fixture', 47923],
      ['ru-uk-fixture', 47924],
    ]);
    for (const outlet of site.outlets) {
      const pages = pagesOf(outlet.id);
      expect(
        pages.some((page) => page.isMigrationRelated),
        outlet.id,
      ).toBe(true);
      expect(
        pages.some((page) => !page.isMigrationRelated),
        outlet.id,
      ).toBe(true);
    }
    expect(
      pagesOf('ro-fixture').filter((page) => page.origin.kind === 'written').length,
    ).toBeGreaterThanOrEqual(8);
  });

  it('gives every page a unique path, known topics, a UTC date and a phrase', () => {
    const keys = FIXTURE_MANIFEST.map((entry) => `${entry.outletId}${entry.path}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const entry of FIXTURE_MANIFEST) {
      expect(entry.path, entry.path).toMatch(/^\//);
      for (const topic of entry.expectedTopics) expect(TOPICS).toContain(topic);
      if (!entry.isMigrationRelated) expect(entry.expectedTopics, entry.path).toEqual([]);
      if (entry.publishedAt !== undefined) expect(entry.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z$/);
      expect(entry.distinctivePhrase.length, entry.path).toBeGreaterThan(3);
      expect(entry.reachedVia.length, entry.path).toBeGreaterThan(0);
    }
  });

  it('covers every language and legacy encoding the crawler must handle', () => {
    expect(new Set(FIXTURE_MANIFEST.map((entry) => entry.language))).toEqual(
      new Set(['ro', 'pl', 'en', 'ru', 'uk']),
    );
    expect(new Set(FIXTURE_MANIFEST.map((entry) => entry.encoding))).toEqual(
      new Set(['utf-8', 'windows-1250', 'iso-8859-2', 'windows-1251']),
    );
  });
});

describe('article pages', () => {
  it.each(FIXTURE_MANIFEST.map((entry) => [`${entry.outletId}${entry.path}`, entry] as const))(
    '%s answers 200 in its declared encoding with its phrase',
    async (_name, entry) => {
      const answer = await getRaw(url(entry));
      expect(answer.status).toBe(200);
      const inHeader = headerCharset(answer.headers.get('content-type'));
      const inMeta = metaCharset(answer.bytes);
      expect(inHeader).toBe(entry.charsetDeclaredIn === 'meta' ? undefined : entry.encoding);
      expect(inMeta).toBe(entry.charsetDeclaredIn === 'header' ? undefined : entry.encoding);
      const text = decodeDeclared(answer);
      expect(text).toContain(entry.distinctivePhrase);
      if (entry.encoding !== 'utf-8') {
        // The bytes really are legacy-encoded: read as UTF-8 the phrase is garbled.
        expect(iconv.decode(answer.bytes, 'utf-8')).not.toContain(entry.distinctivePhrase);
      }
    },
  );

  it('mixes cedilla and comma-below Romanian letters in one article', async () => {
    const entry = pagesOf('ro-fixture').find((page) => page.path.includes('protectie-temporara'));
    if (entry === undefined) throw new Error('the Ukrainian-refugees article is missing');
    const html = await getText(url(entry));
    expect(html).toMatch(/[şţ]/);
    expect(html).toMatch(/[șț]/);
    expect(html).toContain('<time datetime="2024-03-14T09:30:00+02:00">14 martie 2024, 09:30</time>');
    expect(html).not.toContain('application/ld+json');
    expect(html).not.toContain('og:title');
  });
});

async function linksOnPages(outletId: string, paths: readonly string[]): Promise<Set<string>> {
  const base = site.outlet(outletId).baseUrl;
  const links = await Promise.all(
    paths.map(async (path) => linksOf(await getText(`${base}${path}`), `${base}${path}`)),
  );
  return new Set(links.flat());
}

async function feedUrls(outletId: string): Promise<Set<string>> {
  const { baseUrl, listings } = site.outlet(outletId);
  const lists = await Promise.all(
    listings.feeds.map(async (path) => feedLinks(await getText(`${baseUrl}${path}`), `${baseUrl}${path}`)),
  );
  return new Set(lists.flat());
}

async function sitemapUrls(outletId: string): Promise<Set<string>> {
  const { baseUrl, listings } = site.outlet(outletId);
  const lists = await Promise.all(
    listings.sitemaps.map(async (path) => sitemapLocs(await getText(`${baseUrl}${path}`)).locs),
  );
  return new Set(lists.flat());
}

async function jsSectionUrls(outletId: string): Promise<Set<string>> {
  const { baseUrl, listings } = site.outlet(outletId);
  if (listings.jsSection === undefined) return new Set();
  const data = JSON.parse(await getText(`${baseUrl}${listings.jsSection.api}`)) as {
    items: { path: string }[];
  };
  return new Set(data.items.map((item) => new URL(item.path, baseUrl).href));
}

describe('discovery: every page is listed exactly where the manifest says', () => {
  it.each(['ro-fixture', 'pl-fixture', 'en-fixture', 'ru-uk-fixture'])('%s', async (outletId) => {
    const { listings } = site.outlet(outletId);
    const found: Record<Exclude<ReachedVia, 'redirect'>, Set<string>> = {
      home: await linksOnPages(outletId, [listings.home]),
      section: await linksOnPages(outletId, listings.sectionPages),
      feed: await feedUrls(outletId),
      sitemap: await sitemapUrls(outletId),
      'js-section': await jsSectionUrls(outletId),
    };
    for (const entry of pagesOf(outletId)) {
      for (const [via, urls] of Object.entries(found)) {
        const isListed = urls.has(url(entry));
        expect(isListed, `${entry.path} via ${via}`).toBe(entry.reachedVia.includes(via as ReachedVia));
      }
    }
  });

  it('paginates the Romanian section with next links up to the last page', async () => {
    const { baseUrl, listings } = site.outlet('ro-fixture');
    expect(listings.sectionPages).toEqual(['/stiri/', '/stiri/?page=2', '/stiri/?page=3']);
    for (const [index, path] of listings.sectionPages.entries()) {
      const html = await getText(`${baseUrl}${path}`);
      const next = /<a class="pagina-urmatoare" rel="next" href="([^"]+)"/.exec(html)?.[1];
      expect(next).toBe(
        listings.sectionPages[index + 1] === undefined ? undefined : `/stiri/?page=${index + 2}`,
      );
    }
  });

  it('serves the Romanian RSS feed with a relative link, an invalid date and a duplicate item', async () => {
    const xml = await getText(`${site.outlet('ro-fixture').baseUrl}/rss.xml`);
    expect(xml).toMatch(/<link>\/stiri\/[^<]+<\/link>/);
    expect(xml).toContain('<pubDate>sâmbătă, 16 martie 2024</pubDate>');
    const links = [...xml.matchAll(/<item>\s*<title>[^<]*<\/title>\s*<link>([^<]+)<\/link>/g)].map(
      (m) => m[1],
    );
    expect(new Set(links).size).toBe(links.length - 1);
  });

  it('serves a Google News sitemap behind a sitemap index for the Polish outlet', async () => {
    const { baseUrl } = site.outlet('pl-fixture');
    const index = sitemapLocs(await getText(`${baseUrl}/sitemap_index.xml`));
    expect(index).toEqual({ root: 'sitemapindex', locs: [`${baseUrl}/sitemap-news.xml`] });
    const news = await getText(`${baseUrl}/sitemap-news.xml`);
    expect(news).toContain('<news:publication_date>2024-05-13T10:00:00.000Z</news:publication_date>');
    expect(news).toContain('<news:title>Nowa linia tramwajowa dojedzie aż do granicy miasta</news:title>');
  });

  it('lists the JavaScript section only in its JSON, never in its HTML', async () => {
    const { baseUrl, listings } = site.outlet('ru-uk-fixture');
    if (listings.jsSection === undefined) throw new Error('ru-uk-fixture has no JS section');
    const shell = await getText(`${baseUrl}${listings.jsSection.page}`);
    const json = await getText(`${baseUrl}${listings.jsSection.api}`);
    const jsOnly = pagesOf('ru-uk-fixture').filter((page) => page.reachedVia.includes('js-section'));
    expect(jsOnly.length).toBeGreaterThanOrEqual(2);
    for (const page of jsOnly) {
      expect(shell).not.toContain(page.path);
      expect(json).toContain(page.path);
    }
    expect(shell).toContain(listings.jsSection.api);
  });

  it('ends the redirect chain at the article: 301, then 302, then 200', async () => {
    const { baseUrl } = site.outlet('en-fixture');
    const first = await getRaw(`${baseUrl}${EN_REDIRECT.start}`);
    expect(first.status).toBe(301);
    const second = await getRaw(new URL(first.headers.get('location') ?? '', `${baseUrl}/`).href);
    expect(second.status).toBe(302);
    const finalUrl = new URL(second.headers.get('location') ?? '', `${baseUrl}/`).href;
    expect(finalUrl).toBe(`${baseUrl}${EN_REDIRECT.end}`);
    const last = await fetch(`${baseUrl}${EN_REDIRECT.start}`);
    expect([last.status, last.url]).toEqual([200, finalUrl]);
    expect(await last.text()).toContain('Indiana State Teachers Association');
  });
});
