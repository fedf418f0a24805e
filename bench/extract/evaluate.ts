/**
 * Runs extractors over evaluation pages and computes the figures that
 * bench/extract prints and bench/eval.ts checks against the baseline.
 */
import type { EvalPage } from './datasets.ts';
import type { Extractor, Prediction } from './extractors.ts';
import {
  aggregateBody,
  type BodyScore,
  isSameAuthorSet,
  isSameInstant,
  isSameTitle,
  matchShingles,
  type PageCounts,
} from './metrics.ts';

/** An exact-match rate over the pages that have a gold value. */
export interface MatchRate {
  readonly matched: number;
  readonly of: number;
  /** matched / of, 0..1 (0 when `of` is 0). */
  readonly rate: number;
}

/** Figures of one extractor over one set of pages. */
export interface Figures {
  readonly pages: number;
  readonly body: BodyScore;
  readonly title: MatchRate;
  readonly date: MatchRate;
  readonly authors: MatchRate;
  /** Body scores per page language. */
  readonly byLanguage: Readonly<Record<string, BodyScore>>;
  readonly pagesPerSecond: number;
  readonly medianMs: number;
  /** Pages without an article, by reason. */
  readonly rejections: Readonly<Record<string, number>>;
}

/** One page's outcome, for listing the worst pages. */
export interface PageOutcome {
  readonly page: EvalPage;
  readonly prediction: Prediction;
  readonly counts: PageCounts;
  readonly ms: number;
}

function rate(matched: number, of: number): MatchRate {
  return { matched, of, rate: of === 0 ? 0 : matched / of };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

/** Sums the figures of a list of outcomes. */
export function figuresOf(outcomes: readonly PageOutcome[]): Figures {
  const languages = new Map<string, PageCounts[]>();
  const rejections: Record<string, number> = {};
  let [titles, titleOf, dates, dateOf, authors, authorOf] = [0, 0, 0, 0, 0, 0];
  for (const { page, prediction, counts } of outcomes) {
    languages.set(page.language, [...(languages.get(page.language) ?? []), counts]);
    if (prediction.rejection !== null)
      rejections[prediction.rejection] = (rejections[prediction.rejection] ?? 0) + 1;
    const { gold } = page;
    if (gold.title !== null) {
      titleOf += 1;
      if (isSameTitle(prediction.title, gold.title)) titles += 1;
    }
    if (gold.publishedAt !== null) {
      dateOf += 1;
      if (isSameInstant(prediction.publishedAt, gold.publishedAt)) dates += 1;
    }
    if (gold.authors !== null) {
      authorOf += 1;
      if (isSameAuthorSet(prediction.authors, gold.authors)) authors += 1;
    }
  }
  const times = outcomes.map((o) => o.ms);
  const totalS = times.reduce((a, b) => a + b, 0) / 1000;
  return {
    pages: outcomes.length,
    body: aggregateBody(outcomes.map((o) => o.counts)),
    title: rate(titles, titleOf),
    date: rate(dates, dateOf),
    authors: rate(authors, authorOf),
    byLanguage: Object.fromEntries(
      [...languages]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([code, counts]) => [code, aggregateBody(counts)]),
    ),
    pagesPerSecond: totalS === 0 ? 0 : outcomes.length / totalS,
    medianMs: median(times),
    rejections,
  };
}

/**
 * Runs every extractor on every page, alternating extractors page by page in
 * this process so that both meet the same warm-up and load, and returns each
 * extractor's outcomes in page order.
 */
export function runExtractors(
  pages: readonly EvalPage[],
  extractors: readonly Extractor[],
): Map<string, PageOutcome[]> {
  const outcomes = new Map<string, PageOutcome[]>(extractors.map((e) => [e.name, []]));
  for (const page of pages) {
    for (const extractor of extractors) {
      const started = performance.now();
      const prediction = extractor.extract(page);
      const ms = performance.now() - started;
      outcomes
        .get(extractor.name)
        ?.push({ page, prediction, counts: matchShingles(prediction.body, page.gold.body), ms });
    }
  }
  return outcomes;
}
