/**
 * Pipeline benchmark (issue 5): the throughput of the whole per-page pipeline
 * (extract → normalise → language → topics → organisations → places → frames
 * and terminology → fingerprints) on one core, over the real news pages of
 * /work/shared/data/extraction (scrapinghub-aeb and fundus-news-pages), with
 * the shipped configuration; and the process's peak memory.
 * Prints articles per second, per-page percentiles, CPU milliseconds per stage
 * (one more round, stage by stage: stages.ts) and the peak RSS; and the
 * throughput of each set's warm-up round, whose words the text matchers meet
 * for the first time (they memoise per word, which repeated rounds flatter).
 * Goal (issue 5): >= 200 articles per second on one core for typical news pages.
 * Usage: node bench/pipeline/run.ts [data folder] [rounds]
 */
import { join } from 'node:path';
import type { FetchedPage } from '../../crawlers/types.ts';
import { processPage } from '../../pipeline/index.ts';
import { SHARED_DATA } from '../support/shared-data.ts';
import { benchContext, readBenchPages } from './pages.ts';
import { emptyStageTimes, STAGES, timeStages } from './stages.ts';

const DATA = process.argv[2] ?? join(SHARED_DATA, 'extraction');
const ROUNDS = Number(process.argv[3] ?? 3);

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

const context = await benchContext();
const { source, compiled } = context;
const pages = readBenchPages(DATA);

interface Figures {
  readonly pages: number;
  readonly articles: number;
  readonly wallS: number;
  readonly cpuS: number;
  /** CPU seconds of the warm-up round: the pages' words not seen before (the text matchers memoise per word). */
  readonly firstPassCpuS: number;
  readonly times: number[];
}

/** Runs the pipeline over the pages `rounds` times after one warm-up round. */
function measure(chosen: readonly FetchedPage[]): Figures {
  const firstPassBefore = process.cpuUsage();
  const articles = chosen.map((page) => processPage(page, context)).filter((result) => result.ok).length;
  const firstPass = process.cpuUsage(firstPassBefore);
  const times: number[] = [];
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  for (let round = 0; round < ROUNDS; round++) {
    for (const page of chosen) {
      const before = performance.now();
      processPage(page, context);
      times.push(performance.now() - before);
    }
    peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  const cpu = process.cpuUsage(cpuBefore);
  times.sort((a, b) => a - b);
  return {
    pages: chosen.length,
    articles,
    wallS: (performance.now() - started) / 1000,
    cpuS: (cpu.user + cpu.system) / 1e6,
    firstPassCpuS: (firstPass.user + firstPass.system) / 1e6,
    times,
  };
}

/** One round stage by stage: CPU ms per page for each stage, and their sum. */
function stageFigures(chosen: readonly FetchedPage[]): string {
  const times = emptyStageTimes();
  for (const page of chosen) timeStages(page, source, compiled, times);
  const perPage = (ms: number): string => (ms / chosen.length).toFixed(2);
  const total = STAGES.reduce((sum, stage) => sum + times[stage], 0);
  return `${STAGES.map((stage) => `${stage} ${perPage(times[stage])}`).join(', ')}; total ${perPage(total)}`;
}

let peakRss = process.memoryUsage().rss;
console.log(
  `${ROUNDS} rounds after one warm-up; pages/s of wall time, and per CPU-second (the single-core figure when other processes share the cores)`,
);
for (const set of [...new Set(pages.map((item) => item.set))]) {
  const chosen = pages.filter((item) => item.set === set).map((item) => item.page);
  const kB = chosen.reduce((sum, page) => sum + page.html.length, 0) / chosen.length / 1000;
  const figures = measure(chosen);
  const runs = figures.pages * ROUNDS;
  console.log(
    `\n${set}: ${figures.pages} pages, ${Math.round(kB)} kB of HTML on average, ${figures.articles} articles`,
  );
  console.log(
    `  ${Math.round(runs / figures.wallS)} pages/s wall, ${Math.round(runs / figures.cpuS)} pages per CPU-second`,
  );
  console.log(
    `  first pass (words not seen before${set === pages[0]?.set ? ', and code not yet optimised by V8' : ''}): ${Math.round(figures.pages / figures.firstPassCpuS)} pages per CPU-second`,
  );
  console.log(
    `  per page: median ${percentile(figures.times, 50).toFixed(1)} ms, p95 ${percentile(figures.times, 95).toFixed(1)} ms, p99 ${percentile(figures.times, 99).toFixed(1)} ms, max ${(figures.times.at(-1) ?? 0).toFixed(0)} ms`,
  );
  console.log(`  CPU ms per page by stage: ${stageFigures(chosen)}`);
}
console.log(
  `\npeak RSS: ${Math.round(peakRss / 1e6)} MB (the process, with all pages and the language model in memory)`,
);
