/**
 * Languages pressmon knows. The coalition works in the first five; the rest are
 * languages its sources carry or that are easily confused with them.
 */
export const COALITION_LANGUAGES = ['ro', 'pl', 'en', 'ru', 'uk'] as const;
export const KNOWN_LANGUAGES = [...COALITION_LANGUAGES, 'hu', 'de', 'fr', 'bg', 'cs', 'sk'] as const;

export type CoalitionLanguage = (typeof COALITION_LANGUAGES)[number];
/** ISO 639-1 code of a language pressmon can detect and analyse. */
export type LanguageCode = (typeof KNOWN_LANGUAGES)[number];
/** A detected language, or `und` when the text does not decide it. */
export type DetectedLanguageCode = LanguageCode | 'und';

export function isLanguageCode(value: string): value is LanguageCode {
  return (KNOWN_LANGUAGES as readonly string[]).includes(value);
}

export function isCoalitionLanguage(value: string): value is CoalitionLanguage {
  return (COALITION_LANGUAGES as readonly string[]).includes(value);
}
