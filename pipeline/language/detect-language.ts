import { eld } from 'eld/large';
import { KNOWN_LANGUAGES, type LanguageCode } from '../../core/languages.ts';
import type { LanguageGuess } from '../types.ts';
import { countForeignLetters, countLetters, dominantScript, LANGUAGE_ALPHABETS } from './alphabets.ts';
import { languageOfTag } from './language-codes.ts';
import { eldSample } from './eld-sample.ts';
import { cyrillicEvidence } from './letter-evidence.ts';
import { sampleWindows } from './sample-windows.ts';

export interface DetectLanguageInput {
  readonly text: string;
  /** Language the page declares (html lang, og:locale), any case, `ro` or `ro-RO`. */
  readonly declared?: string | null;
  /** Languages the source publishes in (config). */
  readonly sourceLanguages?: readonly LanguageCode[];
}

/** Tuning constants of {@link detectLanguage}, in one place. */
export const DETECTION = {
  /** Fewer letters than this: `und`. */
  minLetters: 2,
  /** Share of a text's letters that may lie outside a language's alphabet (foreign names) before it is ruled out. */
  foreignLetterTolerance: 0.01,
  /**
   * Added to the declared language's score for a text of {@link DETECTION.confidentLetters}
   * letters or more; eld's scores of close rivals in a sentence differ by ~0.05-0.2.
   * Shorter texts, where trigrams say little, add up to {@link DETECTION.shortTextPriorBoost} more.
   */
  declaredPrior: 0.04,
  /** Added to each of the source's languages' scores (same scaling). */
  sourcePrior: 0.02,
  /** Extra prior for the shortest texts (a title, a word), falling linearly to 0 at `confidentLetters`. */
  shortTextPriorBoost: 0.16,
  /** Letters from which the length no longer lowers the confidence. */
  confidentLetters: 80,
} as const;

/**
 * The replacement character, and its UTF-8 bytes misread as windows-1250
 * (`ďż˝`) or windows-1252 (`ï¿½`): debris of a broken encoding whose letters
 * would otherwise count as Slovak or Polish evidence.
 */
const MOJIBAKE = /ďż˝|ï¿½|\uFFFD/gu;

const UNDECIDED: LanguageGuess = { code: 'und', confidence: 0 };

/**
 * Detects the language of a text among pressmon's known languages. Steps:
 * 1. the dominant script (Latin or Cyrillic) narrows the candidates;
 * 2. alphabets rule out languages that do not write the text's letters;
 * 3. eld's n-gram scores (its large model, restricted to pressmon's
 *    languages) rank the rest, averaged over start, middle and end windows
 *    of a long text;
 * 4. Cyrillic letter evidence and the declared and source languages adjust them.
 *
 * Why eld and not franc: measured by bench/language on lingua's test texts
 * for these 11 languages, franc's trigrams reach 91.7% on sentences and 68.9%
 * on word pairs; eld's n-grams 99.0% and 92.5%. Adding franc's scores to
 * eld's, at any weight tried (0.02 to 1), only lowered accuracy.
 * Returns `und` with confidence 0 for text without enough letters or in
 * another script; confidence (0..1) grows with the winner's lead and the text's length.
 */
export function detectLanguage(input: DetectLanguageInput): LanguageGuess {
  const text = input.text.replace(MOJIBAKE, ' ');
  const letters = countLetters(text);
  const letterCount = sum(letters.values());
  if (letterCount < DETECTION.minLetters) return UNDECIDED;
  const script = dominantScript(letters);
  if (script === null) return UNDECIDED;
  const candidates = plausibleLanguages(script, letters, letterCount);
  const scores = ngramScores(text, candidates);
  if (script === 'cyrillic') addAll(scores, cyrillicEvidence(text.toLowerCase()));
  addPriors(scores, input, letterCount);
  return bestGuess(scores, letterCount);
}

/**
 * Languages of the script whose alphabets hold the text's letters, up to
 * {@link DETECTION.foreignLetterTolerance}. When every language is ruled out
 * (a text mixing several alphabets), those with the fewest foreign letters remain.
 */
export function plausibleLanguages(
  script: 'latin' | 'cyrillic',
  letters: ReadonlyMap<string, number>,
  letterCount: number,
): LanguageCode[] {
  const ofScript = KNOWN_LANGUAGES.filter((code) => LANGUAGE_ALPHABETS[code].script === script);
  const foreign = new Map(ofScript.map((code) => [code, countForeignLetters(code, letters)]));
  const tolerated = Math.floor(letterCount * DETECTION.foreignLetterTolerance);
  const plausible = ofScript.filter((code) => (foreign.get(code) ?? 0) <= tolerated);
  if (plausible.length > 0) return plausible;
  const fewest = Math.min(...foreign.values());
  return ofScript.filter((code) => foreign.get(code) === fewest);
}

// eld's detector is one shared model; the subset is the same for every caller, so it is set once.
eld.setLanguageSubset([...KNOWN_LANGUAGES]);

/** eld's 0..1 n-gram scores for the candidates, averaged over the text's windows. */
function ngramScores(text: string, candidates: readonly LanguageCode[]): Map<LanguageCode, number> {
  const scores = new Map<LanguageCode, number>(candidates.map((code) => [code, 0]));
  if (candidates.length === 1) return scores;
  const windows = sampleWindows(text);
  for (const window of windows) {
    const windowScores: Partial<Record<string, number>> = eld.detect(eldSample(window)).getScores();
    for (const code of candidates) add(scores, code, (windowScores[code] ?? 0) / windows.length);
  }
  return scores;
}

/** The declared and source languages as priors, stronger for short texts. */
function addPriors(scores: Map<LanguageCode, number>, input: DetectLanguageInput, letterCount: number): void {
  const shortness = 1 - Math.min(1, letterCount / DETECTION.confidentLetters);
  const boost = DETECTION.shortTextPriorBoost * shortness;
  const declared = languageOfTag(input.declared);
  if (declared !== null && scores.has(declared)) add(scores, declared, DETECTION.declaredPrior + boost);
  for (const code of input.sourceLanguages ?? []) {
    if (scores.has(code)) add(scores, code, DETECTION.sourcePrior + boost / 2);
  }
}

/**
 * The best-scoring language. Confidence: the lead over the runner-up (a lead
 * of 0.1 or more counts as certain; a lone candidate leads by 1) times a
 * length factor that rises from 0.5 to 1 at {@link DETECTION.confidentLetters}.
 */
function bestGuess(scores: ReadonlyMap<LanguageCode, number>, letterCount: number): LanguageGuess {
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, runnerUp] = ranked;
  if (best === undefined) return UNDECIDED;
  const lead = runnerUp === undefined ? 1 : best[1] - runnerUp[1];
  const certainty = Math.min(1, 0.5 + lead * 5);
  const lengthFactor = 0.5 + 0.5 * Math.min(1, letterCount / DETECTION.confidentLetters);
  return { code: best[0], confidence: round(certainty * lengthFactor) };
}

function addAll(scores: Map<LanguageCode, number>, adjustments: ReadonlyMap<LanguageCode, number>): void {
  for (const [code, delta] of adjustments) if (scores.has(code)) add(scores, code, delta);
}

function add(scores: Map<LanguageCode, number>, code: LanguageCode, delta: number): void {
  scores.set(code, (scores.get(code) ?? 0) + delta);
}

function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += value;
  return total;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
