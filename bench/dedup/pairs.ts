// The labelled pairs of bench/dedup (see run.ts for how they are made), shared
// with `npm run eval` (quality.ts).
import { join } from 'node:path';
import {
  type CorpusText,
  type EvaluationPair,
  negativePair,
  positivePairs,
  seededRandom,
} from '../../pipeline/dedup/make-pairs.ts';
import { readCorpusJsonl, sameEventPairs } from '../../pipeline/dedup/read-corpus.ts';
import { sameSubjectPairs } from '../../pipeline/dedup/same-subject-pairs.ts';
import { readLabelledSet } from '../../pipeline/topics/read-labelled-set.ts';
import { aebTexts, fundusTexts } from './corpus.ts';

const ROOT = join(import.meta.dirname, '../..');
const SAME_SUBJECT_PAIRS = 300;
const RANDOM_PAIRS = 2000;

export interface DedupPairs {
  readonly pairs: EvaluationPair[];
  readonly realTexts: number;
  readonly writtenTopicTexts: number;
  readonly writtenEventTexts: number;
  /** Subject-word cosines of the mined same-subject pairs. */
  readonly cosines: number[];
}

/** Builds the labelled pairs, deterministically. */
export function buildDedupPairs(): DedupPairs {
  const realTexts: CorpusText[] = [...aebTexts(), ...fundusTexts()];
  const labelled = readLabelledSet(join(ROOT, 'test/fixtures/topics'))
    // Real texts of the topic set are excerpts of the pages above: they would pair with their own page.
    .filter((article) => article.origin.kind === 'written');
  const events = readCorpusJsonl(join(ROOT, 'test/fixtures/dedup/same-event.jsonl'));
  const pairs: EvaluationPair[] = [...positivePairs(realTexts, 7)];
  const hard = sameSubjectPairs(realTexts, SAME_SUBJECT_PAIRS);
  for (const { a, b } of hard) pairs.push(negativePair('same-subject', a, b));
  for (const [i, a] of labelled.entries()) {
    for (const b of labelled.slice(i + 1)) {
      if (a.lang !== b.lang || !a.topics.some((topic) => b.topics.includes(topic))) continue;
      const text = (article: typeof a): CorpusText => ({
        id: article.id,
        lang: article.lang,
        title: article.title,
        body: [article.lead ?? '', article.body].join('\n\n'),
      });
      pairs.push(negativePair('same-subject', text(a), text(b)));
    }
  }
  for (const [a, b] of sameEventPairs(events)) pairs.push(negativePair('same-subject', a, b));
  const random = seededRandom(11);
  for (let added = 0; added < RANDOM_PAIRS; ) {
    const a = realTexts[Math.floor(random() * realTexts.length)];
    const b = realTexts[Math.floor(random() * realTexts.length)];
    if (a === undefined || b === undefined || a.id === b.id) continue;
    pairs.push(negativePair('random', a, b));
    added++;
  }
  return {
    pairs,
    realTexts: realTexts.length,
    writtenTopicTexts: labelled.length,
    writtenEventTexts: events.length,
    cosines: hard.map((pair) => pair.cosine),
  };
}
