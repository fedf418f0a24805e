import { decodeHTML } from 'entities';

/**
 * The content of htmlparser2's "special" elements (script, style, title,
 * textarea, xmp): raw text that runs to the element's closing tag, where no
 * markup counts.
 */

const sequenceOf = (name: string): readonly number[] =>
  [...`</${name}`].map((letter) => letter.charCodeAt(0));

/** The closing sequence of each element whose content is raw text. */
export const RAW_TEXT_ENDS: ReadonlyMap<string, readonly number[]> = new Map(
  ['script', 'style', 'title', 'textarea', 'xmp'].map((name) => [name, sequenceOf(name)]),
);

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;

/** htmlparser2's white space: space, tab, line feed, form feed, carriage return. */
export function isParserSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}

/**
 * Where raw text starting at `from` ends: htmlparser2's rule (Tokenizer
 * `stateInSpecialTag`), step for step. It compares characters with the end
 * sequence after `| 0x20` (its case folding), restarts the sequence at a `<`,
 * and needs white space or `>` after it. Outside a title it jumps to the
 * next `<` after a mismatch (its `fastForwardTo`), which skips the characters
 * that `| 0x20` would fold into `<`; `isTitle` compares every character.
 * Returns the index of the sequence's first character, or -1 when the text
 * runs to the end of the page.
 */
export function findRawTextEnd(
  html: string,
  from: number,
  sequence: readonly number[],
  isTitle: boolean,
): number {
  let matched = 0;
  for (let at = from; at < html.length; at += 1) {
    const code = html.charCodeAt(at);
    if (matched === sequence.length) {
      if (code === GT || isParserSpace(code)) return at - sequence.length;
      matched = 0;
    }
    if ((code | 0x20) === sequence[matched]) matched += 1;
    else if (matched !== 0) matched = code === LT ? 1 : 0;
    else if (!isTitle) {
      at = html.indexOf('<', at + 1);
      if (at === -1) return -1;
      matched = 1;
    }
  }
  return -1;
}

/**
 * A title's text, decoded as htmlparser2 decodes it: entities count only
 * where no part of `</title` has just been matched (an `&` right after `</t`
 * stays as written).
 */
export function decodeTitle(raw: string, sequence: readonly number[]): string {
  if (!raw.includes('&')) return raw;
  let decoded = '';
  let pieceStart = 0;
  let matched = 0;
  for (let at = 0; at < raw.length; at += 1) {
    const code = raw.charCodeAt(at);
    if (matched === sequence.length) matched = 0;
    if ((code | 0x20) === sequence[matched]) matched += 1;
    else if (matched !== 0) {
      if (code === AMP) {
        decoded += `${decodeHTML(raw.slice(pieceStart, at))}&`;
        pieceStart = at + 1;
      }
      matched = code === LT ? 1 : 0;
    }
  }
  return decoded + decodeHTML(raw.slice(pieceStart));
}
