/**
 * Extraction benchmark: runs extractArticle over the Zyte/Scrapinghub Article
 * Extraction Benchmark and the fundus publisher test pages in
 * /work/shared/data/extraction and prints figures (no asserts).
 *
 * Body: precision/recall/F1 over multisets of word 4-gram shingles (tokens are
 * \w+ runs), per page and averaged, as the AEB's evaluate.py defines it. A page
 * the extractor rejects counts as an empty prediction (P = R = 0).
 * Title: exact match after squeezing white space. Date: same instant within a
 * minute. Authors: same set of names, ignoring case.
 *
 * Usage: node bench/extract/run.ts [data folder]
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { FetchedPage } from '../../crawlers/types.ts';
import { extractArticle } from '../../pipeline/extract/index.ts';
import type { ExtractResult } from '../../pipeline/types.ts';

const DATA = process.argv[2] ?? '/work/shared/data/extraction';

interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
}

function shingles(text: string): Map<string, number> {
  const tokens = text.match(/[\p{L}\p{N}_]+/gu) ?? [];
  const counts = new Map<string, number>();
  for (let i = 0; i + 4 <= Math.max(tokens.length, 4); i += 1) {
    const key = tokens.slice(i, i + 4).join(' ');
    if (key !== '') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

function bodyScore(predicted: string, gold: string): Score {
  const p = shingles(predicted);
  const g = shingles(gold);
  if (p.size === 0 && g.size === 0) return { precision: 1, recall: 1, f1: 1 };
  if (p.size === 0 || g.size === 0) return { precision: 0, recall: 0, f1: 0 };
  let common = 0;
  for (const [key, count] of p) common += Math.min(count, g.get(key) ?? 0);
  const total = (m: Map<string, number>): number => [...m.values()].reduce((a, b) => a + b, 0);
  const precision = common / total(p);
  const recall = common / total(g);
  return {
    precision,
    recall,
    f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall),
  };
}

interface Timed {
  readonly result: ExtractResult;
  readonly ms: number;
}

function timedExtract(page: FetchedPage): Timed {
  const started = performance.now();
  const result = extractArticle(page);
  return { result, ms: performance.now() - started };
}

function pageOf(url: string, html: string, fetchedAt: string): FetchedPage {
  return {
    sourceId: 'bench',
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html' },
    html,
    fetchedAt,
  };
}

const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function report(
  name: string,
  scores: readonly Score[],
  times: readonly number[],
  rejected: Map<string, number>,
): void {
  const totalS = times.reduce((a, b) => a + b, 0) / 1000;
  console.log(`\n== ${name}: ${scores.length} pages`);
  console.log(
    `body  P ${mean(scores.map((s) => s.precision)).toFixed(3)}  R ${mean(scores.map((s) => s.recall)).toFixed(3)}  F1 ${mean(scores.map((s) => s.f1)).toFixed(3)}`,
  );
  console.log(
    `speed ${(times.length / totalS).toFixed(1)} pages/s, median ${median(times).toFixed(1)} ms/page, max ${Math.max(...times).toFixed(0)} ms`,
  );
  console.log(`rejected as non-articles: ${[...rejected].map(([r, n]) => `${r} ${n}`).join(', ') || 'none'}`);
}

function runAeb(): void {
  const folder = join(DATA, 'scrapinghub-aeb');
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string; url: string }
  >;
  const rows = readFileSync(join(folder, 'index.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as { id: string; html_file: string; url: string });
  const scores: Score[] = [];
  const times: number[] = [];
  const rejected = new Map<string, number>();
  for (const row of rows) {
    const html = readFileSync(join(folder, row.html_file), 'utf8');
    const { result, ms } = timedExtract(pageOf(row.url, html, '2030-01-01T00:00:00Z'));
    times.push(ms);
    if (!result.ok) rejected.set(result.reason, (rejected.get(result.reason) ?? 0) + 1);
    scores.push(bodyScore(result.ok ? result.article.body : '', truth[row.id]?.articleBody ?? ''));
  }
  report('scrapinghub-aeb', scores, times, rejected);
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

const sameSet = (a: readonly string[], b: readonly string[]): boolean => {
  const norm = (list: readonly string[]): string =>
    [...new Set(list.map((x) => x.trim().toLowerCase()))].sort().join('|');
  return norm(a) === norm(b);
};

function runFundus(): void {
  const folder = join(DATA, 'fundus-news-pages');
  const rows = readFileSync(join(folder, 'articles.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as FundusRow);
  const kept = rows.filter((row) => row.match_score >= 0.5);
  const scores: Score[] = [];
  const times: number[] = [];
  const rejected = new Map<string, number>();
  let titles = 0;
  let dates = 0;
  let dateCount = 0;
  let authors = 0;
  let authorCount = 0;
  for (const row of kept) {
    const html = gunzipSync(readFileSync(join(folder, row.html_file))).toString('utf8');
    const fetchedAt = new Date(`${row.crawl_date.replace(' ', 'T')}Z`).toISOString();
    const { result, ms } = timedExtract(pageOf(row.url, html, fetchedAt));
    times.push(ms);
    if (!result.ok) rejected.set(result.reason, (rejected.get(result.reason) ?? 0) + 1);
    const article = result.ok ? result.article : null;
    scores.push(bodyScore(article?.body ?? '', row.body_text));
    if (
      article !== null &&
      row.title !== null &&
      article.title.replace(/\s+/g, ' ').trim() === row.title.replace(/\s+/g, ' ').trim()
    )
      titles += 1;
    if (row.publishing_date !== null) {
      dateCount += 1;
      const gold = Date.parse(
        /[+-]\d{2}:\d{2}$/.test(row.publishing_date)
          ? row.publishing_date.replace(' ', 'T')
          : `${row.publishing_date.replace(' ', 'T')}Z`,
      );
      const got = article?.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
      if (Math.abs(gold - got) <= 60_000) dates += 1;
    }
    if (row.authors !== null && row.authors.length > 0) {
      authorCount += 1;
      if (article !== null && sameSet(article.authors, row.authors)) authors += 1;
    }
  }
  report(`fundus-news-pages (match_score >= 0.5)`, scores, times, rejected);
  console.log(
    `title exact ${pct(titles / kept.length)}  date (±1 min) ${pct(dates / dateCount)} of ${dateCount}  authors (same set) ${pct(authors / authorCount)} of ${authorCount}`,
  );
}

runAeb();
runFundus();
