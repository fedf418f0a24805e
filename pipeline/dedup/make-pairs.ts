/**
 * Evaluation pairs for story folding, built by rule from real texts (used by
 * bench/dedup and the quality-floor test). Positives are a text and a
 * transformed copy of it, the way the same story reaches us from two outlets;
 * negatives are two different texts. Deterministic for a given seed.
 */

/** A text of the evaluation corpus. */
export interface CorpusText {
  readonly id: string;
  readonly lang: string;
  readonly title: string;
  /** Paragraphs separated by blank lines. */
  readonly body: string;
}

/** How a positive copy was made, or why a negative pair is hard. */
export type PairKind =
  | 'boilerplate-swap'
  | 'paragraph-dropped'
  | 'light-edit'
  | 'agency-short'
  | 'combined'
  | 'same-subject'
  | 'random';

export interface EvaluationPair {
  readonly kind: PairKind;
  /** Whether the two are the same story (a positive). */
  readonly isSameStory: boolean;
  readonly a: { readonly id: string; readonly title: string; readonly body: string };
  readonly b: { readonly id: string; readonly title: string; readonly body: string };
}

export const POSITIVE_KINDS: readonly PairKind[] = [
  'boilerplate-swap',
  'paragraph-dropped',
  'light-edit',
  'agency-short',
  'combined',
];

/** Outlet chrome that extraction sometimes leaves at either end of a body. */
const HEADERS: readonly string[] = [
  'By Staff Reporter | Published 09:14 | Updated 11:02',
  'București, 12 mai (Agerpres) - Știre actualizată la ora 14:20',
  'Warszawa (PAP) - aktualizacja 10:35. Czas czytania: 4 minuty',
  'Listen to this article · 5 min read · Share on Facebook · Share on X',
];
const FOOTERS: readonly string[] = [
  'Follow us on Facebook, Instagram and X for the latest news. Copyright © 2024 Daily Courier. All rights reserved. Reproduction without permission is prohibited.',
  'Citește și: Guvernul a aprobat noi măsuri pentru sezonul estival. Abonează-te la newsletterul nostru și urmărește-ne pe Google News. © Agerpres 2024. Toate drepturile rezervate.',
  'Czytaj także: Nowe przepisy od lipca. Obserwuj nas w Google News. Autor: Redakcja. © Wszelkie prawa zastrzeżone. Materiał chroniony prawem autorskim.',
  'Sign up for our morning newsletter and get the day’s top stories straight to your inbox. Comments are closed for this article. Related: Markets open higher on Monday.',
];
/** Replacement words of light edits: small words any reworder inserts. */
const FILLERS: readonly string[] = ['also', 'now', 'the', 'și', 'oraz', 'then', 'reportedly', 'already'];

/** A small seeded PRNG (mulberry32): the same seed gives the same pairs. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function paragraphsOf(body: string): string[] {
  return body
    .split(/\n\s*\n|\n/u)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '');
}

function pick<T>(items: readonly T[], random: () => number): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick: empty list');
  return item;
}

/** Adds one outlet's header and footer to a text. */
function withBoilerplate(paragraphs: readonly string[], random: () => number): string[] {
  return [pick(HEADERS, random), ...paragraphs, pick(FOOTERS, random)];
}

/** Changes about one word in `every` (replaced, dropped or swapped) and some punctuation. */
export function lightlyEdit(text: string, random: () => number, every = 15): string {
  const edited = text
    .replace(/[„“”«»"]/gu, () => (random() < 0.5 ? '"' : '«'))
    .replace(/, /gu, () => (random() < 0.3 ? ' ' : ', '))
    .split(' ')
    .map((word, index, words) => {
      if (random() >= 1 / every) return word;
      const roll = random();
      if (roll < 0.4) return pick(FILLERS, random);
      if (roll < 0.7) return '';
      return `${words[index + 1] ?? ''} ${word}`;
    });
  return edited.join(' ').replace(/ {2,}/gu, ' ');
}

/** The positive copy of one kind, or null when the text is too short for it. */
export function transformCopy(text: CorpusText, kind: PairKind, random: () => number): string | null {
  const paragraphs = paragraphsOf(text.body);
  switch (kind) {
    case 'boilerplate-swap':
      return withBoilerplate(paragraphs, random).join('\n\n');
    case 'paragraph-dropped': {
      if (paragraphs.length < 3) return null;
      const drop = 1 + Math.floor(random() * (paragraphs.length - 2));
      return paragraphs.filter((_, index) => index !== drop).join('\n\n');
    }
    case 'light-edit':
      return paragraphs.map((paragraph) => lightlyEdit(paragraph, random)).join('\n\n');
    case 'agency-short': {
      const words = text.body.split(/\s+/u).length;
      if (words < 80) return null;
      // The agency sends the first ~40% of the text, with its dateline and signature.
      const keep = paragraphs.length >= 5 ? Math.ceil(paragraphs.length * 0.4) : 0;
      const short =
        keep > 0
          ? paragraphs.slice(0, keep).join('\n\n')
          : text.body
              .split(/\s+/u)
              .slice(0, Math.ceil(words * 0.4))
              .join(' ');
      return `BUCUREȘTI (Agerpres) - ${short}\n\n(Agerpres)`;
    }
    case 'combined': {
      if (paragraphs.length < 3) return null;
      const drop = 1 + Math.floor(random() * (paragraphs.length - 2));
      const kept = paragraphs.filter((_, index) => index !== drop);
      return withBoilerplate(
        kept.map((paragraph) => lightlyEdit(paragraph, random, 25)),
        random,
      ).join('\n\n');
    }
    default:
      return null;
  }
}

/** One positive pair of each kind that applies to each text. The original side carries its own boilerplate half the time. */
export function positivePairs(texts: readonly CorpusText[], seed = 1): EvaluationPair[] {
  const random = seededRandom(seed);
  const pairs: EvaluationPair[] = [];
  for (const text of texts) {
    for (const kind of POSITIVE_KINDS) {
      const copy = transformCopy(text, kind, random);
      if (copy === null) continue;
      const original =
        kind === 'boilerplate-swap' && random() < 0.5
          ? withBoilerplate(paragraphsOf(text.body), random).join('\n\n')
          : text.body;
      pairs.push({
        kind,
        isSameStory: true,
        a: { id: text.id, title: text.title, body: original },
        b: { id: `${text.id}~${kind}`, title: text.title, body: copy },
      });
    }
  }
  return pairs;
}

/** A negative pair of two different texts. */
export function negativePair(kind: 'same-subject' | 'random', a: CorpusText, b: CorpusText): EvaluationPair {
  return {
    kind,
    isSameStory: false,
    a: { id: a.id, title: a.title, body: a.body },
    b: { id: b.id, title: b.title, body: b.body },
  };
}
