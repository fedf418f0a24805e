/**
 * The start of a text that eld reads, so that eld is not given more to
 * normalise than it uses. eld's detect() (eld 2.1, src/languageDetector.js,
 * with its text clean-up off, as pressmon leaves it: clean-up deletes URLs
 * and codes and so reads further) keeps the first {@link ELD_MAX_CHARS} code
 * units, turns each run of non-letters into one space, lower-cases the rest,
 * and stops reading after at most 380 UTF-8 bytes. Every letter is at least one byte, so eld stops
 * before the 381st letter and nothing after it changes eld's scores; the
 * sample keeps {@link SAMPLE_LETTERS} letters so that what lower-casing looks
 * ahead at (whether a `Σ` ends a word) stays inside it too.
 *
 * Only letters eld's letter table certainly holds are counted: ASCII,
 * Latin-1 and Latin Extended-A letters and basic Cyrillic; a text of other
 * letters is passed whole. Measured on the pipeline benchmark's 1173
 * windows: the same scores for every one, eld ~10% cheaper per window
 * (0.17 → 0.155 ms), since its normalisation works on ~520 instead of 1000
 * characters. test/pipeline/language/eld-sample.test.ts checks that eld
 * reads nothing past the sample.
 */

/** Code units of a text eld keeps before anything else. */
export const ELD_MAX_CHARS = 1000;

/** Letters in the sample: more than the 380 eld can read, with a margin. */
export const SAMPLE_LETTERS = 400;

/** Whether eld's letter table holds the code unit (a cased Latin or Cyrillic letter). */
function isCountedLetter(code: number): boolean {
  if (code < 0xc0) return (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
  if (code <= 0x17f) return code !== 0xd7 && code !== 0xf7; // × and ÷ are no letters
  return code >= 0x400 && code <= 0x45f;
}

/**
 * The text up to and including its {@link SAMPLE_LETTERS}th counted letter,
 * or the whole text when its first {@link ELD_MAX_CHARS} code units hold
 * fewer: eld gives both the same scores.
 */
export function eldSample(text: string): string {
  const limit = Math.min(text.length, ELD_MAX_CHARS);
  let letters = 0;
  for (let index = 0; index < limit; index++) {
    if (isCountedLetter(text.charCodeAt(index)) && ++letters === SAMPLE_LETTERS) {
      return text.slice(0, index + 1);
    }
  }
  return text;
}
