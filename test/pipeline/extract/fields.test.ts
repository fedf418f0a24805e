import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { cleanAuthors, extractArticle, removeSiteName } from '../../../pipeline/extract/index.ts';

const body = Array.from(
  { length: 5 },
  (_, i) =>
    `<p>Paragraph ${i}: the council discussed housing for refugees, the budget, and the schools, at length.</p>`,
).join('');

function extract(
  head: string,
  article = `<article><h1>Visible headline</h1>${body}</article>`,
  fetchedAt = '2024-03-13T10:00:00.000Z',
) {
  const page: FetchedPage = {
    sourceId: 'test',
    url: 'https://www.news.example/a/1',
    finalUrl: 'https://www.news.example/a/1?ref=rss',
    status: 200,
    headers: { 'content-type': 'text/html' },
    html: `<html lang="EN-gb"><head>${head}</head><body>${article}</body></html>`,
    fetchedAt,
  };
  const result = extractArticle(page, { timeZone: 'Europe/Bucharest' });
  if (!result.ok) throw new Error(`not extracted: ${result.reason} ${result.detail}`);
  return result.article;
}

describe('cleanAuthors', () => {
  it('strips byline prefixes, splits lists in five languages, drops URLs and duplicates', () => {
    expect(cleanAuthors(['By Jane Doe and John Smith'])).toEqual(['Jane Doe', 'John Smith']);
    expect(cleanAuthors(['de Ana Popescu și Mihai Ionescu'])).toEqual(['Ana Popescu', 'Mihai Ionescu']);
    expect(cleanAuthors(['Autor: Jan Kowalski i Anna Nowak'])).toEqual(['Jan Kowalski', 'Anna Nowak']);
    expect(cleanAuthors(['Автор: Иван Петров и Ольга Иванова', 'Фото: Олег Сидоров'])).toEqual([
      'Иван Петров',
      'Ольга Иванова',
      'Олег Сидоров',
    ]);
    expect(
      cleanAuthors(['https://news.example/authors/jane', 'Jane Doe', 'jane doe', 'Jane Doe, 12.03.2024']),
    ).toEqual(['Jane Doe']);
  });
});

describe('removeSiteName', () => {
  it('removes the site name after or before a separator, and nothing else', () => {
    expect(removeSiteName('Refugees find homes - Ziarul Local', ['Ziarul Local'])).toBe(
      'Refugees find homes',
    );
    expect(removeSiteName('Digi24 | Refugees find homes', ['digi24'])).toBe('Refugees find homes');
    expect(removeSiteName('Brexit - what happens next', ['Ziarul Local'])).toBe('Brexit - what happens next');
  });
});

describe('extractArticle metadata', () => {
  it('prefers JSON-LD over OpenGraph over meta tags, reading inside @graph and tolerating broken blocks', () => {
    const head = `
      <script type="application/ld+json">{ "@type": "NewsArticle", "headline": broken }</script>
      <script type="application/ld+json">{"@graph":[{"@type":"WebPage"},{"@type":"ReportageNewsArticle","headline":"From JSON-LD",
        "datePublished":"2024-03-12T10:00:00Z","author":[{"@type":"Person","name":"Ana Popescu"},{"@type":"Organization","name":"Agerpres"}]}]}</script>
      <meta property="og:title" content="From OpenGraph">
      <meta property="article:published_time" content="2024-03-01T10:00:00Z">
      <meta name="author" content="Someone Else">`;
    const article = extract(head);
    expect(article.title).toBe('From JSON-LD');
    expect(article.publishedAt).toBe('2024-03-12T10:00:00.000Z');
    expect(article.authors).toEqual(['Ana Popescu', 'Agerpres']);
  });

  it('falls back to meta tags, then to the h1, and resolves the canonical URL against the final URL', () => {
    const head = `<meta name="parsely-pub-date" content="2024-03-12"><meta name="parsely-author" content="By Jane Doe">
      <link rel="canonical" href="/a/1"><meta name="keywords" content="refugees, housing">`;
    const article = extract(head);
    expect(article.title).toBe('Visible headline');
    expect(article.publishedAt).toBe('2024-03-11T22:00:00.000Z');
    expect(article.authors).toEqual(['Jane Doe']);
    expect(article.canonicalUrl).toBe('https://www.news.example/a/1');
    expect(article.keywords).toEqual(['refugees', 'housing']);
    expect(article.declaredLanguage).toBe('en-gb');
  });

  it('never takes the modified date for the published one, and drops dates after the fetch', () => {
    const head = `<meta property="article:modified_time" content="2024-03-12T10:00:00Z">
      <meta property="article:published_time" content="2024-03-20T10:00:00Z">`;
    const article = extract(head);
    expect(article.modifiedAt).toBe('2024-03-12T10:00:00.000Z');
    expect(article.publishedAt).toBeNull();
  });

  it('reads a printed day and month without a year in the fetch year, only when no full date is printed', () => {
    const yearless = extract(
      '',
      `<article><h1>Headline</h1><span class="post-date">30 decembrie, 23:10</span>${body}</article>`,
    );
    expect(yearless.publishedAt).toBe('2023-12-30T21:10:00.000Z'); // fetched 13 March 2024: last December
    const archive = extract(
      '',
      `<aside><span class="date">12 martie, 09:00</span></aside>
       <article><h1>Headline</h1><span class="post-date">3 iulie 2019, 14:05</span>${body}</article>`,
    );
    expect(archive.publishedAt).toBe('2019-07-03T11:05:00.000Z');
    const updated = extract(
      '',
      `<article><h1>Headline</h1><span class="post-date">Actualizat: 12 martie, 09:00</span>${body}</article>`,
    );
    expect(updated.modifiedAt).toBeNull();
    const clockOnly = extract(
      '',
      `<aside><time>11:05</time></aside>
       <article><h1>Headline</h1><span class="post-date">3 iulie 2019, 14:05</span>${body}</article>`,
    );
    expect(clockOnly.publishedAt).toBe('2019-07-03T11:05:00.000Z');
    const today = extract('', `<article><h1>Headline</h1><time>11:05</time>${body}</article>`);
    expect(today.publishedAt).toBe('2024-03-13T09:05:00.000Z');
  });

  it('reads microdata and <time datetime> when there is nothing else', () => {
    const article = extract(
      '',
      `<article><h1 itemprop="headline">Microdata headline</h1><span itemprop="author">Ion Pop</span>
       <time datetime="2024-03-12T08:00:00+02:00">12 martie</time>${body}</article>`,
    );
    expect(article.title).toBe('Microdata headline');
    expect(article.authors).toEqual(['Ion Pop']);
    expect(article.publishedAt).toBe('2024-03-12T06:00:00.000Z');
  });

  it('lets per-site overrides replace only the fields they name', () => {
    const page: FetchedPage = {
      sourceId: 'test',
      url: 'https://news.example/a/1',
      finalUrl: 'https://news.example/a/1',
      status: 200,
      headers: { 'content-type': 'text/html' },
      html: `<html><head><meta property="og:title" content="OG title"></head><body>
        <div class="odd-wrapper"><p class="promo-text">Keep this promo paragraph.</p>${body}</div>
        <div class="x-junk">${body.replaceAll('Paragraph', 'Junk')}</div></body></html>`,
      fetchedAt: '2024-03-13T10:00:00.000Z',
    };
    const result = extractArticle(page, {
      overrides: { since: '2024-01-01', body: '.odd-wrapper', remove: ['.x-junk'] },
    });
    expect(result.ok && result.article.title).toBe('OG title');
    expect(result.ok && result.article.body).toContain('Keep this promo paragraph.');
    expect(result.ok && result.article.body).not.toContain('Junk');
  });
});
