import type { PerLanguage, SiteSearchDiscovery, TermPattern } from '../config/types.ts';
import { blockedListingError } from './block-page.ts';
import { type CrawlFailure, failureOf } from './crawl-report.ts';
import { decodeBody } from './decode-body.ts';
import { readListingPage } from './discover-section.ts';
import { type DiscoveryContext, type DiscoveryResult, dedupeLinks, makeLink } from './discovery.ts';
import { FetchError, HttpStatusError } from './errors.ts';
import type { DiscoveredLink } from './types.ts';

const HTML_ACCEPT = 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.5';

/**
 * A topic term as a site-search query: wildcards dropped (`refugia*` →
 * `refugia`), proximity operators turned into plain words (`a ~5 b` → `a b`).
 */
export function termToQuery(term: TermPattern): string {
  return term.replace(/~\d+/g, ' ').replace(/\*/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * The queries one search template sends: the topic terms of each of its
 * languages, taken round-robin over the topics (every topic's first term,
 * then every second term, …) so that a cap keeps every topic, each query
 * once, at most `maxQueries`.
 */
export function siteSearchQueries(
  search: SiteSearchDiscovery,
  topicTerms: readonly PerLanguage<readonly TermPattern[]>[],
): string[] {
  const queries = new Set<string>();
  for (const language of search.languages) {
    const lists = topicTerms.map((terms) => terms[language] ?? []);
    const longest = Math.max(0, ...lists.map((list) => list.length));
    for (let index = 0; index < longest; index += 1) {
      for (const list of lists) {
        const term = list[index];
        if (term === undefined) continue;
        const query = termToQuery(term);
        if (query.length >= 3) queries.add(query);
        if (queries.size >= search.maxQueries) return [...queries];
      }
    }
  }
  return [...queries];
}

/** The search page URL of one query: `{query}` replaced by the query, URL-encoded. */
export function searchUrlFor(urlTemplate: string, query: string): string {
  return urlTemplate.replaceAll('{query}', encodeURIComponent(query));
}

/**
 * Discovery method for a site-search template: one search per topic term (see
 * siteSearchQueries), keeping the result links that match `linkPattern`.
 */
export async function discoverFromSiteSearch(
  search: SiteSearchDiscovery,
  topicTerms: readonly PerLanguage<readonly TermPattern[]>[],
  context: DiscoveryContext,
): Promise<DiscoveryResult> {
  const pattern = new RegExp(search.linkPattern);
  const links: DiscoveredLink[] = [];
  const failures: CrawlFailure[] = [];
  const queries = siteSearchQueries(search, topicTerms);
  for (const query of queries) {
    const url = searchUrlFor(search.urlTemplate, query);
    try {
      const answer = await context.fetchListing(url, HTML_ACCEPT);
      const html = decodeBody(answer.body, answer.headers['content-type']).text;
      const blocked = blockedListingError(url, answer, html, context.sourceId);
      if (blocked !== undefined) throw blocked;
      if (answer.status >= 400) throw new HttpStatusError(url, answer.status, { sourceId: context.sourceId });
      for (const link of readListingPage(html, answer.finalUrl, pattern).links)
        links.push(makeLink({ url: link, sourceId: context.sourceId, via: 'site-search' }));
    } catch (error) {
      if (!(error instanceof FetchError)) throw error;
      failures.push(failureOf(url, error));
      // robots.txt disallows the search, the site is unreachable or shows a block page: the other
      // queries would fail alike (and a block page is no invitation to knock again).
      if (['robots', 'refused-private-address', 'blocked'].includes(error.reason)) break;
    }
  }
  return { links: dedupeLinks(links), failures, listingsFetched: queries.length };
}
