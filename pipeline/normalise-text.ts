/**
 * Text normalisation: the one form every later stage (language, topics,
 * fingerprints, the index) sees. Choices, as one table:
 * - Unicode NFC, so that `ă` is one code point whatever the page sent;
 * - Romanian ş ţ Ş Ţ (cedilla, from old keyboards and legacy encodings) become
 *   ș ț Ș Ț (comma below), the correct letters; pressmon follows no Turkish
 *   press, where the cedilla forms are right;
 * - typographic apostrophes ’ ‘ ʼ become `'` (one apostrophe for search and the
 *   Ukrainian `пам'ять`); quotation marks „ ” “ « » stay as written;
 * - dashes – — stay (they are punctuation with a meaning); the Unicode hyphens
 *   U+2010 U+2011 become `-`;
 * - zero-width characters, the BOM, soft hyphens and control characters are removed;
 * - every kind of space becomes one space, runs of spaces collapse, lines are
 *   trimmed; line breaks stay, and blank lines collapse to one blank line
 *   (the paragraph break).
 */
const CEDILLA_TO_COMMA: Readonly<Record<string, string>> = { ş: 'ș', ţ: 'ț', Ş: 'Ș', Ţ: 'Ț' };
const CEDILLA = /[şţŞŢ]/gu;
const APOSTROPHES = /[’‘ʼ]/gu;
const HYPHENS = /[\u2010\u2011]/gu;
// Zero-width space/non-joiner/joiner, word joiner, BOM, soft hyphen, and C0/C1 controls except tab and newline.
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/gu;
// Tab, no-break space, the typographic spaces, narrow no-break space, medium mathematical and ideographic space.
const SPACES = /[\t\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]+/gu;

/** Normalises article text as documented above; idempotent. */
export function normaliseText(text: string): string {
  const characters = text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(CEDILLA, (letter) => CEDILLA_TO_COMMA[letter] ?? letter)
    .replace(APOSTROPHES, "'")
    .replace(HYPHENS, '-');
  return normaliseWhitespace(characters);
}

/** One space between words, trimmed lines, at most one blank line between paragraphs. */
export function normaliseWhitespace(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/gu, '\n')
    .replace(SPACES, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/gu, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trim();
}
