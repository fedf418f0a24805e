import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { GoldFields } from '../../../bench/extract/datasets.ts';
import { figuresOf, type PageOutcome } from '../../../bench/extract/evaluate.ts';
import { pressmonExtractor } from '../../../bench/extract/extractors.ts';
import { matchShingles } from '../../../bench/extract/metrics.ts';

/**
 * Quality floors on a fixed subset of the evaluation sets (every 8th page of
 * the Zyte/Scrapinghub AEB and of the fundus test pages, copied into
 * test/fixtures/extraction-quality by bench/extract/make-quality-subset.ts;
 * sources in its index.json). The floors sit a little below the reached
 * figures so that a regression fails CI quickly; the full figures and their
 * floors are `npm run eval`'s. Quality only, never timings.
 */
const ROOT = join(import.meta.dirname, '../../fixtures/extraction-quality');

interface SubsetPage {
  set: 'scrapinghub-aeb' | 'fundus-news-pages';
  file: string;
  url: string;
  fetchedAt: string;
  language: string;
  gold: GoldFields;
}

const { pages } = JSON.parse(readFileSync(join(ROOT, 'index.json'), 'utf8')) as { pages: SubsetPage[] };

function run(set: SubsetPage['set']): ReturnType<typeof figuresOf> {
  const outcomes: PageOutcome[] = pages
    .filter((page) => page.set === set)
    .map((subsetPage) => {
      const page = {
        ...subsetPage,
        id: subsetPage.file,
        html: gunzipSync(readFileSync(join(ROOT, subsetPage.file))).toString('utf8'),
      };
      const prediction = pressmonExtractor.extract(page);
      return { page, prediction, counts: matchShingles(prediction.body, page.gold.body), ms: 0 };
    });
  return figuresOf(outcomes);
}

describe('extraction quality on a fixed subset', () => {
  it('holds the whole subset: 23 AEB pages and 32 fundus pages', () => {
    expect(pages.filter((page) => page.set === 'scrapinghub-aeb')).toHaveLength(23);
    expect(pages.filter((page) => page.set === 'fundus-news-pages')).toHaveLength(32);
  });

  it('reads the AEB pages with body F1 of at least 0.98', () => {
    const figures = run('scrapinghub-aeb');
    expect(figures.body.f1).toBeGreaterThanOrEqual(0.98);
    expect(figures.body.precision).toBeGreaterThanOrEqual(0.98);
    expect(figures.body.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('reads the fundus pages with body F1, title, date and author floors', () => {
    const figures = run('fundus-news-pages');
    expect(figures.body.f1).toBeGreaterThanOrEqual(0.92);
    expect(figures.body.precision).toBeGreaterThanOrEqual(0.89);
    expect(figures.body.recall).toBeGreaterThanOrEqual(0.95);
    expect(figures.title.rate).toBeGreaterThanOrEqual(0.8);
    expect(figures.date.rate).toBeGreaterThanOrEqual(0.96);
    expect(figures.authors.rate).toBeGreaterThanOrEqual(0.8);
  });
});
