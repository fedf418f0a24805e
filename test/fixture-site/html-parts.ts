import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type FixtureResponse, htmlResponse } from './responses.ts';
import type { FixturePage, WrittenArticle } from './types.ts';

const PAGES_DIR = path.join(import.meta.dirname, 'pages');

/** What an outlet's layout needs to render a written article. */
export interface ArticleView {
  readonly page: FixturePage;
  readonly article: WrittenArticle;
  /** Absolute URL of the page. */
  readonly url: string;
}

/** Renders a written article in one outlet's own layout. */
export type RenderArticle = (view: ArticleView) => string;

/** Escapes text for HTML element content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');
}

/** Publication time in the outlet's local offset, e.g. `2024-03-12T14:05:00+02:00`. */
export function localIso(utcIso: string, offsetHours: number): string {
  const local = new Date(Date.parse(utcIso) + offsetHours * 3_600_000).toISOString().slice(0, 19);
  const sign = offsetHours >= 0 ? '+' : '-';
  return `${local}${sign}${String(Math.abs(offsetHours)).padStart(2, '0')}:00`;
}

/**
 * The `<head>` metadata of a written article as its metadata mode says:
 * JSON-LD NewsArticle and OpenGraph, OpenGraph only, or nothing.
 */
export function articleMetadata(view: ArticleView, siteName: string, offsetHours: number): string {
  const { article, page, url } = view;
  if (article.metadata === 'time-only') return '';
  const published = page.publishedAt === undefined ? undefined : localIso(page.publishedAt, offsetHours);
  const og = [
    `<meta property="og:type" content="article">`,
    `<meta property="og:site_name" content="${escapeHtml(siteName)}">`,
    `<meta property="og:title" content="${escapeHtml(article.title)}">`,
    `<meta property="og:description" content="${escapeHtml(article.lead)}">`,
    `<meta property="og:url" content="${escapeHtml(url)}">`,
    ...(published === undefined ? [] : [`<meta property="article:published_time" content="${published}">`]),
    `<meta property="article:section" content="${escapeHtml(article.section)}">`,
  ];
  if (article.metadata === 'og-only') return og.join('\n');
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.lead,
    inLanguage: page.language,
    datePublished: published,
    author: article.authors.map((name) => ({ '@type': 'Person', name })),
    publisher: { '@type': 'Organization', name: siteName },
    mainEntityOfPage: url,
    articleSection: article.section,
  };
  return `${og.join('\n')}\n<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>`;
}

/** The page's article paragraphs as `<p>` elements. */
export function paragraphsHtml(article: WrittenArticle): string {
  return article.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join('\n');
}

/** Reads a copied real page (stored as UTF-8 under pages/). */
export function readRealPage(file: string): string {
  return readFileSync(path.join(PAGES_DIR, file), 'utf8');
}

/** The route table entries of an outlet's article pages. */
export function articleRoutes(
  pages: readonly FixturePage[],
  baseUrl: string,
  render: RenderArticle,
  slowMs: number,
): Map<string, FixtureResponse> {
  const routes = new Map<string, FixtureResponse>();
  for (const page of pages) {
    const html =
      'written' in page.content
        ? render({ page, article: page.content.written, url: new URL(page.path, baseUrl).href })
        : readRealPage(page.content.file);
    const response = htmlResponse(
      html,
      page.publishedAt ?? '2024-01-01T00:00:00Z',
      page.encoding,
      page.charsetDeclaredIn,
    );
    routes.set(page.path, page.isSlow === true ? { ...response, delayMs: slowMs } : response);
  }
  return routes;
}

/** The newest publication time among pages (the Last-Modified of listings). */
export function newestDate(pages: readonly FixturePage[]): string {
  const times = pages.flatMap((page) =>
    page.publishedAt === undefined ? [] : [Date.parse(page.publishedAt)],
  );
  return new Date(Math.max(0, ...times)).toISOString();
}

/** Pages listed in one kind of place, newest first. */
export function pagesReachedVia(
  pages: readonly FixturePage[],
  via: FixturePage['reachedVia'][number],
): FixturePage[] {
  return pages
    .filter((page) => page.reachedVia.includes(via))
    .sort((a, b) => Date.parse(b.publishedAt ?? '0') - Date.parse(a.publishedAt ?? '0'));
}
