/**
 * The extraction figures that quality floors are pinned on: pressmon's
 * extractor over every evaluation set, as flat `metric → value` maps.
 */
import { EXTRACTION_DATA, loadSet, SET_NAMES } from './datasets.ts';
import { type Figures, figuresOf, runExtractors } from './evaluate.ts';
import { pressmonExtractor } from './extractors.ts';

/** Figures of one group (an evaluation set), by metric name (`body.f1`, `title.exact`…), each 0..1. */
export type GroupFigures = Readonly<Record<string, number>>;

/** Quality metrics of a set's figures (timings are left out: they depend on the machine). */
export function qualityMetrics(figures: Figures): GroupFigures {
  const metrics: Record<string, number> = {
    'body.precision': figures.body.precision,
    'body.recall': figures.body.recall,
    'body.f1': figures.body.f1,
  };
  if (figures.title.of > 0) metrics['title.exact'] = figures.title.rate;
  if (figures.date.of > 0) metrics['date.exact'] = figures.date.rate;
  if (figures.authors.of > 0) metrics['authors.exact'] = figures.authors.rate;
  return metrics;
}

/** Runs pressmon's extractor over every set under `dataFolder` and returns each set's quality metrics. */
export function measureExtraction(dataFolder: string = EXTRACTION_DATA): Record<string, GroupFigures> {
  const groups: Record<string, GroupFigures> = {};
  for (const set of SET_NAMES) {
    const outcomes = runExtractors(loadSet(set, dataFolder), [pressmonExtractor]).get('pressmon') ?? [];
    groups[set] = qualityMetrics(figuresOf(outcomes));
  }
  return groups;
}
