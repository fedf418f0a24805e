import type { LanguageCode } from '../../core/languages.ts';

/**
 * Script-specific evidence that trigram statistics miss, as score adjustments
 * added to franc's 0..1 scores. Presence of a language's own letters is
 * handled by the alphabets (a letter outside a language's alphabet rules it
 * out); this module adds what alphabets cannot say:
 * - Bulgarian writes `ъ` before consonants (`във`, `държава`); Russian only
 *   before е ё ю я (`объявил`);
 * - Bulgarian writes `ь` only before `о` (`шофьор`); Russian and Ukrainian
 *   write it at word ends and before consonants (`говорить`, `очнулась`);
 * - Ukrainian writes an apostrophe inside words (`пам'ять`, `сім’я`).
 *
 * Not here: a penalty for a long Russian text without ы/э or a Ukrainian one
 * without і/ї/є. It helped franc's trigrams and costs eld's n-grams 0.3 points
 * on sentences and 6 on Ukrainian word pairs (bench/language), which already
 * weigh those letters.
 */
export const LETTER_EVIDENCE = {
  /** Added to Bulgarian per `ъ` before a consonant, up to {@link LETTER_EVIDENCE.maxBonus}. */
  bulgarianHardSign: 0.06,
  /** Added to Ukrainian per apostrophe between Cyrillic letters. */
  ukrainianApostrophe: 0.06,
  maxBonus: 0.2,
  /** Subtracted from Bulgarian per `ь` that is not followed by `о`, up to {@link LETTER_EVIDENCE.maxBonus}. */
  softSignNotBulgarian: 0.15,
} as const;

const BULGARIAN_HARD_SIGN = /ъ(?=[бвгджзйклмнпрстфхцчшщ])/gu;
const SOFT_SIGN_NOT_BEFORE_O = /ь(?!о)/gu;
const UKRAINIAN_APOSTROPHE = /\p{Script=Cyrillic}['’ʼ]\p{Script=Cyrillic}/gu;

/** Score adjustments for the Cyrillic languages; empty for other texts. */
export function cyrillicEvidence(lowerText: string): Map<LanguageCode, number> {
  const adjustments = new Map<LanguageCode, number>();
  const hardSigns = lowerText.match(BULGARIAN_HARD_SIGN)?.length ?? 0;
  if (hardSigns > 0) adjustments.set('bg', capped(hardSigns * LETTER_EVIDENCE.bulgarianHardSign));
  const softSigns = lowerText.match(SOFT_SIGN_NOT_BEFORE_O)?.length ?? 0;
  if (softSigns > 0) add(adjustments, 'bg', -capped(softSigns * LETTER_EVIDENCE.softSignNotBulgarian));
  const apostrophes = lowerText.match(UKRAINIAN_APOSTROPHE)?.length ?? 0;
  if (apostrophes > 0) adjustments.set('uk', capped(apostrophes * LETTER_EVIDENCE.ukrainianApostrophe));
  return adjustments;
}

function capped(bonus: number): number {
  return Math.min(bonus, LETTER_EVIDENCE.maxBonus);
}

function add(adjustments: Map<LanguageCode, number>, language: LanguageCode, delta: number): void {
  adjustments.set(language, (adjustments.get(language) ?? 0) + delta);
}
