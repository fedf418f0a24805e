/** Caps on the raw HTML before it is parsed. */
export interface HtmlLimits {
  /** Characters kept from the start of the page; the rest is cut. */
  readonly maxChars: number;
  /** Open elements beyond this depth are dropped (their text is kept). */
  readonly maxDepth: number;
}

/** A page ready for {@link parseHtml}: cut and cleaned, with the nesting cap the parser applies. */
export interface PreparedHtml {
  readonly html: string;
  /** Opening tags nested deeper than this are dropped while parsing (see scan-html.ts). */
  readonly maxDepth: number;
}

/**
 * Makes pathological HTML safe to parse: cuts it to `maxChars` and removes
 * NUL characters; parseHtml then drops opening tags nested deeper than
 * `maxDepth`. Tree walks recurse on nesting depth, so ten thousand nested
 * `<div>`s would otherwise exhaust the stack.
 */
export function prepareHtml(html: string, limits: HtmlLimits): PreparedHtml {
  const cut = html.length > limits.maxChars ? html.slice(0, limits.maxChars) : html;
  const clean = cut.includes('\u0000') ? cut.replaceAll('\u0000', '') : cut;
  return { html: clean, maxDepth: limits.maxDepth };
}
