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

/** CPU ms per page of one round of `way` over `htmls`. */
function cpuMsPerPage(way: (html: string) => unknown, htmls: readonly string[]): number {
  const before = process.cpuUsage();
  for (const html of htmls) way(html);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000 / htmls.length;
}

const pages = readBenchPages();
const sets = {
  aeb: pages.filter((page) => page.set === 'scrapinghub-aeb').map((page) => page.page.html),
  fundus: pages.filter((page) => page.set === 'fundus-news-pages').map((page) => page.page.html),
};
// The ways take turns, round after round, and each keeps its fastest round: on a machine shared with
// other benchmarks, the slower rounds measure the neighbours more than the parser.
const fastest = new Map<string, number>();
for (let round = 0; round <= ROUNDS; round++) {
  for (const [name, way] of Object.entries(ways)) {
    for (const [set, htmls] of Object.entries(sets)) {
      const ms = cpuMsPerPage(way, htmls);
      const key = `${name}\t${set}`;
      if (round > 0) fastest.set(key, Math.min(fastest.get(key) ?? Infinity, ms));
    }
  }
}
for (const name of Object.keys(ways)) {
  const figures = Object.keys(sets).map((set) => `${set} ${fastest.get(`${name}\t${set}`)?.toFixed(3)}`);
  console.log(`${name.padEnd(52)} CPU ms per page (fastest of ${ROUNDS} rounds): ${figures.join(', ')}`);
}
