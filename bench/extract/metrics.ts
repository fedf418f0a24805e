/**
 * Scoring of extracted fields, shared by bench/extract and bench/eval.ts.
 *
 * Body text follows the Zyte/Scrapinghub Article Extraction Benchmark's
 * evaluate.py exactly: tokens are `\w+` runs (letters, digits, underscore);
 * shingles are word 4-grams (a text of fewer than four tokens is one shorter
 * shingle); per page, true/false positives and false negatives are counted over
 * shingle multisets and normalised by their sum. Precision is the mean over the
 * pages with a non-empty prediction (tp + fp > 0), recall the mean over the
 * pages with a non-empty gold text (tp + fn > 0), and F1 is the harmonic mean
 * of those two means (not a mean of per-page F1 values).
 */

/** One page's normalised shingle counts (tp + fp + fn = 1 unless all are 0). */
export interface PageCounts {
  readonly tp: number;
  readonly fp: number;
  readonly fn: number;
}

/** Body precision, recall and F1 over a set of pages, each 0..1. */
export interface BodyScore {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly pages: number;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

/** The `\w+` tokens of a text, as Python 3's `re` finds them in a str. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingles(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i < Math.max(1, tokens.length - 3); i += 1) {
    const shingle = tokens.slice(i, i + 4);
    if (shingle.length === 0) continue;
    const key = shingle.join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Normalised tp/fp/fn of one predicted body against its gold text. */
export function matchShingles(predicted: string, gold: string): PageCounts {
  const p = shingles(predicted);
  const g = shingles(gold);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, count] of p) {
    const goldCount = g.get(key) ?? 0;
    tp += Math.min(count, goldCount);
    fp += Math.max(0, count - goldCount);
  }
  for (const [key, count] of g) fn += Math.max(0, count - (p.get(key) ?? 0));
  const sum = tp + fp + fn;
  return sum > 0 ? { tp: tp / sum, fp: fp / sum, fn: fn / sum } : { tp, fp, fn };
}

function pagePrecision({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fp === 0 ? 0 : tp / (tp + fp);
}

function pageRecall({ tp, fp, fn }: PageCounts): number {
  if (fp === 0 && fn === 0) return 1;
  return tp === 0 && fn === 0 ? 0 : tp / (tp + fn);
}

const mean = (values: readonly number[]): number =>
  values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;

/** Aggregates per-page counts as evaluate.py's `metrics_from_tp_fp_fns` does. */
export function aggregateBody(pages: readonly PageCounts[]): BodyScore {
  const precision = mean(pages.filter((c) => c.tp + c.fp > 0).map(pagePrecision));
  const recall = mean(pages.filter((c) => c.tp + c.fn > 0).map(pageRecall));
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, pages: pages.length };
}

/** Per-page F1 (for ranking the worst pages; not the benchmark's aggregate). */
export function pageF1(counts: PageCounts): number {
  const p = pagePrecision(counts);
  const r = pageRecall(counts);
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** True when two titles are equal once white space is squeezed (and Unicode is NFC). */
export function isSameTitle(predicted: string | null, gold: string): boolean {
  const norm = (title: string): string =>
    title
      .normalize('NFC')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim();
  return predicted !== null && norm(predicted) === norm(gold);
}

/** True when both dates name the same instant within a minute. */
export function isSameInstant(predicted: string | null, gold: string): boolean {
  if (predicted === null) return false;
  const a = Date.parse(predicted);
  const b = Date.parse(gold);
  return Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 60_000;
}

/** True when both lists hold the same names, ignoring case, order and repeats. */
export function isSameAuthorSet(predicted: readonly string[], gold: readonly string[]): boolean {
  const norm = (list: readonly string[]): string =>
    [...new Set(list.map((x) => x.replace(/\s+/g, ' ').trim().toLowerCase()).filter((x) => x !== ''))]
      .sort()
      .join('|');
  return norm(predicted) === norm(gold);
}
