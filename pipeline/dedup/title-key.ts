import { dedupWords } from './shingles.ts';

/** Titles with fewer words have no key: "Live", "Weather", "Breaking news" name no story. */
export const MIN_TITLE_KEY_WORDS = 4;

/**
 * The title as a lookup key: the words of the title after dedup
 * normalisation (lower-case, no diacritics, no punctuation) joined by single
 * spaces. Syndicated copies often keep the agency's title verbatim, so an equal
 * key is a cheap extra candidate; it never decides a fold on its own.
 * Returns null for titles under {@link MIN_TITLE_KEY_WORDS} words.
 */
export function titleKeyOf(title: string): string | null {
  const words = dedupWords(title);
  return words.length < MIN_TITLE_KEY_WORDS ? null : words.join(' ');
}
