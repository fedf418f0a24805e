import { createHash } from 'node:crypto';
import { encodeHtmlPage } from './encode-page.ts';
import type { CharsetDeclaration, FixtureEncoding } from './types.ts';

/** One canned answer of an outlet. */
export interface FixtureResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Buffer;
  /** Answer only after this many ms (the slow page). */
  readonly delayMs?: number;
}

/** A strong ETag of a body. */
export function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('hex').slice(0, 20)}"`;
}

/** HTTP date of an ISO time (second precision, as Last-Modified requires). */
export function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

/**
 * A 200 answer that supports conditional GET: it carries an ETag of its body and
 * a Last-Modified of `lastModifiedIso` (the newest item it lists, or the page's date).
 */
export function cacheableResponse(
  body: Buffer,
  contentType: string,
  lastModifiedIso: string,
): FixtureResponse {
  return {
    status: 200,
    headers: { 'content-type': contentType, etag: etagOf(body), 'last-modified': httpDate(lastModifiedIso) },
    body,
  };
}

/** An HTML page in `encoding`, its charset declared as the fixture says. */
export function htmlResponse(
  html: string,
  lastModifiedIso: string,
  encoding: FixtureEncoding = 'utf-8',
  declaredIn: CharsetDeclaration = 'header-and-meta',
): FixtureResponse {
  const page = encodeHtmlPage(html, encoding, declaredIn);
  return cacheableResponse(page.body, page.contentType, lastModifiedIso);
}

/** An XML document (feed or sitemap) in UTF-8. */
export function xmlResponse(xml: string, contentType: string, lastModifiedIso: string): FixtureResponse {
  return cacheableResponse(Buffer.from(xml, 'utf8'), `${contentType}; charset=utf-8`, lastModifiedIso);
}

/** A JSON document. */
export function jsonResponse(value: unknown, lastModifiedIso: string): FixtureResponse {
  return cacheableResponse(
    Buffer.from(JSON.stringify(value, null, 2), 'utf8'),
    'application/json; charset=utf-8',
    lastModifiedIso,
  );
}

/** A plain-text answer (robots.txt, error pages). */
export function textResponse(text: string, status = 200): FixtureResponse {
  return {
    status,
    headers: { 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(text, 'utf8'),
  };
}

/** An HTML answer with an error status (404, 500). */
export function errorPage(status: number, title: string): FixtureResponse {
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1></body></html>`;
  return { status, headers: { 'content-type': 'text/html; charset=utf-8' }, body: Buffer.from(html, 'utf8') };
}

/** A redirect to `location` (relative or absolute). */
export function redirectResponse(status: 301 | 302 | 307 | 308, location: string): FixtureResponse {
  return {
    status,
    headers: { location, 'content-type': 'text/plain; charset=utf-8' },
    body: Buffer.from(''),
  };
}

/**
 * Whether a conditional GET matches the response: If-None-Match wins over
 * If-Modified-Since, as RFC 9110 §13.2.2 orders them.
 */
export function isNotModified(
  response: FixtureResponse,
  ifNoneMatch: string | undefined,
  ifModifiedSince: string | undefined,
): boolean {
  const etag = response.headers.etag;
  const lastModified = response.headers['last-modified'];
  if (ifNoneMatch !== undefined && etag !== undefined) {
    const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    return tags.includes('*') || tags.includes(etag);
  }
  if (ifModifiedSince !== undefined && lastModified !== undefined) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Date.parse(lastModified) <= since;
  }
  return false;
}
