import type { AnyNode, Element } from 'domhandler';

/** Measures of a subtree's text, as {@link squeeze} would leave it, and how much of it sits inside links. */
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
  return (
    code === 0xa0 ||
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
  const counter = new SqueezedCounter();
  counter.add(text);
  return counter.length;
}

/**
 * Counts the characters and commas of the squeezed concatenation of the
 * texts it is given, piece by piece: a run of white space counts as one
 * character once a later non-space character follows it, and never at the
 * start or the end. Reading a subtree's text this way costs no string
 * building, which matters because the main-text finder measures every
 * container of the page.
 */
class SqueezedCounter {
  length = 0;
  commas = 0;
  private hasText = false;
  private hasPendingSpace = false;

  add(text: string): void {
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (isSqueezedSpace(code)) {
        this.hasPendingSpace = this.hasText;
        continue;
      }
      if (this.hasPendingSpace) this.length += 1;
      this.hasPendingSpace = false;
      this.hasText = true;
      this.length += 1;
      if (code === 0x2c || code === 0x60c || code === 0xff0c) this.commas += 1;
    }
  }
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * The measures of `root`'s text (text of `<script>` and `<style>` left out),
 * and the number of those characters inside `<a>` elements. Iterative, so
 * deep trees cannot exhaust the stack.
 */
export function textStats(root: AnyNode): TextStats {
  const counter = new SqueezedCounter();
  let linkChars = 0;
  const stack: { node: AnyNode; inLink: boolean }[] = [{ node: root, inLink: false }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, inLink } = item;
    if (node.type === 'text') {
      counter.add(node.data);
      if (inLink) linkChars += squeezedLength(node.data);
    } else if (node.type === 'tag') {
      const isLink = inLink || node.name === 'a';
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child !== undefined) stack.push({ node: child, inLink: isLink });
      }
    } else if (node.type === 'root') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child !== undefined) stack.push({ node: child, inLink });
      }
    }
  }
  return { length: counter.length, commas: counter.commas, linkChars };
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

/**
 * The squeezed text of `root` when it is at most `maxChars` long, else null:
 * stops reading as soon as the raw text passes 4 × `maxChars`, so asking
 * whether a wrapper is a short line costs little.
 */
export function boundedText(root: AnyNode, maxChars: number): string | null {
  const pieces: string[] = [];
  let rawLength = 0;
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node.type === 'text') {
      pieces.push(node.data);
      rawLength += node.data.length;
      if (rawLength > maxChars * 4) return null;
    } else if (node.type === 'tag' || node.type === 'root') {
      for (let i = node.children.length - 1; i >= 0; i -= 1) {
        const child = node.children[i];
        if (child !== undefined) stack.push(child);
      }
    }
  }
  const text = squeeze(pieces.join(''));
  return text.length > maxChars ? null : text;
}

/** Every element under `root`, in document order (script and style included), without a selector engine. */
export function allElements(root: AnyNode): Element[] {
  const elements: Element[] = [];
  const stack: AnyNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
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
