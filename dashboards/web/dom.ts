import type { TextSegment } from '../api-types.ts';

// The only way the page builds its DOM: elements, attributes and text nodes.
// Crawled text always goes in as text (never innerHTML); event handlers are
// functions, never attribute strings; links only to this site or http(s).

type Child = Node | string | number | null | undefined | false;
type Handler = (event: Event) => void;
export type Props = Readonly<Record<string, string | number | boolean | Handler | null | undefined>>;

/** Creates an element with attributes, listeners (`on<event>` functions) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: readonly Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (name.startsWith('on')) {
      throw new Error(`h: event handler ${name} must be a function`);
    } else if (name === 'href' || name === 'src' || name === 'action') {
      const safe = safeUrl(String(value));
      if (safe !== null) element.setAttribute(name, safe);
    } else if (name === 'checked' || name === 'selected' || name === 'value') {
      (element as unknown as Record<string, unknown>)[name] = value;
    } else {
      element.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

/** Appends children; strings become text nodes. */
export function append(parent: Node, children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Text with marked runs: text nodes, matches inside <mark>. */
export function segments(parts: readonly TextSegment[]): DocumentFragment {
  const fragment = document.createDocumentFragment();
  for (const part of parts)
    fragment.appendChild(part.mark ? h('mark', {}, part.text) : document.createTextNode(part.text));
  return fragment;
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, children);
}

/** A same-site path, or an absolute http(s) URL; null for anything else (javascript:, data:…). */
export function safeUrl(value: string): string | null {
  if (value.startsWith('/') && !value.startsWith('//')) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
