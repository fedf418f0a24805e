/**
 * The pages and context of the pipeline benchmarks: the real news pages of
 * ../shared/data/extraction (scrapinghub-aeb and fundus-news-pages) as fetched
 * pages, and the shipped configuration compiled once.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { loadConfigOrThrow } from '../../config/load-config.ts';
import { loadSettings } from '../../config/settings.ts';
import type { FetchedPage } from '../../crawlers/types.ts';
import { compilePipeline, type PipelineContext } from '../../pipeline/index.ts';
import { SHARED_DATA } from '../support/shared-data.ts';

export const FETCHED_AT = '2026-11-30T08:00:00.000Z';

export interface BenchPage {
  readonly set: 'scrapinghub-aeb' | 'fundus-news-pages';
  readonly page: FetchedPage;
}

function page(url: string, html: string): FetchedPage {
  return {
    sourceId: 'bench',
    url,
    finalUrl: url,
    status: 200,
    headers: { 'content-type': 'text/html' },
    html,
    fetchedAt: FETCHED_AT,
  };
}

function indexRows(file: string): { html_file: string; url: string }[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { html_file: string; url: string });
}

/** Every page of both sets, aeb first; `dataDir` defaults to ../shared/data/extraction. */
export function readBenchPages(dataDir = join(SHARED_DATA, 'extraction')): BenchPage[] {
  const aeb = join(dataDir, 'scrapinghub-aeb');
  const fundus = join(dataDir, 'fundus-news-pages');
  return [
    ...indexRows(join(aeb, 'index.jsonl')).map((row) => ({
      set: 'scrapinghub-aeb' as const,
      page: page(row.url, readFileSync(join(aeb, row.html_file), 'utf8')),
    })),
    ...indexRows(join(fundus, 'articles.jsonl')).map((row) => ({
      set: 'fundus-news-pages' as const,
      page: page(row.url, gunzipSync(readFileSync(join(fundus, row.html_file))).toString('utf8')),
    })),
  ];
}

/** The shipped configuration, compiled, with a source in Bucharest that declares no languages. */
export async function benchContext(): Promise<PipelineContext> {
  const settings = loadSettings(process.env);
  const config = await loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
  return {
    source: { id: 'bench', name: 'Bench', country: 'ro', languages: [], timeZone: 'Europe/Bucharest' },
    compiled: compilePipeline(config),
  };
}
