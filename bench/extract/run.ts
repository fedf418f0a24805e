/**
 * Extraction benchmark: pressmon's extractArticle side by side with
 * @mozilla/readability (on linkedom) over the evaluation sets in
 * /work/shared/data/extraction, in one process. Prints body precision, recall
 * and F1 (the AEB's shingle metric, see metrics.ts), exact-match rates for
 * title, date (same instant ±1 min) and authors (same set of names), per set
 * and per page language, and pages per second and median ms per page. No
 * asserts: the floors live in bench/baseline.json, checked by `npm run eval`.
 *
 * Usage: node bench/extract/run.ts [--data FOLDER] [--worst N] [--set NAME…] [--half tuning|held-out]
 * (heuristics were tuned looking only at the `tuning` half; see datasets.ts halfOf)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type EvalPage, EXTRACTION_DATA, halfOf, loadSet, SET_NAMES, type SetName } from './datasets.ts';
import { type Figures, figuresOf, type PageOutcome, runExtractors } from './evaluate.ts';
import { pressmonExtractor, readabilityExtractor } from './extractors.ts';
import { aggregateBody, matchShingles, pageF1 } from './metrics.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: EXTRACTION_DATA },
    worst: { type: 'string', default: '0' },
    set: { type: 'string', multiple: true },
    half: { type: 'string' },
  },
});
const dataFolder = values.data;
const sets = (values.set ?? [...SET_NAMES]) as SetName[];

const f3 = (x: number): string => x.toFixed(3);
const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const pad = (text: string, width: number): string => text.padEnd(width);

function rateCell(figures: Figures, field: 'title' | 'date' | 'authors'): string {
  const r = figures[field];
  return r.of === 0 ? '—' : `${pct(r.rate)} (${r.matched}/${r.of})`;
}

function printSet(name: string, ours: Figures, theirs: Figures): void {
  console.log(`\n== ${name}: ${ours.pages} pages`);
  const rows: [string, string, string][] = [
    ['body precision', f3(ours.body.precision), f3(theirs.body.precision)],
    ['body recall', f3(ours.body.recall), f3(theirs.body.recall)],
    ['body F1', f3(ours.body.f1), f3(theirs.body.f1)],
    ['title exact', rateCell(ours, 'title'), rateCell(theirs, 'title')],
    ['date exact', rateCell(ours, 'date'), rateCell(theirs, 'date')],
    ['authors exact', rateCell(ours, 'authors'), rateCell(theirs, 'authors')],
    ['pages/s', ours.pagesPerSecond.toFixed(1), theirs.pagesPerSecond.toFixed(1)],
    ['median ms/page', ours.medianMs.toFixed(1), theirs.medianMs.toFixed(1)],
  ];
  console.log(`${pad('', 16)}${pad('pressmon', 20)}readability`);
  for (const [label, a, b] of rows) console.log(`${pad(label, 16)}${pad(a, 20)}${b}`);
  const reasons = (f: Figures): string =>
    Object.entries(f.rejections)
      .map(([r, n]) => `${r} ${n}`)
      .join(', ') || 'none';
  console.log(`no article: pressmon ${reasons(ours)}; readability ${reasons(theirs)}`);
  console.log('body P/R/F1 by page language (pressmon | readability):');
  for (const [code, score] of Object.entries(ours.byLanguage)) {
    const other = theirs.byLanguage[code];
    console.log(
      `  ${pad(code, 4)} ${String(score.pages).padStart(4)} pages  ${f3(score.precision)} ${f3(score.recall)} ${f3(score.f1)} | ${f3(other?.precision ?? 0)} ${f3(other?.recall ?? 0)} ${f3(other?.f1 ?? 0)}`,
    );
  }
}

function printWorst(outcomes: readonly PageOutcome[], count: number): void {
  const ranked = [...outcomes].sort((a, b) => pageF1(a.counts) - pageF1(b.counts)).slice(0, count);
  console.log(`worst ${count} pages for pressmon (per-page F1, P, R):`);
  for (const { page, counts, prediction } of ranked) {
    const p = counts.tp + counts.fp === 0 ? 0 : counts.tp / (counts.tp + counts.fp);
    const r = counts.tp + counts.fn === 0 ? 0 : counts.tp / (counts.tp + counts.fn);
    console.log(
      `  ${f3(pageF1(counts))} P ${f3(p)} R ${f3(r)} ${prediction.rejection ?? ''} ${page.id.slice(0, 40)} ${page.url}`,
    );
  }
}

/** Scores the upstream prediction files with this scorer: must reproduce the published AEB figures. */
function checkScorer(): void {
  const folder = join(dataFolder, 'scrapinghub-aeb');
  const truth = JSON.parse(readFileSync(join(folder, 'ground-truth.json'), 'utf8')) as Record<
    string,
    { articleBody: string }
  >;
  const line: string[] = [];
  for (const name of ['readability_js', 'trafilatura']) {
    const raw = JSON.parse(readFileSync(join(folder, 'baseline-outputs', `${name}.json`), 'utf8')) as {
      output?: Record<string, { articleBody?: string }>;
    } & Record<string, { articleBody?: string }>;
    const predictions = raw.output ?? raw;
    const score = aggregateBody(
      Object.entries(truth).map(([id, gold]) =>
        matchShingles(predictions[id]?.articleBody ?? '', gold.articleBody),
      ),
    );
    line.push(`${name} F1 ${f3(score.f1)} (P ${f3(score.precision)}, R ${f3(score.recall)})`);
  }
  console.log(`scorer check on upstream AEB outputs: ${line.join('; ')}`);
}

checkScorer();
const all: PageOutcome[][] = [[], []];
for (const set of sets) {
  const pages: EvalPage[] = loadSet(set, dataFolder).filter(
    (page) => values.half === undefined || halfOf(page) === values.half,
  );
  const outcomes = runExtractors(pages, [pressmonExtractor, readabilityExtractor]);
  const ours = outcomes.get('pressmon') ?? [];
  const theirs = outcomes.get('readability') ?? [];
  all[0]?.push(...ours);
  all[1]?.push(...theirs);
  printSet(set, figuresOf(ours), figuresOf(theirs));
  const worst = Number(values.worst);
  if (worst > 0) printWorst(ours, worst);
}
const [ours, theirs] = [figuresOf(all[0] ?? []), figuresOf(all[1] ?? [])];
console.log(
  `\nall sets: pressmon ${ours.pagesPerSecond.toFixed(1)} pages/s, median ${ours.medianMs.toFixed(1)} ms; readability ${theirs.pagesPerSecond.toFixed(1)} pages/s, median ${theirs.medianMs.toFixed(1)} ms; speed ratio ${(ours.pagesPerSecond / Math.max(1e-9, theirs.pagesPerSecond)).toFixed(1)}x`,
);
