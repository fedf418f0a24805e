import type { CoalitionLanguage } from '../../core/languages.ts';
import type { FixtureResponse } from './responses.ts';
import type { FixturePage } from './types.ts';

/** What an outlet's routes depend on at start time. */
export interface OutletContext {
  /** `http://127.0.0.1:<port>` without a trailing slash. */
  readonly baseUrl: string;
  /** Delay of the slow page, ms. */
  readonly slowMs: number;
}

/** Where an outlet lists its articles (paths, query included). */
export interface OutletListings {
  readonly home: string;
  /** Every page of every HTML section listing, following its pagination. */
  readonly sectionPages: readonly string[];
  readonly feeds: readonly string[];
  /** `<urlset>` sitemaps. */
  readonly sitemaps: readonly string[];
  /** Sitemap indexes (they point at the `sitemaps`). */
  readonly sitemapIndexes: readonly string[];
  /** A section whose HTML is an empty shell and whose links come from `api` through JavaScript. */
  readonly jsSection?: { readonly page: string; readonly api: string };
  /** The site's own search, allowed by robots.txt: `path?param=<words>`. */
  readonly search?: { readonly path: string; readonly param: string };
}

/** One outlet of the fixture site: its identity, its article pages and its route table. */
export interface OutletDefinition {
  readonly id: string;
  readonly name: string;
  readonly languages: readonly CoalitionLanguage[];
  /** Port = basePort + portOffset. */
  readonly portOffset: number;
  readonly pages: readonly FixturePage[];
  readonly listings: OutletListings;
  /**
   * Routes keyed by path plus query (`/stiri/?page=2`) or by path alone; a request
   * is looked up by path plus query first, then by path.
   */
  readonly buildRoutes: (context: OutletContext) => ReadonlyMap<string, FixtureResponse>;
  /** Answers the search of `listings.search` for a query (the words as typed). */
  readonly answerSearch?: (query: string) => FixtureResponse;
}
