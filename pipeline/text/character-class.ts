/**
 * The classes of characters that word scanners need — letter or digit
 * (`[\p{L}\p{N}]`), combining mark (`\p{M}`), apostrophe (`'’‘ʼ`), other —
 * read from a table of every BMP code unit filled in on first sight, instead
 * of a regular expression per character (the scanners of pipeline/topics/tokenise.ts
 * and pipeline/dedup/scan-words.ts). A letter outside the BMP is a letter;
 * a lone surrogate is no letter, as for the `u` regular expressions.
 */

export const LETTER = 1;
export const MARK = 2;
export const APOSTROPHE = 3;
export const OTHER = 4;
/** A high surrogate: its class is that of the code point it starts, if a low surrogate follows. */
export const SURROGATE = 5;
export type CharacterClass = typeof LETTER | typeof MARK | typeof APOSTROPHE | typeof OTHER;

const LETTER_CHARACTER = /^[\p{L}\p{N}]$/u;
const MARK_CHARACTER = /^\p{M}$/u;
const APOSTROPHES = "'’‘ʼ";

function classify(character: string): CharacterClass {
  if (LETTER_CHARACTER.test(character)) return LETTER;
  if (MARK_CHARACTER.test(character)) return MARK;
  return APOSTROPHES.includes(character) ? APOSTROPHE : OTHER;
}

// 0 = not yet known.
const BMP_CLASSES = new Uint8Array(0x10000);
const ASTRAL_CLASSES = new Map<number, CharacterClass>();

/** The class of a UTF-16 code unit: {@link SURROGATE} for a high surrogate. */
export function classOfCodeUnit(code: number): number {
  const found = BMP_CLASSES[code] ?? 0;
  if (found !== 0) return found;
  const filled = code >= 0xd800 && code <= 0xdbff ? SURROGATE : classify(String.fromCharCode(code));
  BMP_CLASSES[code] = filled;
  return filled;
}

/** The class of the code point of a surrogate pair. */
export function classOfCodePoint(high: number, low: number): CharacterClass {
  const codePoint = ((high - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
  let found = ASTRAL_CLASSES.get(codePoint);
  if (found === undefined) {
    found = classify(String.fromCodePoint(codePoint));
    ASTRAL_CLASSES.set(codePoint, found);
  }
  return found;
}

export function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** The class of the character at `index` (that of its code point; a lone surrogate is {@link OTHER}). */
export function classAt(text: string, index: number): CharacterClass {
  const code = text.charCodeAt(index);
  const found = classOfCodeUnit(code);
  if (found !== SURROGATE) return found as CharacterClass;
  const low = text.charCodeAt(index + 1);
  return isLowSurrogate(low) ? classOfCodePoint(code, low) : OTHER;
}
