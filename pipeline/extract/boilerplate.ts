import type { AnyNode, Element, ParentNode } from 'domhandler';
import type { DocumentIndex, ElementFacts } from './document-index.ts';
import { isElement } from './dom-text.ts';
import type { TreeMeasures } from './text-measures.ts';
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

const JUNK_TAG_SET: ReadonlySet<string> = new Set(JUNK_TAGS);

function countLongParagraphs(root: Element, measures: TreeMeasures): number {
  let count = 0;
  const stack: AnyNode[] = [...root.children];
  while (stack.length > 0 && count < WRAPPER_MIN_PARAGRAPHS) {
    const node = stack.pop();
    if (node === undefined || node.type !== 'tag') continue;
    if (node.name === 'p' && measures.of(node).length >= LONG_PARAGRAPH_CHARS) count += 1;
    else stack.push(...node.children);
  }
  return count;
}

function holdsArticleText(element: Element, measures: TreeMeasures): boolean {
  if (countLongParagraphs(element, measures) >= WRAPPER_MIN_PARAGRAPHS) return true;
  const stats = measures.of(element);
  return stats.length >= WRAPPER_MIN_CHARS && stats.linkChars / stats.length < 0.3;
}

function shouldRemove(element: Element, facts: ElementFacts, measures: TreeMeasures): boolean {
  const name = element.name.toLowerCase();
  if (JUNK_TAG_SET.has(name)) return !(WRAPPING_JUNK_TAGS.has(name) && holdsArticleText(element, measures));
  if (PROTECTED_TAGS.has(name)) return false;
  // Paywalled sites ship the rest of the article hidden, to be revealed by script: that text is kept.
  if (facts.isHidden) return !holdsArticleText(element, measures);
  const { signature } = facts;
  if (signature === '' || !BOILERPLATE_ATTRIBUTE.test(signature) || ARTICLE_ATTRIBUTE.test(signature))
    return false;
  return !holdsArticleText(element, measures);
}

/**
 * The elements under `body` that are not article text: the {@link JUNK_TAGS},
 * hidden elements and elements whose class, id or role matches
 * {@link BOILERPLATE_ATTRIBUTE}; not `isStrict`, only the junk tags and hidden
 * elements (the fallback when the strict pass leaves too little text).
 * Top-down, so nothing inside a found element is visited. The tree is not
 * changed: `document` indexes the tree as it is, and the caller leaves
 * the found subtrees out (so that a second, gentler pass needs no new parse).
 */
export function findBoilerplate(body: ParentNode, document: DocumentIndex, isStrict: boolean): Element[] {
  const { measures } = document;
  const found: Element[] = [];
  const stack: AnyNode[] = [...body.children];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined || !isElement(node)) continue;
    const facts = document.factsOf(node);
    const isFound = isStrict
      ? shouldRemove(node, facts, measures)
      : JUNK_TAG_SET.has(node.name.toLowerCase()) || (facts.isHidden && !holdsArticleText(node, measures));
    if (isFound) {
      found.push(node);
      continue;
    }
    for (const child of node.children) stack.push(child);
  }
  return found;
}

/** `head script, head style`: script and style elements inside a `<head>`. */
export function scriptsInHead(elements: readonly Element[]): Element[] {
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
