import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { extractArticle } from '../../../pipeline/extract/index.ts';

function page(html: string, overrides: Partial<FetchedPage> = {}): FetchedPage {
  return {
    sourceId: 'test',
    url: 'https://news.example/a/1',
    finalUrl: 'https://news.example/a/1',
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html,
    fetchedAt: '2024-03-13T10:00:00.000Z',
    ...overrides,
  };
}

const paragraph = (n: number): string =>
  `<p>Paragraful ${n} descrie pe larg situația refugiaților din oraș, cu date, citate și explicații despre ce urmează, pentru ca cititorii să înțeleagă contextul.</p>`;

const teaser = (n: number): string =>
  `<li><a href="/stiri/${n}">Titlul articolului numărul ${n} despre evenimentele zilei</a></li>`;

describe('extractArticle on pages that are not articles', () => {
  it('rejects a non-HTML content type', () => {
    const result = extractArticle(page('%PDF-1.7 ...', { headers: { 'content-type': 'application/pdf' } }));
    expect(result).toMatchObject({ ok: false, reason: 'not-html' });
  });

  it('rejects an HTTP error status, whatever the body says', () => {
    const result = extractArticle(
      page(`<html><body>${paragraph(1).repeat(5)}</body></html>`, { status: 404 }),
    );
    expect(result).toMatchObject({ ok: false, reason: 'error-page', detail: 'HTTP status 404' });
  });

  it('rejects a "not found" page served with status 200', () => {
    const html =
      '<html><head><title>Pagina nu a fost găsită - Ziarul</title></head><body><h1>404</h1><p>Ne pare rău, pagina căutată nu există. Încercați căutarea sau mergeți la prima pagină.</p></body></html>';
    expect(extractArticle(page(html))).toMatchObject({ ok: false, reason: 'error-page' });
  });

  it('rejects a listing page that is mostly headline links', () => {
    const items = Array.from({ length: 30 }, (_, i) => teaser(i)).join('');
    const html = `<html><head><title>Social - Ziarul</title></head><body><main><h1>Social</h1><ul>${items}</ul></main></body></html>`;
    expect(
      extractArticle(
        page(html, { url: 'https://news.example/social', finalUrl: 'https://news.example/social' }),
      ),
    ).toMatchObject({
      ok: false,
      reason: 'listing-page',
    });
  });

  it('rejects a tag page by its URL when it declares no article', () => {
    const items = Array.from({ length: 5 }, (_, i) => teaser(i)).join('');
    const html = `<html><body><h1>Eticheta: refugiați</h1><ul>${items}</ul>${paragraph(1)}${paragraph(2)}</body></html>`;
    const url = 'https://news.example/eticheta/refugiati/';
    expect(extractArticle(page(html, { url, finalUrl: url }))).toMatchObject({
      ok: false,
      reason: 'tag-page',
    });
  });

  it('rejects an article with under 250 characters of body text as too short', () => {
    const html =
      '<html><head><meta property="og:type" content="article"></head><body><article><h1>Titlu</h1><p>Doar o propoziție scurtă, fără mai mult text în pagină.</p></article></body></html>';
    expect(extractArticle(page(html))).toMatchObject({ ok: false, reason: 'too-short' });
  });

  it('accepts the same article once its body is long enough', () => {
    const html = `<html><head><meta property="og:type" content="article"></head><body><article><h1>Titlu</h1>${paragraph(1)}${paragraph(2)}</article></body></html>`;
    const result = extractArticle(page(html));
    expect(result.ok).toBe(true);
  });
});
