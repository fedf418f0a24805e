import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { EXTRACTION_LIMITS, extractArticle } from '../../../pipeline/extract/index.ts';

function page(html: string, headers: Record<string, string> = { 'content-type': 'text/html' }): FetchedPage {
  return {
    sourceId: 'test',
    url: 'https://news.example/a/1',
    finalUrl: 'https://news.example/a/1',
    status: 200,
    headers,
    html,
    fetchedAt: '2024-03-13T10:00:00.000Z',
  };
}

const body = Array.from(
  { length: 6 },
  (_, i) =>
    `<p>Paragraph ${i} of a real article, long enough to count, with commas, clauses, and a full stop.</p>`,
).join('');

/** Runs extraction and returns the result with how long it took; the bound below is a generous safety net. */
function timed(input: FetchedPage): { ok: boolean; reason?: string; ms: number } {
  const started = performance.now();
  const result = extractArticle(input);
  const ms = performance.now() - started;
  return result.ok ? { ok: true, ms } : { ok: false, reason: result.reason, ms };
}

describe('extractArticle never throws and stays within its time limit', () => {
  it('reads malformed HTML: unclosed tags, stray closers, broken attributes', () => {
    const html = `<html><head><title>Broken page</title><body><div class=x"y><article>${body}</div></span></p><p>Unclosed <b>bold <i>italic`;
    expect(timed(page(html)).ok).toBe(true);
  });

  it('reads HTML truncated in the middle of a tag', () => {
    const html = `<html><body><article>${body}<p>Cut here <a href="https://news.ex`;
    expect(timed(page(html)).ok).toBe(true);
  });

  it('handles 10 MB of nested divs', () => {
    const html = `<html><body>${'<div>'.repeat(2_000_000)}text</body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const result = timed(page(html));
    expect(result.ok).toBe(false);
    expect(result.ms).toBeLessThan(EXTRACTION_LIMITS.timeLimitMs * 5);
  });

  it('handles stray closing tags under thousands of open list items and paragraphs', () => {
    const html = `<html><body><article>${body}${'<li><p>'.repeat(20_000)}${'</b>'.repeat(20_000)}</body></html>`;
    expect(timed(page(html)).ms).toBeLessThan(EXTRACTION_LIMITS.timeLimitMs * 5);
  });

  it('keeps the text of an article buried under thousands of nested elements', () => {
    const html = `<html><body>${'<section>'.repeat(20_000)}<article>${body}</article></body></html>`;
    expect(timed(page(html)).ok).toBe(true);
  });

  it('handles binary garbage with and without an HTML content type', () => {
    const garbage = randomBytes(2_000_000).toString('latin1');
    expect(timed(page(garbage)).reason).toBe('not-html');
    expect(timed(page(garbage, {})).reason).toBe('not-html');
  });

  it('handles an empty page and a page of only text', () => {
    expect(timed(page('')).reason).toBe('not-html');
    expect(timed(page('just words, no markup at all')).reason).toBe('not-html');
  });

  it('reports extraction-timeout when the time limit is spent', () => {
    const result = extractArticle(page(`<html><body>${body}</body></html>`), { timeLimitMs: -1 });
    expect(result).toMatchObject({ ok: false, reason: 'extraction-timeout' });
  });

  it('survives invalid override selectors', () => {
    const result = extractArticle(page(`<html><body><article>${body}</article></body></html>`), {
      overrides: { since: '2024-01-01', body: '::::', title: '[[[', remove: ['>>>'] },
    });
    expect(result.ok).toBe(true);
  });
});
