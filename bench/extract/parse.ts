/**
 * Parsing benchmark: CPU milliseconds per page of preparing and parsing the
 * HTML of the pipeline benchmark's pages (scrapinghub-aeb, fundus-news-pages),
 * as extractArticle does it (prepareHtml then parseHtml), and as it did
 * before scan-html.ts (reference-parse.ts). Before scan-html.ts, parseHtml
 * cut script and style contents out before htmlparser2 parsed the page, which
 * saved about a fifth of the time of the reference measured here.
 * Usage: node bench/extract/parse.ts [rounds]
 */
import { EXTRACTION_LIMITS } from '../../pipeline/extract/index.ts';
import { parseHtml } from '../../pipeline/extract/parse-html.ts';
import { prepareHtml } from '../../pipeline/extract/prepare-html.ts';
import { readBenchPages } from '../pipeline/pages.ts';
import { referenceParse } from './reference-parse.ts';

const ROUNDS = Number(process.argv[2] ?? 5);
const LIMITS = { maxChars: EXTRACTION_LIMITS.maxHtmlChars, maxDepth: EXTRACTION_LIMITS.maxNestingDepth };

const ways: Record<string, (html: string) => unknown> = {
  'before: old prepareHtml + htmlparser2 (whole page)': (html) => referenceParse(html, LIMITS),
  'now: prepareHtml + parseHtml (extractArticle)': (html) => parseHtml(prepareHtml(html, LIMITS)),
};

/** CPU ms per page of `way` over `htmls`, after one warm-up round. */
function cpuMsPerPage(way: (html: string) => unknown, htmls: readonly string[]): number {
  for (const html of htmls) way(html);
  const before = process.cpuUsage();
  for (let round = 0; round < ROUNDS; round++) for (const html of htmls) way(html);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / (ROUNDS * htmls.length);
}

const pages = readBenchPages();
const sets = {
  aeb: pages.filter((page) => page.set === 'scrapinghub-aeb').map((page) => page.page.html),
  fundus: pages.filter((page) => page.set === 'fundus-news-pages').map((page) => page.page.html),
};
for (const [name, way] of Object.entries(ways)) {
  const figures = Object.entries(sets).map(([set, htmls]) => `${set} ${cpuMsPerPage(way, htmls).toFixed(3)}`);
  console.log(`${name.padEnd(48)} CPU ms per page: ${figures.join(', ')}`);
}
