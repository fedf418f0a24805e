/**
 * Story-folding benchmark (issue 5 §7). Builds labelled pairs from real texts
 * (../shared/data: article-extraction-benchmark gold bodies, fundus expected
 * bodies) and the written same-event fixtures:
 * - positives: a text and a copy made by rule (pipeline/dedup/make-pairs.ts):
 *   other outlet boilerplate at both ends, a paragraph dropped, light edits
 *   (~1 word in 15 changed, punctuation), an agency's first 40 %, all combined;
 * - negatives: different articles on the same subject (the most similar pairs
 *   by subject words in each language, written topic-set texts sharing a
 *   topic, written reports of the same event in ro/pl), and random pairs.
 * Prints precision/recall of "same story" under the decision rule, per pair
 * kind, a table over thresholds, the pairs it gets wrong, and pairs/s.
 * Run: node bench/dedup/run.ts
 */
import {
  compareStoryTexts,
  createStoryMatcher,
  MIN_SHARED_SHINGLES,
  NEAR_COPY_THRESHOLD,
} from '../../pipeline/dedup/decide-story.ts';
import { evaluateDedup, storyText } from '../../pipeline/dedup/evaluate-dedup.ts';
import { shingleSet } from '../../pipeline/dedup/shingles.ts';
import { containment, sharedCount } from '../../pipeline/dedup/similarity.ts';
import { buildDedupPairs } from './pairs.ts';

const THRESHOLDS = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
const { pairs, realTexts, writtenTopicTexts, writtenEventTexts, cosines } = buildDedupPairs();

const started = performance.now();
const evaluation = evaluateDedup(pairs, createStoryMatcher());
const elapsedMs = performance.now() - started;
const startedCold = performance.now();
for (const pair of pairs) compareStoryTexts(storyText(pair.a), storyText(pair.b));
const coldMs = performance.now() - startedCold;

console.log(
  `texts: ${realTexts} real (aeb + fundus), ${writtenTopicTexts} written topic-set, ${writtenEventTexts} written same-event`,
);
console.log(
  `same-subject pairs mined from real texts: ${cosines.length}, subject-word cosine ${Math.min(...cosines).toFixed(2)}..${Math.max(...cosines).toFixed(2)}`,
);
console.log(`pairs: ${pairs.length} (${pairs.filter((pair) => pair.isSameStory).length} same story)`);
console.log(
  `rule: containment of 4-word shingles >= ${NEAR_COPY_THRESHOLD} and >= ${MIN_SHARED_SHINGLES} shared, or the same content hash\n`,
);
console.log(
  `same story: precision ${evaluation.precision.toFixed(3)} recall ${evaluation.recall.toFixed(3)} (tp ${evaluation.truePositives} fp ${evaluation.falsePositives} fn ${evaluation.falseNegatives})\n`,
);
console.log(`${'kind'.padEnd(18)} ${'pairs'.padStart(5)} ${'folded'.padStart(6)}  share`);
for (const [kind, figures] of Object.entries(evaluation.perKind)) {
  console.log(
    `${kind.padEnd(18)} ${String(figures.pairs).padStart(5)} ${String(figures.folded).padStart(6)}  ${(figures.folded / figures.pairs).toFixed(3)}`,
  );
}

// Over thresholds: the containment and shared count of each pair, computed once.
const measured = pairs.map((pair) => {
  const a = shingleSet(pair.a.body);
  const b = shingleSet(pair.b.body);
  return { pair, similarity: containment(a, b), shared: sharedCount(a, b) };
});
console.log(
  `\nthreshold  precision  recall  same-subject folded  (and >= ${MIN_SHARED_SHINGLES} shared shingles)`,
);
for (const threshold of THRESHOLDS) {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let hardFolded = 0;
  for (const { pair, similarity, shared } of measured) {
    const folded = similarity >= threshold && shared >= MIN_SHARED_SHINGLES;
    if (folded && pair.isSameStory) tp++;
    else if (folded) {
      fp++;
      if (pair.kind === 'same-subject') hardFolded++;
    } else if (pair.isSameStory) fn++;
  }
  console.log(
    `${threshold.toFixed(2).padStart(9)}  ${(tp / Math.max(1, tp + fp)).toFixed(3).padStart(9)}  ${(tp / Math.max(1, tp + fn)).toFixed(3).padStart(6)}  ${String(hardFolded).padStart(19)}`,
  );
}
const hardest = measured
  .filter(({ pair }) => !pair.isSameStory)
  .sort((x, y) => y.similarity - x.similarity)
  .slice(0, 5);
console.log('\nmost similar different-story pairs:');
for (const { pair, similarity, shared } of hardest) {
  console.log(`  ${similarity.toFixed(3)} (${shared} shared) ${pair.kind}: ${pair.a.id} | ${pair.b.id}`);
}
const weakest = measured
  .filter(({ pair }) => pair.isSameStory)
  .sort((x, y) => x.similarity - y.similarity)
  .slice(0, 5);
console.log('least similar same-story pairs:');
for (const { pair, similarity, shared } of weakest) {
  console.log(`  ${similarity.toFixed(3)} (${shared} shared) ${pair.kind}: ${pair.b.id}`);
}
console.log(`\nerrors under the rule: ${evaluation.errors.length}`);
for (const { pair, similarity } of evaluation.errors.slice(0, 15)) {
  console.log(
    `  ${pair.isSameStory ? 'missed' : 'folded'} ${pair.kind} ${similarity.toFixed(3)}: ${pair.a.id} | ${pair.b.id}`,
  );
}
console.log(
  `\nspeed: ${Math.round(pairs.length / (elapsedMs / 1000))} pairs/s with the matcher's shingle cache, ${Math.round(pairs.length / (coldMs / 1000))} pairs/s shingling both texts every time`,
);
