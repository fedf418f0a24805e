import type { ApiBreakdown, ApiCount, ApiNewTerms, ApiTrends } from '../../api-types.ts';
import { getJson } from '../api.ts';
import { type ChartSeries, lineChart } from '../chart.ts';
import { facetLabel, languageName, type PageContext } from '../context.ts';
import { h, replaceChildren } from '../dom.ts';
import { formatNumber } from '../i18n.ts';

/** Lines per chart: the most frequent topics or frames of the period. */
const MAX_LINES = 8;
const DAY_MS = 24 * 60 * 60 * 1000;
const TERM_LANGUAGES = ['ro', 'pl', 'en', 'ru', 'uk'] as const;

/**
 * Trends: articles per period by topic and by frame (uPlot), share of voice by
 * outlet, organisations (coalition members first), words new this week, and
 * places. State in the address: `from`, `to`, `interval`, filters, `termsLang`.
 */
export async function renderTrendsPage(context: PageContext): Promise<void> {
  const { root, t, url, language } = context;
  const params = withDefaults(url.searchParams);
  const filterQuery = new URLSearchParams(params);
  filterQuery.delete('interval');
  filterQuery.delete('termsLang');
  const interval = params.get('interval') ?? 'week';
  const termsLanguage = params.get('termsLang') ?? (language === 'en' ? 'ro' : language);
  const sections = {
    topics: h('section', { id: 'trend-topics', class: 'chart' }, t('loading')),
    frames: h('section', { id: 'trend-frames', class: 'chart' }, t('loading')),
    breakdown: h('div', { id: 'breakdown', class: 'tables' }, t('loading')),
    terms: h('section', { id: 'new-terms' }, t('loading')),
  };
  replaceChildren(
    root,
    h('h1', {}, t('trendsTitle')),
    controls(context, params),
    sections.topics,
    sections.frames,
    sections.breakdown,
    sections.terms,
  );
  const [topics, frames, breakdown, terms] = await Promise.all([
    getJson<ApiTrends>(`/api/trends?by=topic&interval=${interval}&${filterQuery}`),
    getJson<ApiTrends>(`/api/trends?by=frame&interval=${interval}&${filterQuery}`),
    getJson<ApiBreakdown>(`/api/breakdown?${filterQuery}`),
    getJson<ApiNewTerms>(`/api/new-terms?language=${termsLanguage}&${newTermsQuery(filterQuery)}`),
  ]);
  drawTrend(context, sections.topics, t('perTopic'), topics, 'topics');
  drawTrend(context, sections.frames, t('perFrame'), frames, 'frames');
  replaceChildren(
    sections.breakdown,
    shareTable(context, breakdown),
    organisationTable(context, breakdown.organisations),
    placeTable(context, breakdown.places),
  );
  replaceChildren(sections.terms, ...newTermsSection(context, terms, termsLanguage));
  performance.mark('pressmon:trends-rendered');
}

/** Twelve weeks up to today unless the address says otherwise. */
function withDefaults(search: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(search);
  const today = new Date();
  if (!params.has('to') && !params.has('from')) {
    params.set('from', new Date(today.getTime() - 84 * DAY_MS).toISOString().slice(0, 10));
    params.set('to', today.toISOString().slice(0, 10));
  }
  return params;
}

/** New terms: the last 7 days of the chosen period. */
function newTermsQuery(filters: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(filters);
  const to = params.get('to') ?? new Date().toISOString().slice(0, 10);
  params.set('to', to);
  params.set('from', new Date(Date.parse(to) - 6 * DAY_MS).toISOString().slice(0, 10));
  params.delete('lang');
  return params;
}

function controls(context: PageContext, params: URLSearchParams): HTMLElement {
  const { t, url } = context;
  const update = (name: string, value: string): void => {
    const next = new URLSearchParams(params);
    if (value === '') next.delete(name);
    else next.set(name, value);
    context.navigate(`${url.pathname}?${next}`);
  };
  const date = (name: 'from' | 'to', label: string): HTMLElement =>
    h(
      'label',
      {},
      label,
      h('input', {
        type: 'date',
        id: `trends-${name}`,
        value: params.get(name) ?? '',
        onchange: (e: Event) => update(name, (e.target as HTMLInputElement).value),
      }),
    );
  const interval = params.get('interval') ?? 'week';
  return h(
    'form',
    { class: 'trend-controls', onsubmit: (event: Event) => event.preventDefault() },
    date('from', t('dateFrom')),
    date('to', t('dateTo')),
    h(
      'label',
      {},
      t('interval'),
      h(
        'select',
        {
          id: 'trends-interval',
          onchange: (e: Event) => update('interval', (e.target as HTMLSelectElement).value),
        },
        h('option', { value: 'day', selected: interval === 'day' }, t('intervalDay')),
        h('option', { value: 'week', selected: interval === 'week' }, t('intervalWeek')),
        h('option', { value: 'month', selected: interval === 'month' }, t('intervalMonth')),
      ),
    ),
  );
}

function drawTrend(
  context: PageContext,
  section: HTMLElement,
  title: string,
  trends: ApiTrends,
  facet: 'topics' | 'frames',
): void {
  const totals = new Map<string, number>();
  for (const bucket of trends.buckets)
    for (const [key, count] of Object.entries(bucket.counts)) totals.set(key, (totals.get(key) ?? 0) + count);
  const keys = [...totals]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_LINES)
    .map(([key]) => key);
  const chart = h('div', { class: 'chart-area' });
  replaceChildren(
    section,
    h('h2', {}, title),
    keys.length === 0 ? h('p', { class: 'muted' }, context.t('noData')) : chart,
  );
  if (keys.length === 0) return;
  const times = trends.buckets.map((bucket) => Date.parse(bucket.start) / 1000);
  const series: ChartSeries[] = keys.map((key) => ({
    label: facetLabel(context, facet, key),
    values: trends.buckets.map((bucket) => bucket.counts[key] ?? 0),
  }));
  lineChart(chart, times, series);
}

function bar(fraction: number): HTMLElement {
  const fill = h('span', { class: 'bar-fill' });
  fill.style.width = `${Math.round(Math.min(1, Math.max(0, fraction)) * 100)}%`;
  return h('span', { class: 'bar' }, fill);
}

function shareTable(context: PageContext, breakdown: ApiBreakdown): HTMLElement {
  const { t, language } = context;
  const total = breakdown.sources.reduce((sum, bucket) => sum + bucket.count, 0);
  return table(
    t('shareOfVoice'),
    'share-of-voice',
    [t('facetSources'), t('articles'), t('share')],
    breakdown.sources.map((bucket) => {
      const share = total === 0 ? 0 : bucket.count / total;
      return [
        facetLabel(context, 'sources', bucket.key),
        formatNumber(bucket.count, language),
        h('span', {}, bar(share), ` ${(share * 100).toFixed(1)} %`),
      ];
    }),
    t('noData'),
  );
}

function organisationTable(context: PageContext, rows: readonly ApiCount[]): HTMLElement {
  const { t, meta, language } = context;
  return table(
    t('organisationsTitle'),
    'organisations',
    [t('name'), t('articles')],
    rows.map((bucket) => {
      const organisation = meta.organisations.find((item) => item.id === bucket.key);
      const member = organisation?.kind === 'coalition-member';
      return [
        h(
          'span',
          {},
          organisation?.name ?? bucket.key,
          member ? h('span', { class: 'chip member' }, t('coalitionMember')) : null,
        ),
        formatNumber(bucket.count, language),
      ];
    }),
    t('noData'),
  );
}

function placeTable(context: PageContext, rows: readonly ApiCount[]): HTMLElement {
  const { t, meta, language } = context;
  return table(
    t('placesTitle'),
    'places',
    [t('name'), t('country'), t('articles')],
    rows.map((bucket) => {
      const place = meta.places.find((item) => item.id === bucket.key);
      return [
        place?.name ?? bucket.key,
        (place?.country ?? '').toUpperCase(),
        formatNumber(bucket.count, language),
      ];
    }),
    t('noData'),
  );
}

function newTermsSection(context: PageContext, terms: ApiNewTerms, termsLanguage: string): HTMLElement[] {
  const { t, url, language } = context;
  const select = h(
    'select',
    {
      id: 'terms-language',
      'aria-label': t('newTermsLanguage'),
      onchange: (event: Event) => {
        const params = new URLSearchParams(url.searchParams);
        params.set('termsLang', (event.target as HTMLSelectElement).value);
        context.navigate(`${url.pathname}?${params}`);
      },
    },
    ...TERM_LANGUAGES.map((code) =>
      h('option', { value: code, selected: code === termsLanguage }, languageName(code, language)),
    ),
  );
  return [
    h('h2', {}, t('newTermsTitle'), ' ', select),
    table(
      '',
      'new-terms-table',
      [t('term'), t('thisWeek'), t('archive')],
      terms.terms.map((term) => [
        term.term,
        formatNumber(term.articles, language),
        formatNumber(term.background, language),
      ]),
      t('noData'),
    ),
  ];
}

type Cell = string | HTMLElement;

function table(
  title: string,
  id: string,
  headings: readonly string[],
  rows: readonly (readonly Cell[])[],
  empty: string,
): HTMLElement {
  return h(
    'section',
    { id, class: 'table-section' },
    title === '' ? null : h('h2', {}, title),
    rows.length === 0
      ? h('p', { class: 'muted' }, empty)
      : h(
          'table',
          {},
          h('thead', {}, h('tr', {}, ...headings.map((heading) => h('th', {}, heading)))),
          h('tbody', {}, ...rows.map((row) => h('tr', {}, ...row.map((cell) => h('td', {}, cell))))),
        ),
  );
}
