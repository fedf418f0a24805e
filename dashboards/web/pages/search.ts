import type { ApiSearchHit, ApiSearchResponse, FacetName } from '../../api-types.ts';
import { FILTER_PARAMS, type FilterParam } from '../../search-param-names.ts';
import { getJson, sendJson } from '../api.ts';
import { facetLabel, languageName, type PageContext } from '../context.ts';
import { h, replaceChildren, segments } from '../dom.ts';
import { formatDate, formatNumber } from '../i18n.ts';

/** Page parameters that are not part of the search itself. */
const PAGE_ONLY = ['page'];
const FACET_TITLES = {
  languages: 'facetLanguages',
  topics: 'facetTopics',
  sources: 'facetSources',
  countries: 'facetCountries',
  organisations: 'facetOrganisations',
  places: 'facetPlaces',
  frames: 'facetFrames',
} as const satisfies Record<FacetName, string>;

/**
 * The search page. Its whole state is the address (`?q=…&lang=ro&topic=…
 * &from=…&sort=…&after=…&page=…`): a search can be shared and bookmarked.
 */
export async function renderSearchPage(context: PageContext): Promise<void> {
  const { root, t, url } = context;
  const params = url.searchParams;
  const apiParams = new URLSearchParams(params);
  for (const name of PAGE_ONLY) apiParams.delete(name);
  const results = h('section', { class: 'results', id: 'results' }, t('loading'));
  const sidebar = h('aside', { class: 'filters', id: 'filters' });
  replaceChildren(root, searchForm(context), h('div', { class: 'search-layout' }, sidebar, results));
  const answer = await getJson<ApiSearchResponse>(`/api/search?${apiParams}`);
  replaceChildren(sidebar, ...filterPanel(context, answer));
  replaceChildren(results, ...resultList(context, answer));
  performance.mark('pressmon:results-rendered');
}

function searchForm(context: PageContext): HTMLElement {
  const { t, url } = context;
  const input = h('input', {
    type: 'search',
    name: 'q',
    id: 'q',
    value: url.searchParams.get('q') ?? '',
    placeholder: t('searchPlaceholder'),
    'aria-label': t('searchButton'),
    maxlength: 2000,
  });
  return h(
    'form',
    {
      class: 'search-form',
      role: 'search',
      onsubmit: (event: Event) => {
        event.preventDefault();
        context.navigate(`/search?${withParam(url, 'q', input.value.trim())}`);
      },
    },
    input,
    h('button', { type: 'submit', id: 'search-button' }, t('searchButton')),
    h('details', { class: 'help' }, h('summary', {}, t('searchHelpTitle')), h('p', {}, t('searchHelp'))),
  );
}

function filterPanel(context: PageContext, answer: ApiSearchResponse): HTMLElement[] {
  const { t, url } = context;
  const dateInput = (name: 'from' | 'to', label: string): HTMLElement =>
    h(
      'label',
      { class: 'date' },
      label,
      h('input', {
        type: 'date',
        name,
        id: `filter-${name}`,
        value: url.searchParams.get(name) ?? '',
        onchange: (event: Event) =>
          context.navigate(`/search?${withParam(url, name, (event.target as HTMLInputElement).value)}`),
      }),
    );
  const groups = (Object.entries(FILTER_PARAMS) as [FilterParam, FacetName][]).map(([param, facet]) =>
    facetGroup(context, param, facet, answer.facets[facet]),
  );
  const hasFilters = [...url.searchParams.keys()].some(
    (key) => key in FILTER_PARAMS || key === 'from' || key === 'to',
  );
  return [
    h('h2', {}, t('filters')),
    dateInput('from', t('dateFrom')),
    dateInput('to', t('dateTo')),
    hasFilters
      ? h(
          'a',
          { href: `/search?${clearFilters(url)}`, class: 'clear', id: 'clear-filters' },
          t('clearFilters'),
        )
      : null,
    ...groups,
  ].filter((item): item is HTMLElement => item !== null);
}

function facetGroup(
  context: PageContext,
  param: FilterParam,
  facet: FacetName,
  buckets: readonly { key: string; count: number }[],
): HTMLElement {
  const { t, url, language } = context;
  const selected = new Set(url.searchParams.getAll(param));
  // Selected values stay listed even when the other filters leave them no article.
  const shown = [...buckets];
  for (const key of selected) if (!shown.some((bucket) => bucket.key === key)) shown.push({ key, count: 0 });
  const items = shown.map((bucket) => {
    const id = `facet-${param}-${bucket.key}`;
    return h(
      'li',
      {},
      h('input', {
        type: 'checkbox',
        id,
        checked: selected.has(bucket.key),
        'data-facet': param,
        'data-key': bucket.key,
        onchange: (event: Event) =>
          context.navigate(
            `/search?${toggleParam(url, param, bucket.key, (event.target as HTMLInputElement).checked)}`,
          ),
      }),
      h('label', { for: id }, facetLabel(context, facet, bucket.key)),
      h('span', { class: 'count' }, formatNumber(bucket.count, language)),
    );
  });
  return h(
    'fieldset',
    { class: 'facet', 'data-facet': facet },
    h('legend', {}, t(FACET_TITLES[facet])),
    items.length === 0 ? h('p', { class: 'muted' }, '—') : h('ul', {}, ...items),
  );
}

function resultList(context: PageContext, answer: ApiSearchResponse): HTMLElement[] {
  const { t, url, language } = context;
  const sort = h(
    'select',
    {
      id: 'sort',
      'aria-label': t('sort'),
      onchange: (event: Event) =>
        context.navigate(`/search?${withParam(url, 'sort', (event.target as HTMLSelectElement).value)}`),
    },
    h('option', { value: 'relevance', selected: effectiveSort(url) === 'relevance' }, t('sortRelevance')),
    h('option', { value: 'date', selected: effectiveSort(url) === 'date' }, t('sortDate')),
  );
  const exportParams = new URLSearchParams(url.searchParams);
  for (const name of ['page', 'after', 'size', 'sort']) exportParams.delete(name);
  const toolbar = h(
    'div',
    { class: 'toolbar' },
    h('strong', { id: 'total' }, t('results', { count: formatNumber(answer.total, language) })),
    sort,
    h(
      'a',
      { href: `/api/export?format=csv&${exportParams}`, download: '', id: 'export-csv', class: 'button' },
      t('exportCsv'),
    ),
    h(
      'a',
      { href: `/api/export?format=json&${exportParams}`, download: '', id: 'export-json', class: 'button' },
      t('exportJson'),
    ),
    saveControl(context),
  );
  const list =
    answer.hits.length === 0
      ? h('p', { class: 'muted', id: 'no-results' }, t('noResults'))
      : h('ol', { class: 'hits', id: 'hits' }, ...answer.hits.map((hit) => hitItem(context, hit)));
  return [toolbar, list, pager(context, answer)];
}

function hitItem(context: PageContext, hit: ApiSearchHit): HTMLElement {
  const { language, meta } = context;
  return h(
    'li',
    { class: 'hit', 'data-id': hit.id },
    h(
      'h3',
      {},
      h('a', { href: `/articles/${encodeURIComponent(hit.id)}`, class: 'hit-title' }, segments(hit.title)),
    ),
    h(
      'div',
      { class: 'chips' },
      h('span', { class: 'chip outlet' }, hit.source.name),
      h('span', { class: 'chip date' }, formatDate(hit.publishedAt, language, meta.timeZone)),
      h('span', { class: 'chip lang' }, languageName(hit.language, language)),
      ...hit.topicIds.map((id) => h('span', { class: 'chip topic' }, facetLabel(context, 'topics', id))),
    ),
    ...(hit.snippets.length > 0
      ? hit.snippets.map((snippet) => h('p', { class: 'snippet' }, '… ', segments(snippet), ' …'))
      : [hit.lead === null ? null : h('p', { class: 'snippet' }, hit.lead)]),
  );
}

function pager(context: PageContext, answer: ApiSearchResponse): HTMLElement {
  const { t, url } = context;
  const page = Math.max(1, Number(url.searchParams.get('page') ?? '1') || 1);
  const previous =
    page > 1
      ? h(
          'button',
          {
            type: 'button',
            id: 'previous-page',
            // The page before is in the history when we came from it; a shared link starts over.
            onclick: () => {
              if ((history.state as { paged?: boolean } | null)?.paged === true) history.back();
              else context.navigate(`/search?${firstPage(url)}`);
            },
          },
          t('previous'),
        )
      : null;
  const next =
    answer.nextCursor === null
      ? null
      : h(
          'a',
          {
            href: `/search?${nextPage(url, answer.nextCursor, page)}`,
            id: 'next-page',
            class: 'button',
            onclick: (event: Event) => {
              event.preventDefault();
              context.navigate(`/search?${nextPage(url, answer.nextCursor ?? '', page)}`, {
                state: { paged: true },
              });
            },
          },
          t('next'),
        );
  return h(
    'nav',
    { class: 'pager', 'aria-label': t('page', { page }) },
    previous,
    h('span', {}, t('page', { page })),
    next,
  );
}

function saveControl(context: PageContext): HTMLElement {
  const { t, url, meta } = context;
  const status = h('span', { class: 'muted', role: 'status' });
  const name = h('input', {
    id: 'save-name',
    maxlength: 200,
    required: true,
    value: url.searchParams.get('q') ?? '',
  });
  const digest = h('input', { type: 'checkbox', id: 'save-digest', disabled: meta.user.email === null });
  const form = h(
    'form',
    {
      class: 'save-form',
      hidden: true,
      onsubmit: async (event: Event) => {
        event.preventDefault();
        const search = new URLSearchParams(url.searchParams);
        for (const param of ['page', 'after', 'size']) search.delete(param);
        await sendJson('POST', '/api/saved-searches', {
          name: name.value.trim(),
          search: search.toString(),
          includeInDigest: digest.checked,
        });
        status.textContent = t('saved');
        form.hidden = true;
      },
    },
    h('label', { for: 'save-name' }, t('saveName')),
    name,
    h('label', { class: 'inline' }, digest, t('saveInDigest')),
    h('button', { type: 'submit', id: 'save-confirm' }, t('saveSearch')),
  );
  return h(
    'span',
    { class: 'save' },
    h(
      'button',
      { type: 'button', id: 'save-search', onclick: () => (form.hidden = !form.hidden) },
      t('saveSearch'),
    ),
    form,
    status,
  );
}

function effectiveSort(url: URL): string {
  return url.searchParams.get('sort') ?? ((url.searchParams.get('q') ?? '') === '' ? 'date' : 'relevance');
}

/** The address with one parameter set (or removed when empty), back on the first page. */
function withParam(url: URL, name: string, value: string): string {
  const params = new URLSearchParams(url.searchParams);
  if (value === '') params.delete(name);
  else params.set(name, value);
  return firstPageOf(params);
}

function toggleParam(url: URL, name: string, value: string, on: boolean): string {
  const params = new URLSearchParams(url.searchParams);
  const values = params.getAll(name).filter((item) => item !== value);
  params.delete(name);
  for (const item of on ? [...values, value] : values) params.append(name, item);
  return firstPageOf(params);
}

function clearFilters(url: URL): string {
  const params = new URLSearchParams();
  for (const name of ['q', 'sort']) {
    const value = url.searchParams.get(name);
    if (value !== null) params.set(name, value);
  }
  return params.toString();
}

function firstPage(url: URL): string {
  return firstPageOf(new URLSearchParams(url.searchParams));
}

function firstPageOf(params: URLSearchParams): string {
  params.delete('after');
  params.delete('page');
  return params.toString();
}

function nextPage(url: URL, cursor: string, page: number): string {
  const params = new URLSearchParams(url.searchParams);
  params.set('after', cursor);
  params.set('page', String(page + 1));
  return params.toString();
}
