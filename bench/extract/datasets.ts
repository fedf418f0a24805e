/**
 * Loaders of the three extraction evaluation sets under
 * /work/shared/data/extraction (read-only third-party data; see each set's
 * README.txt): every page with its gold fields, in a common shape.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { SHARED_DATA } from '../support/shared-data.ts';
import { htmlToText } from './html-text.ts';

/** Default folder of the evaluation data. */
export const EXTRACTION_DATA = join(SHARED_DATA, 'extraction');

/** Names of the evaluation sets. */
export const SET_NAMES = ['scrapinghub-aeb', 'fundus-news-pages', 'readability-testpages'] as const;
export type SetName = (typeof SET_NAMES)[number];

/** Gold fields of one page; null where the set has no gold value. */
export interface GoldFields {
  readonly body: string;
  readonly title: string | null;
  /** ISO-8601 instant. */
  readonly publishedAt: string | null;
  readonly authors: readonly string[] | null;
}

/** One evaluation page. */
export interface EvalPage {
  readonly set: SetName;
  readonly id: string;
  readonly url: string;
  readonly html: string;
  /** ISO-8601; the crawl time where the set records it. */
  readonly fetchedAt: string;
  /** Primary language subtag, lower case, or `und`. */
  readonly language: string;
  readonly gold: GoldFields;
}

/** Sets without a crawl time: far enough ahead that no real publication date counts as future. */
const LATE_FETCH = '2030-01-01T00:00:00.000Z';

function primaryTag(tag: string | null | undefined): string {
  const match = /^[a-z]{2,3}/i.exec(tag?.trim() ?? '');
  return match === null ? 'und' : match[0].toLowerCase();
}

function htmlLang(html: string): string | null {
  return /<html[^>]*\slang=["']?([a-zA-Z-]+)/i.exec(html.slice(0, 5000))?.[1] ?? null;
}

function readLines<T>(path: string): T[] {
  return readFileSync(path, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
}

function loadAeb(folder: string): EvalPage[] {
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const rows = readLines<{ id: string; html_file: string; url: string; html_lang_attr: string }>(
    join(folder, 'index.jsonl'),
  );
  return rows.map((row) => ({
    set: 'scrapinghub-aeb',
    id: row.id,
    url: row.url,
    html: readFileSync(join(folder, row.html_file), 'utf8'),
    fetchedAt: LATE_FETCH,
    language: primaryTag(row.html_lang_attr),
    gold: { body: truth[row.id]?.articleBody ?? '', title: null, publishedAt: null, authors: null },
  }));
}

interface FundusRow {
  html_file: string;
  url: string;
  crawl_date: string;
  match_score: number;
  title: string | null;
  publishing_date: string | null;
  authors: string[] | null;
  body_text: string;
  languages: string[];
}

function isoOf(value: string): string {
  const spaced = value.replace(' ', 'T');
  return new Date(/([+-]\d{2}:\d{2}|Z)$/.test(spaced) ? spaced : `${spaced}Z`).toISOString();
}

/** Rows whose HTML could not be matched to a parser version (match_score < 0.5) are left out, as the README advises. */
function loadFundus(folder: string): EvalPage[] {
  return readLines<FundusRow>(join(folder, 'articles.jsonl'))
    .filter((row) => row.match_score >= 0.5)
    .map((row) => {
      const html = gunzipSync(readFileSync(join(folder, row.html_file))).toString('utf8');
      return {
        set: 'fundus-news-pages',
        id: row.html_file,
        url: row.url,
        html,
        fetchedAt: isoOf(row.crawl_date),
        language: primaryTag(htmlLang(html) ?? row.languages[0]),
        gold: {
          body: row.body_text,
          title: row.title,
          publishedAt: row.publishing_date === null ? null : isoOf(row.publishing_date),
          authors: row.authors !== null && row.authors.length > 0 ? row.authors : null,
        },
      };
    });
}

function loadReadabilityPages(folder: string): EvalPage[] {
  const root = join(folder, 'test-pages');
  return readdirSync(root)
    .sort()
    .filter((name) => existsSync(join(root, name, 'expected.html')))
    .map((name) => {
      const meta = JSON.parse(readFileSync(join(root, name, 'expected-metadata.json'), 'utf8')) as {
        title?: string | null;
        lang?: string | null;
      };
      return {
        set: 'readability-testpages',
        id: name,
        url: `http://fakehost/test/${name}/`,
        html: readFileSync(join(root, name, 'source.html'), 'utf8'),
        fetchedAt: LATE_FETCH,
        language: primaryTag(meta.lang),
        gold: {
          body: htmlToText(readFileSync(join(root, name, 'expected.html'), 'utf8')),
          title: meta.title ?? null,
          publishedAt: null,
          authors: null,
        },
      };
    });
}

/** Loads one evaluation set from `dataFolder`. */
export function loadSet(name: SetName, dataFolder: string = EXTRACTION_DATA): EvalPage[] {
  const folder = join(dataFolder, name);
  if (name === 'scrapinghub-aeb') return loadAeb(folder);
  if (name === 'fundus-news-pages') return loadFundus(folder);
  return loadReadabilityPages(folder);
}

/**
 * The half of a set a page falls in, by a hash of its id: `tuning` pages may be
 * looked at while tuning heuristics; `held-out` pages are only measured.
 */
export function halfOf(page: EvalPage): 'tuning' | 'held-out' {
  let hash = 2166136261;
  for (let i = 0; i < page.id.length; i += 1) hash = Math.imul(hash ^ page.id.charCodeAt(i), 16777619);
  return (hash >>> 0) % 2 === 0 ? 'tuning' : 'held-out';
}
