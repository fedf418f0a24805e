import type { Document } from 'domhandler';
import { decodeHTML, decodeHTMLAttribute } from 'entities';
import { TreeBuilder } from './html-tree.ts';
import { readName } from './known-names.ts';
import { decodeTitle, findRawTextEnd, isParserSpace, RAW_TEXT_ENDS } from './raw-text.ts';

/**
 * Parsing a page into a domhandler tree: the same tree as htmlparser2's
 * `parseDocument(html, { xmlMode: false, decodeEntities: true })`, built in
 * one pass that jumps from `<` to `<` with `indexOf` instead of stepping
 * through a state machine one character at a time: on news pages, preparing
 * and parsing take 1.8 CPU ms instead of 3.7 with htmlparser2 and the script
 * cuts parse-html.ts made before (bench/extract/parse.ts). Every branch below is one of htmlparser2's Tokenizer states, with
 * its quirks: `</>` is text, `</3>` a comment, `<!x>` a declaration, an
 * attribute value without quotes runs to white space or `>`, the first of
 * two attributes of one name wins, and a tag cut by the end of the page
 * disappears.
 *
 * Nesting is capped while scanning: an opening tag that would nest deeper
 * than `maxDepth` is dropped (its content is kept), and so is the closing
 * tag that matches it. Depth counts as prepare-html.ts always counted it:
 * every opening tag except void elements, implicitly closed elements and
 * tags written with `/>`, minus every closing tag of those.
 */

const GT = 0x3e;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const DASH = 0x2d;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const OPENING_BRACKET = 0x5b;

/** Elements that never add nesting depth: void ones… */
const DEPTHLESS_VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link']);
for (const name of ['meta', 'param', 'source', 'track', 'wbr']) DEPTHLESS_VOID.add(name);
/** …and those that browsers close implicitly; counting them would inflate the depth of valid pages. */
const DEPTHLESS_IMPLIED = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody']);

function isAsciiAlpha(code: number): boolean {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a);
}

/** Bits of `ATTRIBUTE_NAME_ENDS` from 0x20: space, `/`, `=` and `>`. */
const ATTRIBUTE_NAME_ENDS = (1 << 0) | (1 << (SLASH - 0x20)) | (1 << (EQUALS - 0x20)) | (1 << (GT - 0x20));

/**
 * White space, `/`, `=` or `>`: what ends an attribute name. Letters and
 * most characters of names lie above `>` and need one comparison.
 */
function isAttributeNameEnd(code: number): boolean {
  if (code > GT) return false;
  return code >= 0x20 ? ((ATTRIBUTE_NAME_ENDS >>> (code - 0x20)) & 1) === 1 : isParserSpace(code);
}

/** White space, `/` or `>`: what ends a tag or attribute name. */
function isTagSectionEnd(code: number): boolean {
  return code === SLASH || code === GT || isParserSpace(code);
}

/** Parses `html` (see the module comment); never throws, linear in the length of the page. */
export function scanHtml(html: string, maxDepth: number): Document {
  return new Scanner(html, maxDepth).run();
}

class Scanner {
  private readonly tree = new TreeBuilder();
  private depth = 0;
  /** Where the next `&` of the page is, from the last position asked about on (the page's length when none). */
  private nextAmpersand = -1;
  /** The names of the attributes of the tag being read, the first `attributeCount` of them. */
  private readonly attributeNames: string[] = [];
  private attributeCount = 0;
  private readonly html: string;
  private readonly maxDepth: number;

  constructor(html: string, maxDepth: number) {
    this.html = html;
    this.maxDepth = maxDepth;
  }

  run(): Document {
    const html = this.html;
    const length = html.length;
    let textStart = 0;
    let at = 0;
    for (;;) {
      const lt = html.indexOf('<', at);
      // A `<` that ends the page is text.
      if (lt === -1 || lt + 1 >= length) break;
      const next = html.charCodeAt(lt + 1);
      if (next === SLASH) {
        let nameStart = lt + 2;
        while (nameStart < length && isParserSpace(html.charCodeAt(nameStart))) nameStart += 1;
        // `</` and white space up to the end of the page, or `</>`: text.
        if (nameStart >= length) break;
        if (html.charCodeAt(nameStart) === GT) {
          at = nameStart + 1;
          continue;
        }
        this.text(textStart, lt);
        at = isAsciiAlpha(html.charCodeAt(nameStart))
          ? this.closingTag(nameStart)
          : this.bogusComment(nameStart);
      } else if (isAsciiAlpha(next)) {
        this.text(textStart, lt);
        at = this.openingTag(lt);
      } else if (next === BANG) {
        this.text(textStart, lt);
        at = this.declaration(lt + 2);
      } else if (next === QUESTION) {
        this.text(textStart, lt);
        at = this.instruction('?', lt + 2, lt + 2);
      } else {
        at = lt + 1;
        continue;
      }
      textStart = at;
    }
    this.text(textStart, length);
    return this.tree.document;
  }

  /** Text from `start` to `end`, entities decoded. */
  private text(start: number, end: number): void {
    if (end <= start) return;
    const raw = this.html.slice(start, end);
    this.tree.text(this.hasAmpersand(start, end) ? decodeHTML(raw) : raw);
  }

  /**
   * Whether the page has an `&` from `start` to `end`; `start` never goes
   * back, so finding every `&` costs one pass over the page.
   */
  private hasAmpersand(start: number, end: number): boolean {
    if (this.nextAmpersand < start) {
      const found = this.html.indexOf('&', start);
      this.nextAmpersand = found === -1 ? this.html.length : found;
    }
    return this.nextAmpersand < end;
  }

  /** What htmlparser2 does with a construct the page ends in: the rest of the page from `from`, as written. */
  private trailingText(from: number): number {
    if (from < this.html.length) this.tree.text(this.html.slice(from));
    return this.html.length;
  }

  /** An opening tag at `lt`; returns where scanning goes on. */
  private openingTag(lt: number): number {
    const html = this.html;
    const length = html.length;
    let at = lt + 2;
    while (at < length && !isTagSectionEnd(html.charCodeAt(at))) at += 1;
    const name = readName(html, lt + 1, at);
    const attributes: Record<string, string> = {};
    this.attributeCount = 0;
    let isSelfClosing = false;
    for (;;) {
      if (at >= length) return length;
      const code = html.charCodeAt(at);
      if (code === GT) break;
      if (isParserSpace(code)) {
        at += 1;
      } else if (code === SLASH) {
        at += 1;
        while (at < length && isParserSpace(html.charCodeAt(at))) at += 1;
        if (at < length && html.charCodeAt(at) === GT) {
          isSelfClosing = true;
          break;
        }
      } else {
        at = this.attribute(at, attributes);
      }
    }
    return this.openElement(name, attributes, isSelfClosing, at);
  }

  /**
   * One attribute whose name starts at `start` (its first character is part
   * of the name, whatever it is), added unless one of that name came first.
   * Returns the index after it, or the page's length when the page ends in it.
   */
  private attribute(start: number, attributes: Record<string, string>): number {
    const html = this.html;
    const length = html.length;
    let at = start + 1;
    while (at < length && !isAttributeNameEnd(html.charCodeAt(at))) at += 1;
    const name = readName(html, start, at);
    while (at < length && isParserSpace(html.charCodeAt(at))) at += 1;
    let value = '';
    if (at < length && html.charCodeAt(at) === EQUALS) {
      at += 1;
      while (at < length && isParserSpace(html.charCodeAt(at))) at += 1;
      if (at >= length) return length;
      const quote = html.charCodeAt(at);
      let valueEnd: number;
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        valueEnd = html.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", at + 1);
        if (valueEnd === -1) return length;
        value = html.slice(at + 1, valueEnd);
        if (this.hasAmpersand(at + 1, valueEnd)) value = decodeHTMLAttribute(value);
        valueEnd += 1;
      } else {
        valueEnd = at;
        for (; valueEnd < length; valueEnd += 1) {
          const code = html.charCodeAt(valueEnd);
          if (code === GT || isParserSpace(code)) break;
        }
        if (valueEnd >= length) return length;
        value = html.slice(at, valueEnd);
        if (this.hasAmpersand(at, valueEnd)) value = decodeHTMLAttribute(value);
      }
      at = valueEnd;
    }
    const names = this.attributeNames;
    const count = this.attributeCount;
    for (let i = 0; i < count; i += 1) if (names[i] === name) return at;
    names[count] = name;
    this.attributeCount = count + 1;
    attributes[name] = value;
    return at;
  }

  /** The element of an opening tag whose `>` is at `gt`, and its raw text if it has some. */
  private openElement(
    name: string,
    attributes: Record<string, string>,
    isSelfClosing: boolean,
    gt: number,
  ): number {
    const html = this.html;
    if (!DEPTHLESS_VOID.has(name) && !DEPTHLESS_IMPLIED.has(name) && html.charCodeAt(gt - 1) !== SLASH) {
      this.depth += 1;
      if (this.depth > this.maxDepth) return gt + 1;
    }
    this.tree.openTag(name, attributes, isSelfClosing);
    const sequence = isSelfClosing ? undefined : RAW_TEXT_ENDS.get(name);
    if (sequence === undefined) return gt + 1;
    const isTitle = name === 'title';
    const end = findRawTextEnd(html, gt + 1, sequence, isTitle);
    const raw = html.slice(gt + 1, end === -1 ? html.length : end);
    this.tree.text(isTitle ? decodeTitle(raw, sequence) : raw);
    return end === -1 ? html.length : this.closingTag(end + 2);
  }

  /** A closing tag whose name starts at `nameStart`; returns where scanning goes on. */
  private closingTag(nameStart: number): number {
    const html = this.html;
    const length = html.length;
    let at = nameStart + 1;
    for (; at < length; at += 1) {
      const code = html.charCodeAt(at);
      if (code === GT || isParserSpace(code)) break;
    }
    if (at >= length) return length;
    const name = readName(html, nameStart, at);
    const gt = html.charCodeAt(at) === GT ? at : html.indexOf('>', at + 1);
    const isCounted =
      !DEPTHLESS_VOID.has(name) && !DEPTHLESS_IMPLIED.has(name) && html.charCodeAt(gt - 1) !== SLASH;
    const isDropped = isCounted && gt !== -1 && this.depth > this.maxDepth;
    if (isCounted && gt !== -1) this.depth = Math.max(0, this.depth - 1);
    if (!isDropped) this.tree.closeTag(name);
    if (gt !== -1) return gt + 1;
    // htmlparser2 then emits its text from index -1: the page's last character.
    this.tree.text(html.slice(-1));
    return length;
  }

  /** `</` followed by neither a letter nor `>`: a comment up to the next `>`. */
  private bogusComment(start: number): number {
    const gt = this.html.indexOf('>', start + 1);
    if (gt === -1) return this.trailingText(start);
    this.tree.comment(this.html.slice(start, gt));
    return gt + 1;
  }

  /** What follows `<!` at `start`: a comment, CDATA (a comment in HTML) or a declaration such as the doctype. */
  private declaration(start: number): number {
    const html = this.html;
    const length = html.length;
    if (start >= length) return length;
    const first = html.charCodeAt(start);
    if (first === DASH) {
      if (start + 1 >= length) return this.trailingText(start);
      // `<!-x`: the character after the dash is skipped before looking for `>`.
      if (html.charCodeAt(start + 1) !== DASH) return this.instruction('!', start, start + 2);
      // The dashes of `<!--` may end the comment: `<!-->` is an empty one.
      const end = html.indexOf('-->', start);
      if (end === -1) {
        if (start + 2 < length) this.tree.comment(html.slice(start + 2));
        return length;
      }
      this.tree.comment(end > start + 2 ? html.slice(start + 2, end) : '');
      return end + 3;
    }
    if (first !== OPENING_BRACKET) return this.instruction('!', start, start + 1);
    let at = start + 1;
    while (at < length && at - start - 1 < CDATA.length && html[at] === CDATA[at - start - 1]) at += 1;
    if (at - start - 1 < CDATA.length) {
      return at >= length ? this.trailingText(start) : this.instruction('!', start, at);
    }
    const end = html.indexOf(']]>', at);
    if (end === -1) {
      if (at < length) this.tree.comment(`[CDATA[${html.slice(at)}]]`);
      return length;
    }
    this.tree.comment(`[CDATA[${html.slice(at, end)}]]`);
    return end + 3;
  }

  /** A declaration or processing instruction whose value starts at `start`, ended by the first `>` from `searchFrom`. */
  private instruction(prefix: '!' | '?', start: number, searchFrom: number): number {
    const gt = this.html.indexOf('>', searchFrom);
    if (gt === -1) return this.trailingText(start);
    this.tree.instruction(prefix, this.html.slice(start, gt));
    return gt + 1;
  }
}

const CDATA = 'CDATA[';
