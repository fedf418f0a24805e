// The URL parameters of a search: the same in the web page's address and in
// the API's query string (no imports: the server and the page both use it).

/** Filter parameter → the facet it filters (indexer/facets.ts FacetName). */
export const FILTER_PARAMS = {
  lang: 'languages',
  topic: 'topics',
  source: 'sources',
  country: 'countries',
  org: 'organisations',
  place: 'places',
  frame: 'frames',
} as const;

export type FilterParam = keyof typeof FILTER_PARAMS;
