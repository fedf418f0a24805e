import * as cheerio from 'cheerio';
import type { SectionDiscovery } from '../config/types.ts';
import { blockedListingError } from './block-page.ts';
import { type CrawlFailure, failureOf } from './crawl-report.ts';
import { decodeBody } from './decode-body.ts';
import {
  type DiscoveryContext,
  type DiscoveryResult,
  dedupeLinks,
  makeLink,
  resolveLink,
} from './discovery.ts';
import { FetchError, HttpStatusError } from './errors.ts';
import type { DiscoveredLink } from './types.ts';

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';
/** Where the next page of a listing is, when the section does not say. */
const DEFAULT_NEXT_PAGE_SELECTOR = 'a[rel~="next"], link[rel~="next"]';

/** The article links of one listing page and its next page, if any. */
export interface ListingPageLinks {
  readonly links: readonly string[];
  readonly nextPageUrl?: string;
}

/**
 * The links of a listing page that match the article pattern (resolved
 * against the page URL, fragments dropped, each once, in page order), and the
 * next page's URL found with `nextPageSelector`.
 */
export function readListingPage(
  html: string,
  pageUrl: string,
  linkPattern: RegExp,
  nextPageSelector: string = DEFAULT_NEXT_PAGE_SELECTOR,
): ListingPageLinks {
  const $ = cheerio.load(html);
  const links = new Set<string>();
  $('a[href]').each((_, element) => {
    const url = resolveLink($(element).attr('href'), pageUrl)?.replace(/#.*$/, '');
    if (url !== undefined && linkPattern.test(url)) links.add(url);
  });
  const next = resolveLink($(nextPageSelector).first().attr('href'), pageUrl);
  return { links: [...links], ...(next === undefined ? {} : { nextPageUrl: next }) };
}

/** Links already read into the page's article URLs: the shape a browser-rendered listing gives too. */
export function filterListingLinks(hrefs: readonly string[], pageUrl: string, linkPattern: RegExp): string[] {
  const links = new Set<string>();
  for (const href of hrefs) {
    const url = resolveLink(href, pageUrl)?.replace(/#.*$/, '');
    if (url !== undefined && linkPattern.test(url)) links.add(url);
  }
  return [...links];
}

/**
 * Discovery method for a section: reads its listing page, then follows its
 * pagination up to `maxPages` pages (stopping at a page seen before), and
 * keeps the links that match `linkPattern`. Listing pages are read on every
 * run (they change all the time); the articles they list go through the
 * incremental check like any other link.
 */
export async function discoverFromSection(
  section: SectionDiscovery,
  context: DiscoveryContext,
): Promise<DiscoveryResult> {
  const pattern = new RegExp(section.linkPattern);
  return walkListingPages(section, context.sourceId, 'section', async (url) => {
    const answer = await context.fetchListing(url, HTML_ACCEPT);
    const html = decodeBody(answer.body, answer.headers['content-type']).text;
    const blocked = blockedListingError(url, answer, html, context.sourceId);
    if (blocked !== undefined) throw blocked;
    if (answer.status >= 400) throw new HttpStatusError(url, answer.status, { sourceId: context.sourceId });
    return readListingPage(html, answer.finalUrl, pattern, section.nextPageSelector);
  });
}

/**
 * Follows a section's pages from `section.url` through their next-page links,
 * at most `section.maxPages` and never the same page twice, reading each with
 * `readPage` (fetched HTML or a browser rendering). A page that fails ends the
 * walk with its failure; the links found before it are kept.
 */
export async function walkListingPages(
  section: SectionDiscovery,
  sourceId: string,
  via: DiscoveredLink['via'],
  readPage: (url: string) => Promise<ListingPageLinks>,
): Promise<DiscoveryResult> {
  const links: DiscoveredLink[] = [];
  const failures: CrawlFailure[] = [];
  const seenPages = new Set<string>();
  let pageUrl: string | undefined = section.url;
  while (pageUrl !== undefined && seenPages.size < section.maxPages && !seenPages.has(pageUrl)) {
    const url: string = pageUrl;
    seenPages.add(url);
    try {
      const page = await readPage(url);
      for (const link of page.links) links.push(makeLink({ url: link, sourceId, via }));
      pageUrl = page.nextPageUrl;
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      failures.push(failureOf(url, error));
      break;
    }
  }
  return { links: dedupeLinks(links), failures, listingsFetched: seenPages.size };
}
