/**
 * The two extractors compared by bench/extract: pressmon's extractArticle and
 * @mozilla/readability over linkedom's DOMParser, both reduced to the fields
 * the evaluation scores.
 */
import { Readability } from '@mozilla/readability';
import { DOMParser } from 'linkedom';
import type { FetchedPage } from '../../crawlers/types.ts';
import { extractArticle } from '../../pipeline/extract/index.ts';
import type { EvalPage } from './datasets.ts';
import { htmlToText } from './html-text.ts';

/** What an extractor returned for one page; an empty body when it found no article. */
export interface Prediction {
  readonly body: string;
  readonly title: string | null;
  readonly publishedAt: string | null;
  readonly authors: readonly string[];
  /** Why no article was returned, or null. */
  readonly rejection: string | null;
}

/** A named extractor. */
export interface Extractor {
  readonly name: string;
  readonly extract: (page: EvalPage) => Prediction;
}

function fetchedPageOf(page: EvalPage): FetchedPage {
  return {
    sourceId: page.set,
    url: page.url,
    finalUrl: page.url,
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
    html: page.html,
    fetchedAt: page.fetchedAt,
  };
}

const NOTHING: Omit<Prediction, 'rejection'> = { body: '', title: null, publishedAt: null, authors: [] };

/** pressmon's extractor, with its defaults (UTC, 2 s time limit). */
export const pressmonExtractor: Extractor = {
  name: 'pressmon',
  extract(page) {
    const result = extractArticle(fetchedPageOf(page));
    if (!result.ok) return { ...NOTHING, rejection: result.reason };
    const { article } = result;
    return {
      body: article.body,
      title: article.title,
      publishedAt: article.publishedAt,
      authors: article.authors,
      rejection: null,
    };
  },
};

/** Readability's byline is one string: split it on commas and "and" so that several names can match. */
function splitByline(byline: string | null | undefined): string[] {
  if (byline === null || byline === undefined) return [];
  return byline
    .replace(/^\s*by\s+/i, '')
    .split(/\s*(?:,|;|&|\band\b)\s*/i)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

function isoOrNull(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isFinite(ms) ? new Date(ms).toISOString() : null;
}

/** @mozilla/readability 0.6 with its defaults, on a linkedom document; the body is its `content` read as text. */
export const readabilityExtractor: Extractor = {
  name: 'readability',
  extract(page) {
    try {
      const document = new DOMParser().parseFromString(page.html, 'text/html');
      // biome-ignore lint/suspicious/noExplicitAny: linkedom's Document is structurally, not nominally, a DOM Document.
      const article = new Readability(document as any).parse();
      if (article === null) return { ...NOTHING, rejection: 'no-article' };
      return {
        body: htmlToText(article.content ?? ''),
        title: article.title ?? null,
        publishedAt: isoOrNull(article.publishedTime),
        authors: splitByline(article.byline),
        rejection: null,
      };
    } catch (error) {
      return { ...NOTHING, rejection: `threw ${error instanceof Error ? error.name : 'error'}` };
    }
  },
};
