import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareStoryTexts, createStoryMatcher, NEAR_COPY_THRESHOLD } from '../../../pipeline/dedup/index.ts';
import { evaluateDedup, storyText } from '../../../pipeline/dedup/evaluate-dedup.ts';
import {
  type CorpusText,
  type EvaluationPair,
  negativePair,
  positivePairs,
  seededRandom,
  transformCopy,
} from '../../../pipeline/dedup/make-pairs.ts';
import { readCorpusJsonl, sameEventPairs } from '../../../pipeline/dedup/read-corpus.ts';
import { readLabelledSet } from '../../../pipeline/topics/read-labelled-set.ts';

const FIXTURES = path.join(import.meta.dirname, '../../fixtures');
const events = readCorpusJsonl(path.join(FIXTURES, 'dedup/same-event.jsonl'));
const labelled: CorpusText[] = readLabelledSet(path.join(FIXTURES, 'topics')).map((article) => ({
  id: article.id,
  lang: article.lang,
  title: article.title,
  body: [article.lead ?? '', article.body].join('\n\n'),
}));

const byId = (id: string): CorpusText => {
  const text = [...events, ...labelled].find((candidate) => candidate.id === id);
  if (text === undefined) throw new Error(`no fixture text ${id}`);
  return text;
};
const story = (body: string) => storyText({ id: 'x', title: '', body });

describe('the story decision', () => {
  const original = byId('ro-e1-a');

  it('calls the same text an exact copy, whatever its spacing and case', () => {
    const copy = original.body.toUpperCase().replaceAll(' ', '   ');
    expect(compareStoryTexts(story(original.body), story(copy)).relation).toBe('exact-copy');
  });

  it('folds a copy with another outlet’s header and footer, a dropped paragraph, light edits or an agency’s first part', () => {
    const random = seededRandom(3);
    for (const kind of ['boilerplate-swap', 'paragraph-dropped', 'light-edit', 'combined'] as const) {
      const copy = transformCopy(original, kind, random);
      expect(copy, kind).not.toBeNull();
      expect(compareStoryTexts(story(original.body), story(copy ?? '')).relation, kind).toBe('near-copy');
    }
  });

  it('keeps two independent reports of the same event apart', () => {
    for (const [a, b] of sameEventPairs(events)) {
      const result = compareStoryTexts(story(a.body), story(b.body));
      expect(result.relation, `${a.id} | ${b.id}`).toBe('different');
      expect(result.similarity).toBeLessThan(0.3);
    }
  });

  it('does not fold a text into another on the strength of a shared phrase shorter than a sentence', () => {
    const phrase = 'Polițiștii de frontieră au descoperit 20 de migranți';
    const long = `${phrase} ascunși într-o dubă la Giurgiu. Toți au cerut azil în România, iar șoferul a fost reținut.`;
    const result = compareStoryTexts(story(phrase), story(long));
    expect(result.similarity).toBeGreaterThan(NEAR_COPY_THRESHOLD);
    expect(result.relation).toBe('different');
  });

  it('calls empty bodies different, never copies', () => {
    expect(compareStoryTexts(story(''), story('')).relation).toBe('different');
  });

  it('gives the same answers with the matcher’s shingle cache as without it', () => {
    const matcher = createStoryMatcher(2);
    const texts = [original, byId('ro-e1-b'), byId('pl-e1-a'), original];
    for (const a of texts) {
      for (const b of texts) {
        const x = story(a.body);
        const y = story(b.body);
        expect(matcher(x, y)).toEqual(compareStoryTexts(x, y));
      }
    }
  });
});

describe('story folding quality (floor; bench/dedup measures the full set)', () => {
  it('folds copies and keeps different articles on the same subject apart, in every language', () => {
    const pairs: EvaluationPair[] = positivePairs(labelled, 5);
    for (const [a, b] of sameEventPairs(events)) pairs.push(negativePair('same-subject', a, b));
    // Every pair of different labelled articles in one language: most share a topic.
    for (const [i, a] of labelled.entries()) {
      for (const b of labelled.slice(i + 1))
        if (a.lang === b.lang) pairs.push(negativePair('same-subject', a, b));
    }
    const result = evaluateDedup(pairs, createStoryMatcher());
    expect(pairs.filter((pair) => pair.isSameStory).length).toBeGreaterThan(300);
    expect(result.precision).toBeGreaterThanOrEqual(0.99);
    expect(result.recall).toBeGreaterThanOrEqual(0.99);
  });
});
