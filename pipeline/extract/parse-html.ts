import { type CheerioAPI, load } from 'cheerio';
import type { Element } from 'domhandler';
import { allElements } from './dom-text.ts';

/**
 * Parsing a page, faster on the script-heavy pages of news sites.
 *
 * htmlparser2 reads the content of `<script>` and `<style>` one character at
 * a time through its state machine, and news pages carry 100-300 kB of inline
 * scripts: a third of parsing time. Here those contents ("raw text") are cut
 * out of the HTML before parsing, found with the same end rule as the
 * parser's (the first `</script` or `</style`, any case, followed by white
 * space or `>`), and put back as the elements' text afterwards. The tree is the
 * one the parser builds from the whole page.
 *
 * Whether a `<script` in the HTML really opens a script (and not a comment or
 * an attribute value) and where its start tag ends is the parser's business,
 * so every cut is checked against the tree parsed without it: the element of
 * that name must end exactly at the closing tag after the cut, hold nothing,
 * and not have been closed by `/>`. If any cut fails the check, the page is
 * parsed again whole. Contents shorter than {@link MIN_CUT_CHARS} stay in place.
 */

/** htmlparser2: several times faster than parse5 on news pages, and lenient enough for extraction. */
const PARSER_OPTIONS = { xml: { xmlMode: false, decodeEntities: true } } as const;
/** The same, with the end index of every node, to check the cuts. */
const CHECKED_PARSER_OPTIONS = { xml: { ...PARSER_OPTIONS.xml, withEndIndices: true } } as const;

/** Raw text shorter than this is not worth a cut. */
export const MIN_CUT_CHARS = 128;

/** One element's raw text, cut out of the HTML. */
interface Cut {
  readonly name: 'script' | 'style';
  /** The text that was cut. */
  readonly text: string;
  /** Where the closing tag's name ends in the shortened HTML: the parser's end index of the element. */
  readonly endIndex: number;
  /** Where the start tag ends (`>`) in the shortened HTML. */
  readonly startTagEnd: number;
}

/** Parses a page as `load(html, PARSER_OPTIONS)` would, with script and style contents cut and restored. */
export function parseHtml(html: string): CheerioAPI {
  const { shortened, cuts } = cutRawText(html);
  if (cuts.length === 0) return load(html, PARSER_OPTIONS);
  const $ = load(shortened, CHECKED_PARSER_OPTIONS);
  const elements = matchCuts($, shortened, cuts);
  if (elements === null) return load(html, PARSER_OPTIONS);
  elements.forEach((element, index) => {
    $(element).text(cuts[index]?.text ?? '');
  });
  return $;
}

/**
 * The element each cut was taken from, in the order of `cuts`, or null when
 * one cut does not match the tree (see the module comment).
 */
function matchCuts($: CheerioAPI, shortened: string, cuts: readonly Cut[]): Element[] | null {
  const root = $.root()[0];
  const byEnd = new Map<number, Element>();
  for (const element of root === undefined ? [] : allElements(root)) {
    if ((element.name === 'script' || element.name === 'style') && element.endIndex !== null)
      byEnd.set(element.endIndex, element);
  }
  const matched: Element[] = [];
  for (const cut of cuts) {
    const element = byEnd.get(cut.endIndex);
    const isMatch =
      element !== undefined &&
      element.name === cut.name &&
      element.children.length === 0 &&
      !isSelfClosing(shortened, cut.startTagEnd);
    if (!isMatch) return null;
    matched.push(element);
  }
  return matched;
}

/** Whether the start tag ending at `tagEnd` ends with `/>` (white space allowed between), which the parser treats as self-closing. */
function isSelfClosing(html: string, tagEnd: number): boolean {
  let at = tagEnd - 1;
  while (at > 0 && isParserSpace(html.charCodeAt(at))) at -= 1;
  return html.charCodeAt(at) === SLASH;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** htmlparser2's white space: space, tab, line feed, form feed, carriage return. */
function isParserSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x09 || code === 0x0c || code === 0x0d;
}

/** Start tags of elements with raw text, and comments (skipped whole, so that a commented-out script is not cut). */
const RAW_TEXT_START = /<!--|<(script|style)(?=[\t\n\f\r />])/gi;

/** The HTML with long script and style contents removed, and what was removed. */
function cutRawText(html: string): { shortened: string; cuts: Cut[] } {
  const pieces: string[] = [];
  const cuts: Cut[] = [];
  let keptUpTo = 0;
  let removed = 0;
  RAW_TEXT_START.lastIndex = 0;
  for (let match = RAW_TEXT_START.exec(html); match !== null; match = RAW_TEXT_START.exec(html)) {
    const at = match.index;
    const name = match[1]?.toLowerCase();
    if (name === undefined) {
      // A comment: htmlparser2 ends it at the first `-->`, whose dashes may be those of `<!--`.
      const end = html.indexOf('-->', at + 2);
      if (end === -1) break;
      RAW_TEXT_START.lastIndex = end + 3;
      continue;
    }
    const startTagEnd = findStartTagEnd(html, at + match[0].length);
    if (startTagEnd === -1) break;
    const textEnd = findRawTextEnd(html, startTagEnd + 1, name === 'script' ? SCRIPT_END : STYLE_END);
    if (textEnd === -1) break;
    if (textEnd - (startTagEnd + 1) >= MIN_CUT_CHARS) {
      pieces.push(html.slice(keptUpTo, startTagEnd + 1));
      cuts.push({
        name: name === 'script' ? 'script' : 'style',
        text: html.slice(startTagEnd + 1, textEnd),
        startTagEnd: startTagEnd - removed,
        endIndex: startTagEnd + 1 - removed + (name === 'script' ? SCRIPT_END : STYLE_END).length,
      });
      removed += textEnd - (startTagEnd + 1);
      keptUpTo = textEnd;
    }
    RAW_TEXT_START.lastIndex = textEnd;
  }
  if (cuts.length === 0) return { shortened: html, cuts };
  pieces.push(html.slice(keptUpTo));
  return { shortened: pieces.join(''), cuts };
}

/**
 * The `>` ending a start tag whose attributes begin at `from`; a `>` inside
 * a quoted attribute value does not count. -1 when the tag never ends.
 */
function findStartTagEnd(html: string, from: number): number {
  for (let at = from; at < html.length; at += 1) {
    const code = html.charCodeAt(at);
    if (code === GT) return at;
    if (code !== EQUALS) continue;
    let valueStart = at + 1;
    while (isParserSpace(html.charCodeAt(valueStart))) valueStart += 1;
    const quote = html.charCodeAt(valueStart);
    if (quote !== DOUBLE_QUOTE && quote !== SINGLE_QUOTE) continue;
    const valueEnd = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", valueStart + 1);
    if (valueEnd === -1) return -1;
    at = valueEnd;
  }
  return -1;
}

const SCRIPT_END = [...'</script'].map((letter) => letter.charCodeAt(0));
const STYLE_END = [...'</style'].map((letter) => letter.charCodeAt(0));

/**
 * Where raw text starting at `from` ends: htmlparser2's rule (Tokenizer
 * `stateInSpecialTag`), step for step. It compares characters with the end
 * sequence after `| 0x20` (its case folding), restarts the sequence at a `<`,
 * and needs white space or `>` after it. Returns the index of the sequence's
 * `<`, or -1 when the text runs to the end of the page.
 */
function findRawTextEnd(html: string, from: number, sequence: readonly number[]): number {
  let matched = 0;
  for (let at = from; at < html.length; at += 1) {
    const code = html.charCodeAt(at);
    if (matched === sequence.length) {
      if (code === GT || isParserSpace(code)) return at - sequence.length;
      matched = 0;
    }
    if ((code | 0x20) === sequence[matched]) matched += 1;
    else if (matched === 0) {
      at = html.indexOf('<', at + 1);
      if (at === -1) return -1;
      matched = 1;
    } else matched = code === LT ? 1 : 0;
  }
  return -1;
}
