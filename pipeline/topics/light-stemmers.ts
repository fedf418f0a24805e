/**
 * Light suffix-stripping stemmers for Romanian and Polish, which natural does
 * not stem (its Polish "stemmer" returns the word unchanged). They work on
 * folded words (no diacritics) and remove one inflectional ending, keeping at
 * least {@link MIN_STEM_LENGTH} letters. They only need to bring a term and its
 * inflected forms to the same stem, not to find linguistic roots:
 * `refugiat`, `refugiați`, `refugiaților`, `refugiatul` → `refugiat`;
 * `uchodźca`, `uchodźców`, `uchodźcami` → `uchodzc`. Alternating stems
 * (`copil`/`copii`, `pracownik`/`pracownicy`) are out of reach: use a prefix
 * term (`copi*`, `pracowni*`) for those.
 */
export const MIN_STEM_LENGTH = 3;

// Longest first: the first ending that leaves a long enough stem is removed.
const ROMANIAN_ENDINGS = [
  'urilor',
  'iilor',
  'urile',
  'ilor',
  'elor',
  'ului',
  'iile',
  'uri',
  'iei',
  'ile',
  'ele',
  'ii',
  'ei',
  'ul',
  'ia',
  'ie',
  'le',
  'i',
  'e',
  'a',
] as const;

const POLISH_ENDINGS = [
  'owego',
  'owych',
  'owymi',
  'owie',
  'owej',
  'owym',
  'ami',
  'ach',
  'ego',
  'emu',
  'ymi',
  'imi',
  'ich',
  'ych',
  'owi',
  'owa',
  'owe',
  'owy',
  'ow',
  'om',
  'em',
  'ie',
  'iu',
  'y',
  'i',
  'a',
  'e',
  'o',
  'u',
] as const;

/** Polish stem alternations undone before the endings: `cudzoziemiec`/`cudzoziemca`, `migrant`/`migranci`. */
const POLISH_ALTERNATIONS: readonly (readonly [RegExp, string])[] = [
  [/iec$/u, 'c'],
  [/ec$/u, 'c'],
  [/nci$/u, 'nt'],
];

/** Stem of a folded Romanian word. */
export function stemRomanian(folded: string): string {
  return stripEnding(folded, ROMANIAN_ENDINGS);
}

/** Stem of a folded Polish word. */
export function stemPolish(folded: string): string {
  for (const [pattern, replacement] of POLISH_ALTERNATIONS) {
    if (pattern.test(folded)) {
      const altered = folded.replace(pattern, replacement);
      if (altered.length >= MIN_STEM_LENGTH + 1) return altered;
    }
  }
  return stripEnding(folded, POLISH_ENDINGS);
}

function stripEnding(word: string, endings: readonly string[]): string {
  for (const ending of endings) {
    if (word.endsWith(ending) && word.length - ending.length >= MIN_STEM_LENGTH) {
      return word.slice(0, -ending.length);
    }
  }
  return word;
}
