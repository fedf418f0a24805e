import { createHash } from 'node:crypto';

/** Query parameters that only track a click and never change what a page shows. */
const TRACKING_PARAMS: readonly RegExp[] = [
  /^utm_/i,
  /^fbclid$/i,
  /^gclid$/i,
  /^dclid$/i,
  /^msclkid$/i,
  /^yclid$/i,
  /^mc_(cid|eid)$/i,
  /^_ga$/i,
  /^igshid$/i,
];

/**
 * The form of a URL that identifies an article: lower-case scheme and host, no
 * default port, no fragment, no tracking parameters, remaining parameters sorted,
 * no trailing slash on a non-root path. Returns `null` for anything that is not
 * an absolute http(s) URL.
 */
export function normaliseUrl(raw: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.hash = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].filter(
    ([key]) => !TRACKING_PARAMS.some((pattern) => pattern.test(key)),
  );
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = new URLSearchParams(kept).toString();
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) {
    url.pathname = url.pathname.replace(/\/+$/, '');
  }
  // URL already lower-cases the host and drops default ports.
  return url.toString();
}

/**
 * The Elasticsearch document id of an article: SHA-256 (hex, first 32 chars) of
 * its normalised canonical URL. The scheme is left out so that the http and
 * https copies of one page share an id.
 */
export function articleIdFor(canonicalUrl: string): string {
  const normalised = normaliseUrl(canonicalUrl);
  if (normalised === null) throw new TypeError(`not an absolute http(s) URL: ${canonicalUrl}`);
  const withoutScheme = normalised.replace(/^https?:\/\//, '');
  return createHash('sha256').update(withoutScheme).digest('hex').slice(0, 32);
}
