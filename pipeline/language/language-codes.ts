import { KNOWN_LANGUAGES, type LanguageCode } from '../../core/languages.ts';

/** ISO 639-3 code franc answers for each language pressmon knows. */
export const ISO_639_3: Readonly<Record<LanguageCode, string>> = {
  ro: 'ron',
  pl: 'pol',
  en: 'eng',
  ru: 'rus',
  uk: 'ukr',
  hu: 'hun',
  de: 'deu',
  fr: 'fra',
  bg: 'bul',
  cs: 'ces',
  sk: 'slk',
};

const FROM_639_3 = new Map<string, LanguageCode>(KNOWN_LANGUAGES.map((code) => [ISO_639_3[code], code]));

/** The ISO 639-1 code of a franc answer, or null for a language pressmon does not know. */
export function fromIso6393(code: string): LanguageCode | null {
  return FROM_639_3.get(code) ?? null;
}

/**
 * The language a declared tag names (`ro`, `ro-RO`, `ro_MD`, `uk-UA`), or null.
 * Declared tags come from html lang, og:locale and JSON-LD inLanguage.
 */
export function languageOfTag(tag: string | null | undefined): LanguageCode | null {
  if (tag === null || tag === undefined) return null;
  const primary = tag.trim().toLowerCase().split(/[-_]/u)[0] ?? '';
  if (primary === 'ua') return 'uk'; // a common mistake: the country code for the language
  if (primary === 'mo') return 'ro'; // the withdrawn code for Moldovan
  return (KNOWN_LANGUAGES as readonly string[]).includes(primary) ? (primary as LanguageCode) : null;
}
