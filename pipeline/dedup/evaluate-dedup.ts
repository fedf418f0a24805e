import { contentHashOf } from '../fingerprint.ts';
import type { StoryMatcher } from '../types.ts';
import type { EvaluationPair, PairKind } from './make-pairs.ts';

export interface KindFigures {
  readonly pairs: number;
  /** Pairs the rule put in one story (exact or near copy). */
  readonly folded: number;
}

export interface DedupEvaluation {
  readonly pairs: number;
  /** Of the pairs folded into one story, the share that are the same story. */
  readonly precision: number;
  /** Of the same-story pairs, the share folded. */
  readonly recall: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly perKind: Readonly<Partial<Record<PairKind, KindFigures>>>;
  /** The pairs the rule gets wrong, with the similarity it saw. */
  readonly errors: readonly { readonly pair: EvaluationPair; readonly similarity: number }[];
}

/** Precision and recall of "same story" over labelled pairs, as decided by `matcher`. */
export function evaluateDedup(pairs: readonly EvaluationPair[], matcher: StoryMatcher): DedupEvaluation {
  const perKind: Partial<Record<PairKind, { pairs: number; folded: number }>> = {};
  const errors: { pair: EvaluationPair; similarity: number }[] = [];
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const pair of pairs) {
    const result = matcher(storyText(pair.a), storyText(pair.b));
    const isFolded = result.relation !== 'different';
    const figures = perKind[pair.kind] ?? { pairs: 0, folded: 0 };
    perKind[pair.kind] = figures;
    figures.pairs++;
    if (isFolded) figures.folded++;
    if (isFolded && pair.isSameStory) tp++;
    else if (isFolded) fp++;
    else if (pair.isSameStory) fn++;
    if (isFolded !== pair.isSameStory) errors.push({ pair, similarity: result.similarity });
  }
  return {
    pairs: pairs.length,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
    truePositives: tp,
    falsePositives: fp,
    falseNegatives: fn,
    perKind,
    errors,
  };
}

/** The story text of one side of a pair (its content hash computed like the pipeline's). */
export function storyText(side: EvaluationPair['a']): { title: string; body: string; contentHash: string } {
  return { title: side.title, body: side.body, contentHash: contentHashOf(side.body) };
}
