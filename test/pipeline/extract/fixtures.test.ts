import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FetchedPage } from '../../../crawlers/types.ts';
import { extractArticle } from '../../../pipeline/extract/index.ts';

/**
 * One data-driven test over every saved page in test/fixtures/pages/<source>/<date>-<slug>/:
 * source.html is what the crawler fetched, meta.json how (and where the page comes from),
 * expected.json what extraction must find. A field absent from expected.json is not checked.
 */
const ROOT = join(import.meta.dirname, '../../fixtures/pages');

interface Meta {
  url: string;
  fetchedAt: string;
  status: number;
  headers: Record<string, string>;
  timeZone?: string;
  origin: { dataset: string; licence: string };
}

interface Expected {
  title?: string;
  /** Compared to the minute: some references drop seconds. */
  publishedAt?: string | null;
  modifiedAt?: string | null;
  authors?: string[];
  section?: string | null;
  keywords?: string[];
  declaredLanguage?: string | null;
  canonicalUrl?: string;
  lead?: string | null;
  bodyIncludes?: string[];
  bodyExcludes?: string[];
}

function fixtureFolders(): string[] {
  return readdirSync(ROOT).flatMap((source) =>
    readdirSync(join(ROOT, source)).map((page) => join(source, page)),
  );
}

const toMinute = (iso: string | null | undefined): string | null => (iso ? iso.slice(0, 16) : null);

describe('extractArticle on saved pages', () => {
  const folders = fixtureFolders();

  it('has at least ten fixtures, each with source.html, meta.json naming its origin, and expected.json', () => {
    expect(folders.length).toBeGreaterThanOrEqual(10);
    for (const folder of folders) {
      for (const file of ['source.html', 'meta.json', 'expected.json']) {
        expect(existsSync(join(ROOT, folder, file)), `${folder}/${file}`).toBe(true);
      }
      const meta = JSON.parse(readFileSync(join(ROOT, folder, 'meta.json'), 'utf8')) as Meta;
      expect(meta.origin.dataset, folder).not.toBe('');
      expect(meta.origin.licence, folder).not.toBe('');
    }
  });

  it.each(folders)('%s', (folder) => {
    const meta = JSON.parse(readFileSync(join(ROOT, folder, 'meta.json'), 'utf8')) as Meta;
    const expected = JSON.parse(readFileSync(join(ROOT, folder, 'expected.json'), 'utf8')) as Expected;
    const page: FetchedPage = {
      sourceId: folder.split('/')[0] ?? 'fixture',
      url: meta.url,
      finalUrl: meta.url,
      status: meta.status,
      headers: meta.headers,
      html: readFileSync(join(ROOT, folder, 'source.html'), 'utf8'),
      fetchedAt: meta.fetchedAt,
    };
    const result = extractArticle(page, { timeZone: meta.timeZone ?? 'UTC' });
    if (!result.ok) throw new Error(`${folder}: not extracted: ${result.reason} (${result.detail})`);
    const article = result.article;
    if (expected.title !== undefined) expect(article.title).toBe(expected.title);
    if (expected.publishedAt !== undefined)
      expect(toMinute(article.publishedAt)).toBe(toMinute(expected.publishedAt));
    if (expected.modifiedAt !== undefined)
      expect(toMinute(article.modifiedAt)).toBe(toMinute(expected.modifiedAt));
    if (expected.authors !== undefined) expect(article.authors).toEqual(expected.authors);
    if (expected.section !== undefined) expect(article.section).toBe(expected.section);
    if (expected.keywords !== undefined) expect(article.keywords).toEqual(expected.keywords);
    if (expected.declaredLanguage !== undefined)
      expect(article.declaredLanguage).toBe(expected.declaredLanguage);
    if (expected.canonicalUrl !== undefined) expect(article.canonicalUrl).toBe(expected.canonicalUrl);
    if (expected.lead !== undefined) expect(article.lead).toBe(expected.lead);
    for (const sentence of expected.bodyIncludes ?? []) expect(article.body).toContain(sentence);
    for (const phrase of expected.bodyExcludes ?? []) expect(article.body).not.toContain(phrase);
    expect(article.body).not.toMatch(/\n{3,}/);
  });
});
