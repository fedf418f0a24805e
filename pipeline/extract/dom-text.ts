import type { AnyNode, Element } from 'domhandler';

/** Measures of a subtree's text (script and style left out), as {@link squeeze} would leave it, and how much of it sits inside links. */
export interface TextStats {
  /** Characters of the squeezed text. */
  readonly length: number;
  /** Commas (`,`, Arabic `،`, full-width `，`) in the text. */
  readonly commas: number;
  /** Characters inside `<a>` elements, each text node squeezed on its own. */
  readonly linkChars: number;
}

/** Collapses runs of white space (non-breaking spaces included) into one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

/**
 * Whether {@link squeeze} treats the UTF-16 code unit as white space: the
 * characters of the regular expression class `\s` (ECMAScript WhiteSpace and
 * LineTerminator), plus the zero-width space U+200B.
 */
export function isSqueezedSpace(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  if (code === 0xa0) return true;
  // Latin, Greek and Cyrillic letters lie below the first other space: one comparison for most text
  // (no change measurable on the mostly English aeb pages, within the noise of a shared machine).
  if (code < 0x1680) return false;
  return (
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200b) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `squeeze(text).length`, counted without building the string. */
export function squeezedLength(text: string): number {
  let length = 0;
  let hasText = false;
  let hasPendingSpace = false;
  for (let index = 0; index < text.length; index++) {
    if (isSqueezedSpace(text.charCodeAt(index))) {
      hasPendingSpace = hasText;
      continue;
    }
    length += hasPendingSpace ? 2 : 1;
    hasPendingSpace = false;
    hasText = true;
  }
  return length;
}

/**
 * The text of a node as cheerio's `.text()` reads it (domutils' `textContent`):
 * its text nodes one after another, script and style contents included,
 * comments and declarations left out.
 */
export function textContent(node: AnyNode): string {
  if (node.type === 'text') return node.data;
  if (node.type === 'comment' || !('children' in node)) return '';
  let text = '';
  for (const child of node.children) text += textContent(child);
  return text;
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/** Share of an element's text that sits inside links, 0..1 (0 for an empty element). */
export function linkDensity(stats: TextStats): number {
  return stats.length === 0 ? 0 : Math.min(1, stats.linkChars / stats.length);
}

/** `class`, `id` and `role` of an element, joined by spaces, for vocabulary matching. */
export function attributeSignature(element: Element): string {
  const { attribs } = element;
  return `${attribs.class ?? ''} ${attribs.id ?? ''} ${attribs.role ?? ''} ${attribs.itemprop ?? ''}`.trim();
}

const NOTHING: ReadonlySet<AnyNode> = new Set();

/**
 * Every element under `root`, in document order (script and style included),
 * without a selector engine; the `skipped` subtrees are left out.
 */
export function allElements(root: AnyNode, skipped: ReadonlySet<AnyNode> = NOTHING): Element[] {
  const elements: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (skipped.has(node)) continue;
    if (node !== root && isElement(node)) elements.push(node);
    if (node.type === 'tag' || node.type === 'root') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  return elements;
}
