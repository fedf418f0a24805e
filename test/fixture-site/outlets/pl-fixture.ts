import { PL_PAGES } from '../content/pl-fixture.ts';
import { renderAtom, renderNewsSitemap, renderSitemapIndex } from '../feeds.ts';
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

const NAME = 'Kurier Testowy';
/** Europe/Warsaw in May 2024 (summer time). */
const OFFSET_HOURS = 2;

function layout(title: string, head: string, body: string): string {
  return `<!doctype html>
<html lang="pl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} - ${NAME}</title>
<link rel="alternate" type="application/atom+xml" href="/atom.xml">
${head}
</head>
<body class="kt">
<div id="top"><a href="/" class="logo">${NAME}</a>
<ul class="menu"><li><a href="/wiadomosci/">Wiadomości</a></li><li><a href="/szukaj?q=">Szukaj</a></li></ul></div>
<div id="content">
${body}
</div>
<div id="stopka">Kurier Testowy — serwis testowy z fikcyjnymi artykułami.</div>
</body>
</html>
`;
}

function listItem(page: FixturePage): string {
  return `<li class="news-item"><a class="news-link" href="${page.path}">${escapeHtml(page.title)}</a></li>`;
}

function renderArticle(view: ArticleView): string {
  const { article, page } = view;
  const datetime = page.publishedAt === undefined ? '' : localIso(page.publishedAt, OFFSET_HOURS);
  const body = `<div class="art">
<div class="art-head">
<span class="kategoria">${escapeHtml(article.section)}</span>
<h1 class="art-title">${escapeHtml(article.title)}</h1>
<div class="art-info"><span class="autor">${escapeHtml(article.authors.join(', '))}</span>
<span class="data" data-time="${datetime}">${escapeHtml(article.displayDate)}</span></div>
</div>
<div class="art-lead">${escapeHtml(article.lead)}</div>
<div class="art-body">
${paragraphsHtml(article)}
</div>
<div class="share">Udostępnij: <a href="#">Facebook</a> <a href="#">X</a></div>
</div>`;
  return layout(article.title, articleMetadata(view, NAME, OFFSET_HOURS), body);
}

function buildRoutes({ baseUrl, slowMs }: OutletContext): Map<string, FixtureResponse> {
  const lastModified = newestDate(PL_PAGES);
  const routes = articleRoutes(PL_PAGES, baseUrl, renderArticle, slowMs);
  const list = (via: 'home' | 'section'): string =>
    `<ul class="news-list">\n${pagesReachedVia(PL_PAGES, via).map(listItem).join('\n')}\n</ul>`;
  routes.set(
    '/',
    htmlResponse(layout('Strona główna', '', `<h2>Najnowsze</h2>\n${list('home')}`), lastModified),
  );
  routes.set(
    '/wiadomosci/',
    htmlResponse(layout('Wiadomości', '', `<h1>Wiadomości</h1>\n${list('section')}`), lastModified),
  );
  const channel = {
    title: NAME,
    link: `${baseUrl}/`,
    selfUrl: `${baseUrl}/atom.xml`,
    description: 'Wiadomości z Polski i ze świata, serwis testowy',
    language: 'pl',
    updated: lastModified,
  };
  const entries = pagesReachedVia(PL_PAGES, 'feed').map((page) => ({
    title: page.title,
    link: `${baseUrl}${page.path}`,
    date: page.publishedAt ?? lastModified,
    summary: 'written' in page.content ? page.content.written.lead : page.title,
  }));
  routes.set('/atom.xml', xmlResponse(renderAtom(channel, entries), 'application/atom+xml', lastModified));
  const news = pagesReachedVia(PL_PAGES, 'sitemap').map((page) => ({
    loc: `${baseUrl}${page.path}`,
    title: page.title,
    publishedAt: page.publishedAt ?? lastModified,
    publicationName: NAME,
    language: 'pl',
  }));
  routes.set('/sitemap-news.xml', xmlResponse(renderNewsSitemap(news), 'application/xml', lastModified));
  routes.set(
    '/sitemap_index.xml',
    xmlResponse(
      renderSitemapIndex([{ loc: `${baseUrl}/sitemap-news.xml`, lastmod: lastModified }]),
      'application/xml',
      lastModified,
    ),
  );
  routes.set(
    '/robots.txt',
    textResponse(`User-agent: *\nDisallow: /szukaj\nAllow: /\n\nSitemap: ${baseUrl}/sitemap_index.xml\n`),
  );
  return routes;
}

/** Kurier Testowy: Polish, Atom feed, Google News sitemap behind a sitemap index, legacy encodings. */
export const PL_OUTLET: OutletDefinition = {
  id: 'pl-fixture',
  name: NAME,
  languages: ['pl'],
  portOffset: 1,
  pages: PL_PAGES,
  listings: {
    home: '/',
    sectionPages: ['/wiadomosci/'],
    feeds: ['/atom.xml'],
    sitemaps: ['/sitemap-news.xml'],
    sitemapIndexes: ['/sitemap_index.xml'],
  },
  buildRoutes,
};
