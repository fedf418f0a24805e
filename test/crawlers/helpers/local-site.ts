import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { SourceConfig } from '../../../config/types.ts';
import type { KnownArticle, KnownArticlesLookup } from '../../../crawlers/known-articles.ts';

/** A canned answer of the local test site. */
export interface Route {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
  /** Answer only after this many ms. */
  readonly delayMs?: number;
}

/** A route that answers differently on each request (the n-th request, from 0); the last answer repeats. */
export type RouteSequence = readonly Route[];

/** One request the site received. */
export interface LoggedRequest {
  readonly path: string;
  readonly atMs: number;
  readonly userAgent: string | undefined;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

export interface LocalSite {
  /** `http://127.0.0.1:<port>` */
  readonly origin: string;
  readonly requests: LoggedRequest[];
  /** Requests for one path, in order. */
  hits(path: string): LoggedRequest[];
  /** Request headers of each request for one path, in order. */
  requestHeaders(path: string): Readonly<Record<string, string | string[] | undefined>>[];
  close(): Promise<void>;
}

/** Starts an HTTP server on 127.0.0.1 (a free port unless given) answering from a table of routes; 404 otherwise. */
export async function startLocalSite(
  routes: Readonly<Record<string, Route | RouteSequence>>,
  options: { port?: number } = {},
): Promise<LocalSite> {
  const requests: LoggedRequest[] = [];
  const server = http.createServer((request, response) => {
    const path = request.url ?? '/';
    requests.push({
      path,
      atMs: Date.now(),
      userAgent: request.headers['user-agent'],
      headers: request.headers,
    });
    const entry = routes[path];
    const seen = requests.filter((logged) => logged.path === path).length - 1;
    const route = Array.isArray(entry)
      ? (entry[Math.min(seen, entry.length - 1)] as Route)
      : (entry as Route | undefined);
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const send = (): void => {
      if (response.destroyed) return;
      response.writeHead(route.status ?? 200, {
        'content-type': 'text/html; charset=utf-8',
        ...route.headers,
      });
      response.end(route.body ?? '');
    };
    if (route.delayMs === undefined) send();
    else setTimeout(send, route.delayMs);
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    hits: (path) => requests.filter((entry) => entry.path === path),
    requestHeaders: (path) => requests.filter((entry) => entry.path === path).map((entry) => entry.headers),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A source on the local site, with short delays for tests. */
export function localSource(origin: string, overrides: Partial<SourceConfig> = {}): SourceConfig {
  return {
    id: 'local-test',
    name: 'Local test site',
    country: 'ro',
    languages: ['ro'],
    homeUrl: `${origin}/`,
    timeZone: 'Europe/Bucharest',
    verified: false,
    browser: false,
    discovery: { feeds: [`${origin}/feed.xml`], sitemaps: [], sections: [], siteSearch: [] },
    rateLimit: { delayMs: 60, maxConcurrency: 2 },
    refreshHours: 0,
    file: 'test/crawlers/local-site.yaml',
    ...overrides,
  };
}

/** A small article page. */
export function articleHtml(title: string, body = 'Text.'): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${body}</p></body></html>`;
}

/** An RSS 2.0 feed linking to the given paths (relative, as some sites do). */
export function rssFeed(paths: readonly string[]): string {
  const items = paths
    .map(
      (path, index) =>
        `<item><title>Article ${index}</title><link>${path}</link><pubDate>Mon, 02 Jun 2025 10:0${index % 10}:00 GMT</pubDate></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local</title><link>/</link>${items}</channel></rss>`;
}

/** A known-articles lookup over a set of article ids (dates: first seen long ago, no publication date). */
export function lookupFromSet(
  known: ReadonlySet<string>,
  dates: (id: string) => KnownArticle = () => ({
    publishedAt: null,
    firstSeenAt: '2020-01-01T00:00:00.000Z',
  }),
): KnownArticlesLookup {
  return async (ids) => new Map(ids.filter((id) => known.has(id)).map((id) => [id, dates(id)] as const));
}
