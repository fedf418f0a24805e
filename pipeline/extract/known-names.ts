/**
 * The tag and attribute names most frequent on news pages, to reuse instead
 * of slicing a new string for each occurrence: a name that is already a
 * string literal costs no allocation, and V8 stores a property under it
 * without hashing it again (attribute names become object keys).
 */
const NAMES = [
  ...[
    'a',
    'b',
    'i',
    'p',
    'br',
    'em',
    'h1',
    'h2',
    'h3',
    'h4',
    'h5',
    'h6',
    'hr',
    'li',
    'ol',
    'td',
    'th',
    'tr',
    'ul',
  ],
  ...[
    'div',
    'img',
    'nav',
    'sup',
    'svg',
    'use',
    'body',
    'form',
    'head',
    'html',
    'link',
    'main',
    'meta',
    'path',
  ],
  ...['span', 'time', 'aside', 'button', 'figure', 'footer', 'header', 'iframe', 'input', 'label', 'option'],
  ...['picture', 'script', 'section', 'source', 'strong', 'style', 'table', 'tbody', 'title', 'article'],
  ...['noscript', 'template', 'figcaption', 'blockquote', 'small', 'select', 'circle', 'rect', 'g'],
  ...['id', 'alt', 'rel', 'src', 'dir', 'for', 'href', 'lang', 'name', 'role', 'type', 'async', 'class'],
  ...['defer', 'sizes', 'value', 'width', 'action', 'height', 'method', 'srcset', 'target', 'charset'],
  ...[
    'content',
    'loading',
    'itemprop',
    'property',
    'tabindex',
    'datetime',
    'data-src',
    'decoding',
    'itemtype',
  ],
  ...['itemscope', 'aria-label', 'aria-hidden', 'http-equiv', 'crossorigin', 'integrity', 'media', 'fill'],
  ...['viewbox', 'xmlns', 'd', 'onclick', 'data-id', 'aria-expanded', 'aria-controls', 'data-srcset'],
];

/** The known names by length and first character code (lower case). */
const BY_START = new Map<number, string[]>();
for (const name of NAMES) {
  const key = name.length * 128 + name.charCodeAt(0);
  BY_START.set(key, [...(BY_START.get(key) ?? []), name]);
}

/** The lower-case name written in `html` from `start` to `end`, a shared string when it is a known name. */
export function readName(html: string, start: number, end: number): string {
  const candidates = BY_START.get((end - start) * 128 + html.charCodeAt(start));
  if (candidates !== undefined) {
    for (const name of candidates) if (html.startsWith(name, start)) return name;
  }
  return html.slice(start, end).toLowerCase();
}
