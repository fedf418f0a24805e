import { RU_UK_PAGES } from '../content/ru-uk-fixture.ts';
import { renderRss, rfc822 } from '../feeds.ts';
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
import { type FixtureResponse, htmlResponse, jsonResponse, textResponse, xmlResponse } from '../responses.ts';

const NAME = 'Вісник Тест';
/** Europe/Kyiv in May (summer time). */
const OFFSET_HOURS = 3;

/** The section that only JavaScript fills, and the JSON its script reads. */
export const RU_UK_JS_SECTION = { page: '/uk/live/', api: '/api/latest.json' } as const;

function layout(lang: string, title: string, head: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — ${NAME}</title>
<link rel="alternate" type="application/rss+xml" href="/rss.xml">
${head}
</head>
<body>
<div class="site-header"><a href="/">${NAME}</a> | <a href="/uk/live/">Стрічка новин</a> | <a href="/search/">Пошук</a></div>
${body}
<div class="site-footer">Тестове видання. Статті вигадані.</div>
</body>
</html>
`;
}

function renderArticle(view: ArticleView): string {
  const { article, page } = view;
  const datetime = page.publishedAt === undefined ? '' : localIso(page.publishedAt, OFFSET_HOURS);
  const body = `<div class="post">
<div class="post__rubric">${escapeHtml(article.section)}</div>
<h1 class="post__title">${escapeHtml(article.title)}</h1>
<div class="post__meta"><span class="post__author">${escapeHtml(article.authors.join(', '))}</span>, <time class="post__time" datetime="${datetime}">${escapeHtml(article.displayDate)}</time></div>
<div class="post__lead"><b>${escapeHtml(article.lead)}</b></div>
<div class="post__text">
${paragraphsHtml(article)}
</div>
</div>`;
  return layout(page.language, article.title, articleMetadata(view, NAME, OFFSET_HOURS), body);
}

/**
 * The JavaScript-only section: an empty shell whose script fetches the JSON and
 * inserts the links, so only a browser (not an HTML parser) finds them.
 */
function jsSectionShell(): string {
  const script = `(function () {
  var list = document.getElementById('live-list');
  fetch('${RU_UK_JS_SECTION.api}')
    .then(function (response) { return response.json(); })
    .then(function (data) {
      data.items.forEach(function (item) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = item.path;
        a.textContent = item.title;
        li.appendChild(a);
        list.appendChild(li);
      });
    });
})();`;
  return layout(
    'uk',
    'Стрічка новин',
    '',
    `<h1>Стрічка новин</h1>\n<ul id="live-list" class="live"></ul>\n<noscript>Увімкніть JavaScript, щоб побачити стрічку.</noscript>\n<script>${script}</script>`,
  );
}

function buildRoutes({ baseUrl, slowMs }: OutletContext): Map<string, FixtureResponse> {
  const lastModified = newestDate(RU_UK_PAGES);
  const routes = articleRoutes(RU_UK_PAGES, baseUrl, renderArticle, slowMs);
  const home = pagesReachedVia(RU_UK_PAGES, 'home')
    .map((page) => `<li lang="${page.language}"><a href="${page.path}">${escapeHtml(page.title)}</a></li>`)
    .join('\n');
  routes.set(
    '/',
    htmlResponse(
      layout('uk', 'Головна', '', `<h1>Головне</h1>\n<ul class="news">\n${home}\n</ul>`),
      lastModified,
    ),
  );
  routes.set(RU_UK_JS_SECTION.page, htmlResponse(jsSectionShell(), lastModified));
  const live = pagesReachedVia(RU_UK_PAGES, 'js-section').map((page) => ({
    title: page.title,
    path: page.path,
    publishedAt: page.publishedAt,
  }));
  routes.set(RU_UK_JS_SECTION.api, jsonResponse({ items: live }, lastModified));
  const channel = {
    title: NAME,
    link: `${baseUrl}/`,
    selfUrl: `${baseUrl}/rss.xml`,
    description: 'Новини українською та російською, тестове видання',
    language: 'uk',
    updated: lastModified,
  };
  const items = pagesReachedVia(RU_UK_PAGES, 'feed').map((page) => ({
    title: page.title,
    link: `${baseUrl}${page.path}`,
    date: rfc822(page.publishedAt ?? lastModified),
    summary: 'written' in page.content ? page.content.written.lead : page.title,
  }));
  routes.set('/rss.xml', xmlResponse(renderRss(channel, items), 'application/rss+xml', lastModified));
  routes.set('/robots.txt', textResponse('User-agent: *\nDisallow: /search/\nDisallow: /*?print=1\n'));
  return routes;
}

/** Вісник Тест: Russian in windows-1251, Ukrainian in UTF-8, RSS, a section built only by JavaScript. */
export const RU_UK_OUTLET: OutletDefinition = {
  id: 'ru-uk-fixture',
  name: NAME,
  languages: ['ru', 'uk'],
  portOffset: 3,
  pages: RU_UK_PAGES,
  listings: {
    home: '/',
    sectionPages: [],
    feeds: ['/rss.xml'],
    sitemaps: [],
    sitemapIndexes: [],
    jsSection: RU_UK_JS_SECTION,
  },
  buildRoutes,
};
