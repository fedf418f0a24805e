/**
 * The parse of extractArticle before scan-html.ts, kept as the reference that
 * the equivalence check (parse-equivalence.ts) and the parse benchmark compare
 * with: prepare-html.ts as it was (a text scan dropping tags nested too deep)
 * then htmlparser2.
 */
import type { Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Elements that never have children, so they never add nesting depth. */
const VOID_TAGS = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);

/** Elements that browsers close implicitly; counting them would inflate the depth of valid pages. */
const IMPLICITLY_CLOSED_TAGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'thead', 'tbody']);

/** Caps on the raw HTML before it is parsed. */
interface HtmlLimits {
  /** Characters kept from the start of the page; the rest is cut. */
  readonly maxChars: number;
  /** Open elements beyond this depth are dropped (their text is kept). */
  readonly maxDepth: number;
}

/**
 * Makes pathological HTML safe to parse: cuts it to `maxChars`, removes NUL
 * characters and drops opening tags nested deeper than `maxDepth`. Parsers
 * and tree walks are super-linear in nesting depth and recurse on it, so ten
 * thousand nested `<div>`s would otherwise stall a crawl or exhaust the stack.
 */
function prepareHtml(html: string, limits: HtmlLimits): string {
  const cut = html.length > limits.maxChars ? html.slice(0, limits.maxChars) : html;
  const clean = cut.includes('\u0000') ? cut.replaceAll('\u0000', '') : cut;
  // A hand-written scanner: a regular expression with a callback is ten times slower on a million tags.
  const kept: string[] = [];
  let keptUpTo = 0;
  let depth = 0;
  for (let start = clean.indexOf('<'); start !== -1; ) {
    const isClosing = clean.charCodeAt(start + 1) === 47; // '/'
    const nameStart = isClosing ? start + 2 : start + 1;
    let nameEnd = nameStart;
    while (nameEnd < clean.length && isNameChar(clean.charCodeAt(nameEnd), nameEnd === nameStart))
      nameEnd += 1;
    const end = nameEnd === nameStart ? -1 : clean.indexOf('>', nameEnd);
    if (end === -1) {
      start = nameEnd === nameStart ? clean.indexOf('<', start + 1) : -1;
      continue;
    }
    const name = clean.slice(nameStart, nameEnd).toLowerCase();
    let isDropped = false;
    if (!VOID_TAGS.has(name) && !IMPLICITLY_CLOSED_TAGS.has(name) && clean.charCodeAt(end - 1) !== 47) {
      // The closing tag of a dropped element is dropped too, so it cannot close a kept one.
      isDropped = isClosing ? depth > limits.maxDepth : depth + 1 > limits.maxDepth;
      depth = isClosing ? Math.max(0, depth - 1) : depth + 1;
    }
    if (isDropped) {
      if (start > keptUpTo) kept.push(clean.slice(keptUpTo, start));
      keptUpTo = end + 1;
    }
    // Script and style bodies are not markup; skip to their closing tag.
    const rawTextEnd =
      !isClosing && (name === 'script' || name === 'style') ? clean.indexOf(`</${name}`, end) : end;
    if (rawTextEnd === -1) break;
    start = rawTextEnd === end ? clean.indexOf('<', end + 1) : rawTextEnd;
  }
  if (keptUpTo === 0) return clean;
  kept.push(clean.slice(keptUpTo));
  return kept.join('');
}

function isNameChar(code: number, isFirst: boolean): boolean {
  const isLetter = (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
  return isFirst ? isLetter : isLetter || (code >= 48 && code <= 57) || code === 45;
}

/** The tree the old path built for a raw page. */
export function referenceParse(html: string, limits: HtmlLimits): Document {
  return parseDocument(prepareHtml(html, limits), { xmlMode: false, decodeEntities: true });
}
