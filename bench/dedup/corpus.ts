// Reads the evaluation texts of bench/dedup from ../shared/data (read-only,
// third-party; see each folder's README.txt) and the committed fixtures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CorpusText } from '../../pipeline/dedup/make-pairs.ts';
import { SHARED_DATA } from '../support/shared-data.ts';

const DATA = SHARED_DATA;
/** Scripts without spaces between words: word shingles mean nothing there, and pressmon reads none. */
const UNSPACED_LANGUAGES = new Set(['ja', 'ko', 'zh']);
/** Texts shorter than this are not articles (captions, stubs). */
const MIN_WORDS = 40;

/** The gold bodies of the article-extraction-benchmark (mostly English); language from the page's html lang. */
export function aebTexts(): CorpusText[] {
  const folder = join(DATA, 'extraction/scrapinghub-aeb');
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const langs = new Map<string, string>();
  for (const line of readFileSync(join(folder, 'index.jsonl'), 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    const row = JSON.parse(line) as { id: string; html_lang_attr: string | null };
    langs.set(row.id, (row.html_lang_attr ?? 'und').slice(0, 2).toLowerCase());
  }
  return Object.entries(truth)
    .map(([id, { articleBody }]) => ({
      id: `aeb:${id.slice(0, 12)}`,
      lang: langs.get(id) ?? 'und',
      title: '',
      body: articleBody,
    }))
    .filter((text) => text.body.split(/\s+/u).length >= MIN_WORDS);
}

/** The expected bodies of fundus' parser tests (many languages), with their titles. */
export function fundusTexts(): CorpusText[] {
  const file = join(DATA, 'extraction/fundus-news-pages/articles.jsonl');
  return (
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map(
        (line) =>
          JSON.parse(line) as {
            url: string;
            html_file: string;
            languages: string[] | null;
            title: string | null;
            body_text: string;
            match_score: number;
          },
      )
      .filter((row) => row.match_score >= 0.5 && !UNSPACED_LANGUAGES.has(row.languages?.[0] ?? ''))
      // Some pages are saved twice (one per parser version): one text per URL, or a copy would count as a different story.
      .filter((row, index, rows) => rows.findIndex((other) => other.url === row.url) === index)
      .map((row) => ({
        id: `fundus:${row.html_file.replace(/^test_data\//u, '').replace(/\.html\.gz$/u, '')}`,
        lang: row.languages?.[0] ?? 'und',
        title: row.title ?? '',
        body: row.body_text,
      }))
      .filter((text) => text.body.split(/\s+/u).length >= MIN_WORDS)
  );
}
