/**
 * Writes the fixed subset of evaluation pages that test/pipeline/extract's
 * quality test runs (test/fixtures/extraction-quality): every 8th page of the
 * AEB and fundus sets in id order, the HTML gzipped, with its gold fields and
 * where it comes from. Re-run only to change the subset on purpose.
 *
 * Usage: node bench/extract/make-quality-subset.ts [data folder]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { EXTRACTION_DATA, loadSet, type SetName } from './datasets.ts';

const OUT = join(import.meta.dirname, '../../test/fixtures/extraction-quality');
const SOURCES: Record<string, string> = {
  'scrapinghub-aeb':
    'github.com/scrapinghub/article-extraction-benchmark @4a3bc979 (MIT; page HTML is third-party content)',
  'fundus-news-pages':
    'github.com/flairNLP/fundus tests/resources/parser/test_data @18da6e53 (MIT; publishers\u2019 content)',
};
const STEP = 8;

const index: unknown[] = [];
for (const set of ['scrapinghub-aeb', 'fundus-news-pages'] as SetName[]) {
  const pages = loadSet(set, process.argv[2] ?? EXTRACTION_DATA).sort((a, b) => a.id.localeCompare(b.id));
  mkdirSync(join(OUT, set), { recursive: true });
  for (const [position, page] of pages.entries()) {
    if (position % STEP !== 0) continue;
    const file = `${set}/${page.id
      .replace(/^.*\//, '')
      .replace(/\.html(\.gz)?$/, '')
      .slice(0, 40)}.html.gz`;
    writeFileSync(join(OUT, file), gzipSync(page.html));
    index.push({
      set,
      file,
      url: page.url,
      fetchedAt: page.fetchedAt,
      language: page.language,
      gold: page.gold,
    });
  }
}
writeFileSync(
  join(OUT, 'index.json'),
  `${JSON.stringify({ $source: SOURCES, $made: 'bench/extract/make-quality-subset.ts', pages: index }, null, 1)}\n`,
);
console.log(`${index.length} pages written to ${OUT}`);
