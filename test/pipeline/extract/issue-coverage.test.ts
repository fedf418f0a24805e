import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { extractArticle, parseRelativeDate, parseTextDate } from '../../../pipeline/extract/index.ts';

const paragraphs = (count: number, word = 'Paragraph'): string =>
  Array.from(
    { length: count },
    (_, i) =>
      `<p>${word} ${i}: the council discussed housing for refugees, the budget, and the schools, at length and in detail.</p>`,
  ).join('');

function page(html: string, url = 'https://www.news.example/a/1'): FetchedPage {
  return {
    sourceId: 'test',
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html' },
    html,
    fetchedAt: '2024-03-13T10:00:00.000Z',
  };
}

function extracted(html: string, url?: string) {
  const result = extractArticle(page(html, url), { timeZone: 'Europe/Warsaw' });
  if (!result.ok) throw new Error(`not extracted: ${result.reason} ${result.detail}`);
  return result.article;
}

describe('metadata the issue names', () => {
  it('reads a plain JSON-LD Article with its section and publisher keywords', () => {
    const head = `<script type="application/ld+json">{"@context":"https://schema.org","@type":"Article","headline":"Plain article",
      "datePublished":"2024-03-12T09:00:00+01:00","articleSection":"Societate","keywords":"migrație, azil"}</script>`;
    const article = extracted(
      `<html><head>${head}</head><body><article>${paragraphs(4)}</article></body></html>`,
    );
    expect(article.title).toBe('Plain article');
    expect(article.publishedAt).toBe('2024-03-12T08:00:00.000Z');
    expect(article.section).toBe('Societate');
    expect(article.keywords).toEqual(['migrație', 'azil']);
  });

  it('reads dc.date, article:section and news_keywords from meta tags, dates without offset in the source time zone', () => {
    const head = `<meta name="dc.date" content="2024-03-12T09:30"><meta property="article:section" content="Kraj">
      <meta name="news_keywords" content="uchodźcy,granica">`;
    const article = extracted(
      `<html><head>${head}</head><body><article>${paragraphs(4)}</article></body></html>`,
    );
    expect(article.publishedAt).toBe('2024-03-12T08:30:00.000Z');
    expect(article.section).toBe('Kraj');
    expect(article.keywords).toEqual(['uchodźcy', 'granica']);
  });
});

describe('dates in de and hu, and relative dates in every language', () => {
  it('reads German and Hungarian printed dates', () => {
    expect(parseTextDate('21. Dezember 2013 um 14:05 Uhr', 'Europe/Berlin')).toBe('2013-12-21T13:05:00.000Z');
    expect(parseTextDate('Veröffentlicht am 3. März 2024', 'UTC')).toBe('2024-03-03T00:00:00.000Z');
    expect(parseTextDate('2024. március 12. 14:05', 'Europe/Budapest')).toBe('2024-03-12T13:05:00.000Z');
    expect(parseTextDate('Frissítve: 2023. okt. 5.', 'UTC')).toBe('2023-10-05T00:00:00.000Z');
  });

  it('adds up several quantities and reads German and Hungarian relative dates', () => {
    const fetchedAt = '2024-03-13T10:00:00.000Z';
    expect(parseRelativeDate('vor 3 Stunden', fetchedAt, 'UTC')).toBe('2024-03-13T07:00:00.000Z');
    expect(parseRelativeDate('vor einer Stunde', fetchedAt, 'UTC')).toBe('2024-03-13T09:00:00.000Z');
    expect(parseRelativeDate('2 órája', fetchedAt, 'UTC')).toBe('2024-03-13T08:00:00.000Z');
    expect(parseRelativeDate('1 godz. 20 min temu', fetchedAt, 'UTC')).toBe('2024-03-13T08:40:00.000Z');
    expect(parseRelativeDate('acum o oră', fetchedAt, 'UTC')).toBe('2024-03-13T09:00:00.000Z');
    expect(parseRelativeDate('acum un an', fetchedAt, 'UTC')).toBe('2023-03-13T10:00:00.000Z');
    expect(parseRelativeDate('an hour ago', fetchedAt, 'UTC')).toBe('2024-03-13T09:00:00.000Z');
    expect(parseRelativeDate('2 тижні тому', fetchedAt, 'UTC')).toBe('2024-02-28T10:00:00.000Z');
    expect(parseRelativeDate('gestern, 14:05', fetchedAt, 'Europe/Berlin')).toBe('2024-03-12T13:05:00.000Z');
    expect(parseRelativeDate('tegnap 08:00', fetchedAt, 'Europe/Budapest')).toBe('2024-03-12T07:00:00.000Z');
  });

  it('does not read a bare quantity without an "ago" word as a date', () => {
    expect(parseRelativeDate('3 hours of talks', '2024-03-13T10:00:00.000Z', 'UTC')).toBeNull();
  });
});

describe('non-article pages name their reason', () => {
  it('says video-only for a video page without text', () => {
    const html =
      '<html><head><meta property="og:type" content="video.other"></head><body><video src="/v.mp4"></video><p>Watch.</p></body></html>';
    expect(extractArticle(page(html))).toMatchObject({ ok: false, reason: 'video-only' });
  });

  it('says paywall-stub for a teaser of an article that is not free to read', () => {
    const head =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Locked","isAccessibleForFree":false}</script>';
    const html = `<html><head>${head}</head><body><article><p>Only subscribers can read on.</p></article></body></html>`;
    expect(extractArticle(page(html))).toMatchObject({ ok: false, reason: 'paywall-stub' });
  });
});

describe('main text', () => {
  it('keeps article text that the page hides until a paywall script reveals it', () => {
    const html = `<html><body><article><p>Lead paragraph of the story, visible to everyone who opens the page today.</p>
      <div class="paywall" hidden>${paragraphs(4, 'Hidden')}</div></article></body></html>`;
    expect(extracted(html).body).toContain('Hidden 3:');
  });

  it('reads an article cut into chunks that repeat the body container', () => {
    const chunk = (word: string): string =>
      `<div class="grid"><div class="body__inner">${paragraphs(3, word)}</div></div>`;
    const html = `<html><body><main>${chunk('First')}<div class="ad-slot"></div>${chunk('Second')}</main>
      <aside>${paragraphs(1, 'Aside')}</aside></body></html>`;
    const body = extracted(html).body;
    expect(body).toContain('First 0:');
    expect(body).toContain('Second 2:');
    expect(body).not.toContain('Aside');
  });

  it('takes a short article beside many headline links for an article when its address reads like one', () => {
    const links = Array.from(
      { length: 20 },
      (_, i) => `<li><a href="/n/${i}">Headline number ${i} about the news of the day</a></li>`,
    ).join('');
    const html = `<html><body><ul>${links}</ul><div class="story">${paragraphs(3)}</div><ul>${links}</ul></body></html>`;
    const article = extracted(html, 'https://www.news.example/news/council-discusses-housing-for-refugees');
    expect(article.body).toContain('Paragraph 2:');
  });
});
