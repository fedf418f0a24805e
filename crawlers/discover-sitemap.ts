import { gunzipSync } from 'node:zlib';
import * as cheerio from 'cheerio';
import { blockedListingError } from './block-page.ts';
import { type CrawlFailure, failureOf } from './crawl-report.ts';
import { decodeBody } from './decode-body.ts';
import {
  type DiscoveryContext,
  type DiscoveryResult,
  dedupeLinks,
  makeLink,
  resolveLink,
  toIsoDate,
} from './discovery.ts';
import { FetchError, HttpStatusError } from './errors.ts';
import type { DiscoveredLink } from './types.ts';

const SITEMAP_ACCEPT = 'application/xml,text/xml;q=0.9,*/*;q=0.5';
/** How deep sitemap indexes are followed, and how many child sitemaps one index may name. */
const MAX_INDEX_DEPTH = 2;
const MAX_CHILD_SITEMAPS = 50;
/** Cap on a gunzipped sitemap (the protocol's own limit is 50 MB). */
const MAX_SITEMAP_BYTES = 50 * 1024 * 1024;

/** A sitemap read into article links and child sitemaps, or why it could not be read. */
export type SitemapParse =
  | {
      readonly ok: true;
      readonly kind: 'urlset' | 'sitemapindex';
      readonly links: DiscoveredLink[];
      readonly sitemaps: string[];
    }
  | { readonly ok: false; readonly reason: 'unparseable'; readonly message: string };

/**
 * Reads a sitemap (`urlset`) or sitemap index (`sitemapindex`). For a Google
 * News sitemap the title and publication date come from `news:title` and
 * `news:publication_date`, else the date is `lastmod`.
 */
export function parseSitemap(text: string, sitemapUrl: string, sourceId: string): SitemapParse {
  const $ = cheerio.load(text.replace(/^\uFEFF/, ''), { xml: true });
  const root = $.root().children().first();
  const kind = root.prop('tagName')?.toLowerCase().replace(/^.*:/, '');
  if (kind === 'sitemapindex') {
    const sitemaps = root
      .children()
      .toArray()
      .map((node) => resolveLink(childText($, node, 'loc'), sitemapUrl))
      .filter((url): url is string => url !== undefined);
    return { ok: true, kind, links: [], sitemaps: [...new Set(sitemaps)] };
  }
  if (kind !== 'urlset') {
    return {
      ok: false,
      reason: 'unparseable',
      message: `sitemap ${sitemapUrl} has neither <urlset> nor <sitemapindex>`,
    };
  }
  const links = root
    .children()
    .toArray()
    .flatMap((node): DiscoveredLink[] => {
      const url = resolveLink(childText($, node, 'loc'), sitemapUrl);
      if (url === undefined) return [];
      const news = $(node)
        .children()
        .filter((_, child) => localName(child) === 'news')
        .first();
      const newsNode = news.get(0);
      const title = newsNode === undefined ? undefined : childText($, newsNode, 'title');
      const date =
        (newsNode === undefined ? undefined : childText($, newsNode, 'publication_date')) ??
        childText($, node, 'lastmod');
      return [makeLink({ url, sourceId, via: 'sitemap', title, publishedAt: toIsoDate(date) })];
    });
  return { ok: true, kind, links: dedupeLinks(links), sitemaps: [] };
}

function localName(node: { type: string; name?: string }): string | undefined {
  return node.type === 'tag' ? node.name?.toLowerCase().replace(/^.*:/, '') : undefined;
}

function childText(
  $: cheerio.CheerioAPI,
  node: Parameters<cheerio.CheerioAPI>[0],
  name: string,
): string | undefined {
  const child = $(node)
    .children()
    .filter((_, element) => localName(element) === name)
    .first();
  const text = child.length === 0 ? '' : child.text().trim();
  return text === '' ? undefined : text;
}

/** The body as text, gunzipped first when it starts with the gzip magic bytes (`.xml.gz`). */
export function sitemapText(body: Buffer, contentType: string | undefined): string {
  const isGzip = body[0] === 0x1f && body[1] === 0x8b;
  const bytes = isGzip ? gunzipSync(body, { maxOutputLength: MAX_SITEMAP_BYTES }) : body;
  return decodeBody(bytes, isGzip ? undefined : contentType).text;
}

/**
 * Discovery method for one sitemap URL; follows sitemap indexes two levels
 * deep. Each sitemap is fetched conditionally when the listing cache has its
 * validators; a 304 answer stands for the links and child sitemaps it had.
 */
export async function discoverFromSitemap(
  sitemapUrl: string,
  context: DiscoveryContext,
): Promise<DiscoveryResult> {
  const links: DiscoveredLink[] = [];
  const failures: CrawlFailure[] = [];
  const seen = new Set<string>();
  const counts = { listingsFetched: 0, notModified: 0 };
  const visit = async (url: string, depth: number): Promise<void> => {
    if (seen.has(url)) return;
    seen.add(url);
    try {
      const parsed = await readSitemap(url, context, counts);
      if (!parsed.ok) {
        failures.push({ url, reason: parsed.reason, message: parsed.message });
        return;
      }
      links.push(...parsed.links);
      if (depth < MAX_INDEX_DEPTH) {
        for (const child of parsed.sitemaps.slice(0, MAX_CHILD_SITEMAPS)) await visit(child, depth + 1);
      }
    } catch (error) {
      if (error instanceof FetchError) failures.push(failureOf(url, error));
      else if (error instanceof Error)
        failures.push({ url, reason: 'unparseable', message: `sitemap ${url}: ${error.message}` });
      else throw error;
    }
  };
  await visit(sitemapUrl, 0);
  return { links: dedupeLinks(links), failures, ...counts };
}

async function readSitemap(
  url: string,
  context: DiscoveryContext,
  counts: { listingsFetched: number; notModified: number },
): Promise<SitemapParse> {
  const cache = context.listingCache;
  const answer = await context.fetchListing(url, SITEMAP_ACCEPT, cache?.validatorsFor(url));
  counts.listingsFetched += 1;
  const cached = cache?.get(url);
  if (answer.status === 304 && cached !== undefined) {
    counts.notModified += 1;
    const sitemaps = [...(cached.sitemaps ?? [])];
    return {
      ok: true,
      kind: sitemaps.length > 0 ? 'sitemapindex' : 'urlset',
      links: [...cached.links],
      sitemaps,
    };
  }
  const text = sitemapText(answer.body, answer.headers['content-type']);
  if (answer.status >= 400 || answer.status === 304)
    throw (
      blockedListingError(url, answer, text, context.sourceId) ??
      new HttpStatusError(url, answer.status, { sourceId: context.sourceId })
    );
  const parsed = parseSitemap(text, answer.finalUrl, context.sourceId);
  if (parsed.ok) cache?.set(url, answer.headers, { links: parsed.links, sitemaps: parsed.sitemaps });
  else {
    // A challenge or "access denied" page served with 200 where the sitemap should be.
    const blocked = blockedListingError(url, answer, text, context.sourceId, 'unreadable-listing');
    if (blocked !== undefined) throw blocked;
  }
  return parsed;
}
