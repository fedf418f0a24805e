import { EN_PAGES } from '../content/en-fixture.ts';
import { renderSitemap } from '../feeds.ts';
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
import {
  errorPage,
  type FixtureResponse,
  htmlResponse,
  redirectResponse,
  textResponse,
  xmlResponse,
} from '../responses.ts';

const NAME = 'The Test Herald';

/** Where the redirect chain starts, passes and ends: /old/… -> 301 -> /moved/… -> 302 -> the article. */
export const EN_REDIRECT = {
  start: '/old/2019/11/19/teachers-protest.html',
  middle: '/moved/2019/11/19/teachers-protest.html',
  end: '/2019/11/19/thousands-of-teachers-pack-indiana-statehouse.html',
} as const;

/** Linked from the section page: a page that is gone (404) and one that fails (500). */
export const EN_BROKEN_LINKS = {
  notFound: '/2019/11/21/deleted-story.html',
  serverError: '/2019/11/21/broken-story.html',
} as const;

function layout(title: string, head: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<title>${escapeHtml(title)} — ${NAME}</title>
${head}
</head>
<body>
<header role="banner"><a href="/" rel="home">${NAME}</a> · <a href="/news/">News</a></header>
${body}
<footer role="contentinfo">${NAME} is a test site. Its own articles are fiction.</footer>
</body>
</html>
`;
}

function renderArticle(view: ArticleView): string {
  const { article, page } = view;
  const datetime = page.publishedAt === undefined ? '' : localIso(page.publishedAt, 0);
  const body = `<main id="main"><article>
<header><h1 itemprop="headline">${escapeHtml(article.title)}</h1>
<p class="byline">By ${escapeHtml(article.authors.join(' and '))} · <time datetime="${datetime}">${escapeHtml(article.displayDate)}</time></p>
<p class="standfirst">${escapeHtml(article.lead)}</p></header>
<section class="story-body">
${paragraphsHtml(article)}
</section>
</article></main>`;
  return layout(article.title, articleMetadata(view, NAME, 0), body);
}

interface Listing {
  readonly href: string;
  readonly title: string;
}

function sectionListings(): readonly (readonly Listing[])[] {
  const byPath = (path: string): Listing => {
    const page = EN_PAGES.find((candidate) => candidate.path === path);
    return { href: path, title: page?.title ?? path };
  };
  const onSection = pagesReachedVia(EN_PAGES, 'section').filter((page) => page.isSlow !== true);
  const slow = EN_PAGES.filter((page) => page.isSlow === true).map((page) => byPath(page.path));
  return [
    onSection.map((page) => ({ href: page.path, title: page.title })),
    [
      { href: EN_REDIRECT.start, title: 'Indiana teachers rally at the Statehouse' },
      ...slow,
      { href: EN_BROKEN_LINKS.notFound, title: 'This story has been removed' },
      { href: EN_BROKEN_LINKS.serverError, title: 'A story the server fails to render' },
    ],
  ];
}

function sectionPage(listings: readonly Listing[], index: number, count: number): string {
  const items = listings.map(
    (item) => `<li><h3><a href="${item.href}">${escapeHtml(item.title)}</a></h3></li>`,
  );
  const next =
    index + 1 < count ? `<a class="next" rel="next" href="/news/page/${index + 2}/">Older stories</a>` : '';
  const previous =
    index > 0
      ? `<a class="prev" rel="prev" href="${index === 1 ? '/news/' : `/news/page/${index}/`}">Newer stories</a>`
      : '';
  return layout(
    'News',
    '',
    `<main><h1>News</h1><ol class="stories">\n${items.join('\n')}\n</ol><nav class="pager">${previous} ${next}</nav></main>`,
  );
}

function buildRoutes({ baseUrl, slowMs }: OutletContext): Map<string, FixtureResponse> {
  const lastModified = newestDate(EN_PAGES);
  const routes = articleRoutes(EN_PAGES, baseUrl, renderArticle, slowMs);
  const home = pagesReachedVia(EN_PAGES, 'home')
    .map((page) => `<div class="promo"><a href="${page.path}">${escapeHtml(page.title)}</a></div>`)
    .join('\n');
  routes.set(
    '/',
    htmlResponse(
      layout('Home', '', `<main><h1>Top stories</h1>\n${home}\n<a href="/news/">More news</a></main>`),
      lastModified,
    ),
  );
  const listings = sectionListings();
  listings.forEach((items, index) => {
    const response = htmlResponse(sectionPage(items, index, listings.length), lastModified);
    routes.set(index === 0 ? '/news/' : `/news/page/${index + 1}/`, response);
  });
  routes.set(EN_REDIRECT.start, redirectResponse(301, EN_REDIRECT.middle));
  routes.set(EN_REDIRECT.middle, redirectResponse(302, `${baseUrl}${EN_REDIRECT.end}`));
  routes.set(EN_BROKEN_LINKS.serverError, errorPage(500, 'Internal Server Error'));
  const sitemap = pagesReachedVia(EN_PAGES, 'sitemap').map((page) => ({
    loc: `${baseUrl}${page.path}`,
    lastmod: page.publishedAt ?? lastModified,
  }));
  routes.set('/sitemap.xml', xmlResponse(renderSitemap(sitemap), 'application/xml', lastModified));
  routes.set(
    '/robots.txt',
    textResponse(
      `# The Test Herald\nUser-agent: *\nDisallow: /private/\n\nUser-agent: BadBot\nDisallow: /\n\nSitemap: ${baseUrl}/sitemap.xml\n`,
    ),
  );
  return routes;
}

/** The Test Herald: English, real pages, a paginated section, robots-disallowed, redirected, broken and slow links. */
export const EN_OUTLET: OutletDefinition = {
  id: 'en-fixture',
  name: NAME,
  languages: ['en'],
  portOffset: 2,
  pages: EN_PAGES,
  listings: {
    home: '/',
    sectionPages: ['/news/', '/news/page/2/'],
    feeds: [],
    sitemaps: ['/sitemap.xml'],
    sitemapIndexes: [],
  },
  buildRoutes,
};
