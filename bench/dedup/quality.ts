// Story-folding quality for `npm run eval`: precision and recall of "same
// story" over bench/dedup's labelled pairs, and the share of same-subject
// (different-story) pairs kept apart.
import { createStoryMatcher } from '../../pipeline/dedup/decide-story.ts';
import { evaluateDedup } from '../../pipeline/dedup/evaluate-dedup.ts';
import { buildDedupPairs } from './pairs.ts';

/** `pairs → precision, recall, same-subject.apart`. */
export function measureDedup(): Record<string, Record<string, number>> {
  const { pairs } = buildDedupPairs();
  const evaluation = evaluateDedup(pairs, createStoryMatcher());
  const sameSubject = evaluation.perKind['same-subject'];
  return {
    pairs: {
      precision: evaluation.precision,
      recall: evaluation.recall,
      'same-subject.apart': sameSubject === undefined ? 0 : 1 - sameSubject.folded / sameSubject.pairs,
    },
  };
}
