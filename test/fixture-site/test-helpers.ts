/** Small readers the fixture-site tests use to look at what the site serves. */
import * as cheerio from 'cheerio';
import { parseFeed } from 'feedsmith';
import iconv from 'iconv-lite';

/** A response with its raw bytes. */
export interface RawAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly bytes: Buffer;
}

/** GET without following redirects. */
export async function getRaw(url: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const response = await fetch(url, { headers, redirect: 'manual' });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}

/** The charset named by a Content-Type header, lower-cased, if any. */
export function headerCharset(contentType: string | null): string | undefined {
  return /charset=([\w-]+)/i.exec(contentType ?? '')?.[1]?.toLowerCase();
}

/** The charset named by `<meta charset>` in the first 1024 bytes, as a browser's prescan finds it. */
export function metaCharset(bytes: Buffer): string | undefined {
  return /<meta\s+charset=["']?([\w-]+)/i
    .exec(bytes.subarray(0, 1024).toString('latin1'))?.[1]
    ?.toLowerCase();
}

/** Decodes a page by its declared charset (header first, then meta), as a crawler should. */
export function decodeDeclared(answer: RawAnswer): string {
  const charset = headerCharset(answer.headers.get('content-type')) ?? metaCharset(answer.bytes) ?? 'utf-8';
  return iconv.decode(answer.bytes, charset);
}

/** GET a text document and decode it as declared. */
export async function getText(url: string): Promise<string> {
  const answer = await getRaw(url);
  if (answer.status !== 200) throw new Error(`GET ${url} answered ${answer.status}`);
  return decodeDeclared(answer);
}

/** Absolute URLs of every `<a href>` on an HTML page. */
export function linksOf(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  return $('a[href]')
    .map((_, element) => new URL($(element).attr('href') ?? '', pageUrl).href)
    .get();
}

/** Item links of an RSS or Atom feed, resolved against the feed URL. */
export function feedLinks(xml: string, feedUrl: string): string[] {
  const parsed = parseFeed(xml);
  if (parsed.format === 'rss') {
    return (parsed.feed.items ?? []).map((item) => new URL(item.link ?? '', feedUrl).href);
  }
  if (parsed.format === 'atom') {
    return (parsed.feed.entries ?? []).map((entry) => new URL(entry.links?.[0]?.href ?? '', feedUrl).href);
  }
  throw new Error(`unexpected feed format ${parsed.format}`);
}

/** `<loc>` values of a sitemap or sitemap index, and its root element. */
export function sitemapLocs(xml: string): { readonly root: string; readonly locs: string[] } {
  const $ = cheerio.load(xml, { xml: true });
  const root = ($.root().children().first().prop('tagName') ?? '').toLowerCase();
  return {
    root,
    locs: $('loc')
      .map((_, element) => $(element).text().trim())
      .get(),
  };
}
