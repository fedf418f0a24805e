import type { CheerioAPI } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import { allElements, attributeSignature, isElement, textStats } from './dom-text.ts';
import { ARTICLE_ATTRIBUTE, BOILERPLATE_ATTRIBUTE, JUNK_TAGS } from './vocabulary.ts';

/** Elements never removed by their class or id: they are the page or the article itself. */
const PROTECTED_TAGS = new Set(['html', 'head', 'body', 'article', 'main']);

/** A boilerplate-looking element holding this many characters of text is kept anyway (a page wrapper)… */
const WRAPPER_MIN_CHARS = 3000;
/** …and so is one holding this many paragraphs of at least {@link LONG_PARAGRAPH_CHARS}. */
const WRAPPER_MIN_PARAGRAPHS = 3;
const LONG_PARAGRAPH_CHARS = 100;

/** Junk tags that some sites wrap the whole page in (ASP.NET forms, one-page headers); kept when they hold the text. */
const WRAPPING_JUNK_TAGS = new Set(['form', 'header']);

function countLongParagraphs(root: Element): number {
  let count = 0;
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0 && count < WRAPPER_MIN_PARAGRAPHS) {
    const node = stack.pop();
    if (node === undefined || node.type !== 'tag') continue;
    if (node.name === 'p' && textStats(node).length >= LONG_PARAGRAPH_CHARS) count += 1;
    else stack.push(...node.children);
  }
  return count;
}

function holdsArticleText(element: Element): boolean {
  if (countLongParagraphs(element) >= WRAPPER_MIN_PARAGRAPHS) return true;
  const stats = textStats(element);
  return stats.length >= WRAPPER_MIN_CHARS && stats.linkChars / stats.length < 0.3;
}

function isHidden(element: Element): boolean {
  const { attribs } = element;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  const style = attribs.style;
  return style !== undefined && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

function shouldRemove(element: Element, junkTags: ReadonlySet<string>): boolean {
  const name = element.name.toLowerCase();
  if (junkTags.has(name)) return !(WRAPPING_JUNK_TAGS.has(name) && holdsArticleText(element));
  if (PROTECTED_TAGS.has(name)) return false;
  // Paywalled sites ship the rest of the article hidden, to be revealed by script: that text is kept.
  if (isHidden(element)) return !holdsArticleText(element);
  const signature = attributeSignature(element);
  if (signature === '' || !BOILERPLATE_ATTRIBUTE.test(signature) || ARTICLE_ATTRIBUTE.test(signature))
    return false;
  return !holdsArticleText(element);
}

/**
 * Removes from the document everything that is not article text: the
 * {@link JUNK_TAGS}, hidden elements, elements whose class, id or role matches
 * {@link BOILERPLATE_ATTRIBUTE}, and the elements matched by `extraSelectors`
 * (per-site overrides). Not `isStrict`: only the junk tags, hidden elements and
 * overrides (the fallback when the strict pass leaves too little text).
 * Top-down, so a removed subtree is never visited.
 */
export function removeBoilerplate($: CheerioAPI, extraSelectors: readonly string[], isStrict: boolean): void {
  for (const selector of extraSelectors) {
    try {
      $(selector).remove();
    } catch {
      // An invalid override selector removes nothing; the config check reports it.
    }
  }
  const junkTags = new Set(JUNK_TAGS);
  const doomed: Element[] = [];
  const root = $.root()[0];
  const elements = root === undefined ? [] : allElements(root);
  const body = elements.find((element) => element.name === 'body');
  const stack: AnyNode[] = [...(body?.children ?? root?.children ?? [])];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    const isDoomed = isStrict
      ? shouldRemove(node, junkTags)
      : junkTags.has(node.name.toLowerCase()) || (isHidden(node) && !holdsArticleText(node));
    if (isDoomed) {
      doomed.push(node);
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
  $(doomed).remove();
  $(scriptsInHead(elements)).remove();
}

/** `head script, head style`: script and style elements inside a `<head>`. */
function scriptsInHead(elements: readonly Element[]): Element[] {
  const found: Element[] = [];
  for (const element of elements) {
    if (element.name !== 'script' && element.name !== 'style') continue;
    for (let parent = element.parent; parent !== null; parent = parent.parent) {
      if (parent.type === 'tag' && parent.name === 'head') {
        found.push(element);
        break;
      }
    }
  }
  return found;
}
