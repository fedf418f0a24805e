import type { AnyNode, Element } from 'domhandler';

/** Text of a subtree and how much of it sits inside links. */
export interface TextStats {
  readonly text: string;
  readonly linkChars: number;
}

/** Collapses runs of white space (non-breaking spaces included) into one space and trims. */
export function squeeze(text: string): string {
  return text.replace(/[\s\u00a0\u200b\ufeff]+/g, ' ').trim();
}

export function isElement(node: AnyNode): node is Element {
  return node.type === 'tag' || node.type === 'script' || node.type === 'style';
}

/**
 * The text of `root`, its white space squeezed, and the number of those
 * characters inside `<a>` elements. Iterative, so deep trees cannot exhaust the
 * stack.
 */
export function textStats(root: AnyNode): TextStats {
  const pieces: string[] = [];
  let linkChars = 0;
  const stack: { node: AnyNode; inLink: boolean }[] = [{ node: root, inLink: false }];
  while (stack.length > 0) {
    const item = stack.pop();
    if (item === undefined) break;
    const { node, inLink } = item;
    if (node.type === 'text') {
      pieces.push(node.data);
      if (inLink) linkChars += squeeze(node.data).length;
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
  return { text: squeeze(pieces.join('')), linkChars };
}

/** Share of an element's text that sits inside links, 0..1 (0 for an empty element). */
export function linkDensity(stats: TextStats): number {
  return stats.text.length === 0 ? 0 : Math.min(1, stats.linkChars / stats.text.length);
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
