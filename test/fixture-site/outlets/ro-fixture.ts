import { RO_PAGES } from '../content/ro-fixture.ts';
import { type FeedItem, renderRss, renderSitemap, rfc822 } from '../feeds.ts';
import {
  type ArticleView,
  articleMetadata,
  articleRoutes,
  escapeHtml,
  localIso,
  newestDate,
  pagesReachedVia,
  paragraphsHtml,
} from '../html-parts.ts';
import type { OutletContext, OutletDefinition } from '../outlet.ts';
import { type FixtureResponse, htmlResponse, textResponse, xmlResponse } from '../responses.ts';
import type { FixturePage } from '../types.ts';

const NAME = 'Gazeta de Test';
/** Europe/Bucharest in March 2024 (before the switch to summer time on 31 March). */
const OFFSET_HOURS = 2;
const SECTION_PAGE_SIZE = 4;

/** Feed quirks, on purpose: a relative link, an invalid date, a duplicated item. */
const RELATIVE_LINK_PATH = '/stiri/social/raport-cnrr-integrarea-refugiatilor-1004.html';
const INVALID_DATE_PATH = '/stiri/meteo/cod-galben-vant-puternic-vestul-tarii-1008.html';
const DUPLICATED_PATH = '/stiri/social/solicitanti-de-azil-centrul-timisoara-1001.html';

function layout(title: string, head: string, main: string): string {
  return `<!DOCTYPE html>
<html lang="ro">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} | ${NAME}</title>
<link rel="alternate" type="application/rss+xml" title="${NAME}" href="/rss.xml">
${head}
</head>
<body>
<header class="antet"><a class="sigla" href="/">${NAME}</a>
<nav><a href="/stiri/">Știri</a> <a href="/cautare?q=">Căutare</a> <a href="/admin/">Redacție</a></nav></header>
<main>
${main}
</main>
<footer><p>© 2024 ${NAME}. Toate drepturile rezervate. Publicație de test, cu articole fictive.</p></footer>
</body>
</html>
`;
}

function teaser(page: FixturePage): string {
  const article = 'written' in page.content ? page.content.written : undefined;
  return `<div class="stire"><h2><a href="${page.path}">${escapeHtml(page.title)}</a></h2>${
    article === undefined ? '' : `<p>${escapeHtml(article.lead)}</p>`
  }</div>`;
}

function renderArticle(view: ArticleView): string {
  const { article, page } = view;
  const datetime = page.publishedAt === undefined ? '' : localIso(page.publishedAt, OFFSET_HOURS);
  const related = RO_PAGES.filter((other) => other.path !== page.path)
    .slice(0, 3)
    .map((other) => `<li><a href="${other.path}">${escapeHtml(other.title)}</a></li>`)
    .join('');
  const main = `<article class="articol">
<p class="rubrica">${escapeHtml(article.section)}</p>
<h1>${escapeHtml(article.title)}</h1>
<div class="meta">de <span class="autor">${escapeHtml(article.authors.join(', '))}</span> | <time datetime="${datetime}">${escapeHtml(article.displayDate)}</time></div>
<p class="sapou"><strong>${escapeHtml(article.lead)}</strong></p>
<div class="continut">
${paragraphsHtml(article)}
</div>
</article>
<aside><h3>Citește și</h3><ul>${related}</ul></aside>`;
  return layout(article.title, articleMetadata(view, NAME, OFFSET_HOURS), main);
}

function sectionPages(pages: readonly FixturePage[], lastModified: string): Map<string, FixtureResponse> {
  const listed = pagesReachedVia(pages, 'section');
  const count = Math.ceil(listed.length / SECTION_PAGE_SIZE);
  const routes = new Map<string, FixtureResponse>();
  for (let index = 0; index < count; index++) {
    const items = listed.slice(index * SECTION_PAGE_SIZE, (index + 1) * SECTION_PAGE_SIZE);
    const next =
      index + 1 < count
        ? `<a class="pagina-urmatoare" rel="next" href="/stiri/?page=${index + 2}">Pagina următoare »</a>`
        : '';
    const main = `<h1>Știri</h1>\n${items.map(teaser).join('\n')}\n<nav class="paginare">Pagina ${index + 1} din ${count} ${next}</nav>`;
    const html = layout(index === 0 ? 'Știri' : `Știri, pagina ${index + 1}`, '', main);
    const response = htmlResponse(html, lastModified);
    if (index === 0) routes.set('/stiri/', response);
    routes.set(`/stiri/?page=${index + 1}`, response);
  }
  return routes;
}

function feedItems(pages: readonly FixturePage[], baseUrl: string): FeedItem[] {
  const items = pagesReachedVia(pages, 'feed').map((page) => ({
    title: page.title,
    link: page.path === RELATIVE_LINK_PATH ? page.path : `${baseUrl}${page.path}`,
    date:
      page.path === INVALID_DATE_PATH
        ? 'sâmbătă, 16 martie 2024'
        : rfc822(page.publishedAt ?? '2024-01-01T00:00:00Z'),
    summary: 'written' in page.content ? page.content.written.lead : page.title,
  }));
  const duplicate = items.find((item) => item.link.endsWith(DUPLICATED_PATH));
  return duplicate === undefined ? items : [...items, duplicate];
}

function buildRoutes({ baseUrl, slowMs }: OutletContext): Map<string, FixtureResponse> {
  const lastModified = newestDate(RO_PAGES);
  const routes = articleRoutes(RO_PAGES, baseUrl, renderArticle, slowMs);
  const home = layout(
    'Acasă',
    '<meta property="og:type" content="website">',
    `<h1>Ultimele știri</h1>\n${pagesReachedVia(RO_PAGES, 'home').map(teaser).join('\n')}\n<p><a href="/stiri/">Toate știrile</a></p>`,
  );
  routes.set('/', htmlResponse(home, lastModified));
  for (const [key, response] of sectionPages(RO_PAGES, lastModified)) routes.set(key, response);
  const channel = {
    title: NAME,
    link: `${baseUrl}/`,
    selfUrl: `${baseUrl}/rss.xml`,
    description: 'Știri din România, publicație de test',
    language: 'ro',
    updated: lastModified,
  };
  routes.set(
    '/rss.xml',
    xmlResponse(renderRss(channel, feedItems(RO_PAGES, baseUrl)), 'application/rss+xml', lastModified),
  );
  const sitemap = pagesReachedVia(RO_PAGES, 'sitemap').map((page) => ({
    loc: `${baseUrl}${page.path}`,
    lastmod: page.publishedAt ?? lastModified,
  }));
  routes.set('/sitemap.xml', xmlResponse(renderSitemap(sitemap), 'application/xml', lastModified));
  routes.set(
    '/robots.txt',
    textResponse(`User-agent: *\nDisallow: /admin/\nDisallow: /cautare\n\nSitemap: ${baseUrl}/sitemap.xml\n`),
  );
  return routes;
}

/** The archive search robots.txt allows (the `/cautare` search it disallows is the other one). */
export const RO_SEARCH = { path: '/arhiva', param: 'q' } as const;

/** Folds case and diacritics (cedilla and comma-below alike) for the archive search. */
function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Mn}/gu, '')
    .toLowerCase();
}

/**
 * The archive search: articles whose title, lead or text contain every word of
 * the query as the start of a word, ignoring case and diacritics.
 */
function answerSearch(query: string): FixtureResponse {
  const words = fold(query)
    .split(/\s+/)
    .filter((word) => word !== '');
  const hits =
    words.length === 0
      ? []
      : RO_PAGES.filter((page) => {
          const text =
            'written' in page.content
              ? [page.title, page.content.written.lead, ...page.content.written.paragraphs].join(' ')
              : page.title;
          const tokens = fold(text).split(/[^\p{L}\p{N}]+/u);
          return words.every((word) => tokens.some((token) => token.startsWith(word)));
        });
  const list = hits.map((page) => `<li><a href="${page.path}">${escapeHtml(page.title)}</a></li>`).join('\n');
  return htmlResponse(
    layout(
      'Căutare în arhivă',
      '',
      `<h1>Rezultate pentru „${escapeHtml(query)}”</h1>\n<ul class="rezultate">\n${list}\n</ul>`,
    ),
    newestDate(RO_PAGES),
  );
}

/** Gazeta de Test: Romanian, RSS 2.0 with quirks, a paginated section, a sitemap, an archive search. */
export const RO_OUTLET: OutletDefinition = {
  id: 'ro-fixture',
  name: NAME,
  languages: ['ro'],
  portOffset: 0,
  pages: RO_PAGES,
  listings: {
    home: '/',
    sectionPages: Array.from(
      { length: Math.ceil(pagesReachedVia(RO_PAGES, 'section').length / SECTION_PAGE_SIZE) },
      (_, index) => (index === 0 ? '/stiri/' : `/stiri/?page=${index + 1}`),
    ),
    feeds: ['/rss.xml'],
    sitemaps: ['/sitemap.xml'],
    sitemapIndexes: [],
    search: RO_SEARCH,
  },
  buildRoutes,
  answerSearch,
};
