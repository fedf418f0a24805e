import type { FetchedPage } from '../../crawlers/types.ts';
import type { NotArticleReason } from '../types.ts';

/** A reason a page is not an article, with a human-readable detail. */
export interface NotArticle {
  readonly reason: NotArticleReason;
  readonly detail: string;
}

const HTML_TYPES = /^(text\/html|application\/xhtml\+xml)\b/i;
/** Control characters other than tab, newline and carriage return: binary data. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting control characters is the point.
const BINARY_CHARS = /[\u0000-\u0008\u000e-\u001a\ufffd]/g;

/**
 * Decides from the response alone (status, Content-Type, the first bytes)
 * whether a page can be an article. A missing Content-Type is accepted when the
 * content looks like markup and not like binary data.
 */
export function checkResponse(page: FetchedPage, maxBinaryShare: number): NotArticle | null {
  if (!Number.isFinite(page.status) || page.status >= 400) {
    return { reason: 'error-page', detail: `HTTP status ${page.status}` };
  }
  const contentType = page.headers['content-type'];
  if (contentType !== undefined && contentType.trim() !== '' && !HTML_TYPES.test(contentType.trim())) {
    return { reason: 'not-html', detail: `Content-Type ${contentType}` };
  }
  const html = typeof page.html === 'string' ? page.html : '';
  const head = html.slice(0, 4096);
  const binary = (head.match(BINARY_CHARS) ?? []).length;
  if (head.length === 0 || binary / head.length > maxBinaryShare) {
    return { reason: 'not-html', detail: `content is ${head.length === 0 ? 'empty' : 'binary'}` };
  }
  if (!/<[a-z!]/i.test(head)) return { reason: 'not-html', detail: 'content has no markup' };
  return null;
}
