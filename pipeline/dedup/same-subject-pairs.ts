import type { CorpusText } from './make-pairs.ts';
import { dedupWords } from './shingles.ts';

/** Words shorter than this are mostly function words; they say nothing about the subject. */
const MIN_TOPIC_WORD_LENGTH = 4;

/**
 * The pairs of different texts, in the same language, that share the most
 * subject words: the cosine of their bags of words (length ≥ 4, weighted by
 * inverse document frequency over `texts`). These are the hard negatives of
 * story folding: two articles about the same event or subject that are not
 * copies of each other. Returns the `count` highest pairs, best first, each
 * with its cosine.
 */
export function sameSubjectPairs(
  texts: readonly CorpusText[],
  count: number,
): { readonly a: CorpusText; readonly b: CorpusText; readonly cosine: number }[] {
  const bags = texts.map((text) => bagOf(`${text.title} ${text.body}`));
  const documentFrequency = new Map<string, number>();
  for (const bag of bags) {
    for (const word of bag.keys()) documentFrequency.set(word, (documentFrequency.get(word) ?? 0) + 1);
  }
  const vectors = bags.map((bag) => weigh(bag, documentFrequency, texts.length));
  const found: { a: CorpusText; b: CorpusText; cosine: number }[] = [];
  for (let i = 0; i < texts.length; i++) {
    for (let j = i + 1; j < texts.length; j++) {
      const a = texts[i];
      const b = texts[j];
      const va = vectors[i];
      const vb = vectors[j];
      if (a === undefined || b === undefined || va === undefined || vb === undefined) continue;
      if (a.lang !== b.lang) continue;
      found.push({ a, b, cosine: cosine(va, vb) });
    }
  }
  return found.sort((x, y) => y.cosine - x.cosine).slice(0, count);
}

function bagOf(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const word of dedupWords(text)) {
    if (word.length < MIN_TOPIC_WORD_LENGTH) continue;
    bag.set(word, (bag.get(word) ?? 0) + 1);
  }
  return bag;
}

function weigh(bag: Map<string, number>, df: Map<string, number>, total: number): Map<string, number> {
  const vector = new Map<string, number>();
  let norm = 0;
  for (const [word, count] of bag) {
    const weight = (1 + Math.log(count)) * Math.log(total / (df.get(word) ?? 1));
    vector.set(word, weight);
    norm += weight * weight;
  }
  const length = Math.sqrt(norm) || 1;
  for (const [word, weight] of vector) vector.set(word, weight / length);
  return vector;
}

function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [word, weight] of small) sum += weight * (large.get(word) ?? 0);
  return sum;
}
