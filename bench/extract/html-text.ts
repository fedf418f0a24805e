import { DOMParser } from 'linkedom';

/** Elements after which a line break separates text (so words of adjacent blocks never fuse). */
const BLOCK_SELECTOR =
  'p, div, section, article, li, ul, ol, h1, h2, h3, h4, h5, h6, blockquote, pre, table, tr, td, th, dt, dd, figure, figcaption, br, hr, header, footer';

/**
 * Plain text of an HTML fragment or page, one line per block element, for
 * scoring: used for readability's output and for the readability test pages'
 * expected.html, so both sides are read the same way.
 */
export function htmlToText(html: string): string {
  const document = new DOMParser().parseFromString(
    `<!doctype html><html><body>${html}</body></html>`,
    'text/html',
  );
  for (const element of document.querySelectorAll(BLOCK_SELECTOR)) element.after('\n');
  return (document.body?.textContent ?? '')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}
