import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { OutletDefinition } from './outlet.ts';
import { errorPage, type FixtureResponse, isNotModified } from './responses.ts';

/** One request an outlet received. */
export interface RequestLogEntry {
  /** Epoch ms when the request arrived. */
  readonly timeMs: number;
  readonly outletId: string;
  readonly method: string;
  /** Path with query, as requested. */
  readonly path: string;
  /** Request headers, names lower-cased (user-agent, if-none-match, if-modified-since, …). */
  readonly headers: Readonly<Record<string, string>>;
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}

function lookup(routes: ReadonlyMap<string, FixtureResponse>, rawPath: string): FixtureResponse | undefined {
  const url = new URL(rawPath, 'http://fixture.invalid');
  return routes.get(`${url.pathname}${url.search}`) ?? routes.get(url.pathname);
}

/** What an outlet server answers besides its route table. */
export interface OutletServing {
  /** Delay of the slow page, ms. */
  readonly slowMs: number;
  /** Every article page answers only after this many ms (crawls that must be interrupted mid-way). */
  readonly articleDelayMs?: number;
}

function searchAnswer(outlet: OutletDefinition, rawPath: string): FixtureResponse | undefined {
  const search = outlet.listings.search;
  if (search === undefined || outlet.answerSearch === undefined) return undefined;
  const url = new URL(rawPath, 'http://fixture.invalid');
  if (url.pathname !== search.path) return undefined;
  return outlet.answerSearch(url.searchParams.get(search.param) ?? '');
}

async function answer(
  request: http.IncomingMessage,
  response: http.ServerResponse,
  outlet: OutletDefinition,
  routes: ReadonlyMap<string, FixtureResponse>,
  serving: OutletServing,
): Promise<void> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { allow: 'GET, HEAD' }).end();
    return;
  }
  const rawPath = request.url ?? '/';
  const found = searchAnswer(outlet, rawPath) ?? lookup(routes, rawPath) ?? errorPage(404, 'Not Found');
  const isArticle = outlet.pages.some(
    (page) => page.path === new URL(rawPath, 'http://fixture.invalid').pathname,
  );
  if (isArticle && serving.articleDelayMs !== undefined) await sleep(serving.articleDelayMs);
  if (found.delayMs !== undefined && found.delayMs > 0) await sleep(found.delayMs);
  if (response.destroyed) return;
  const ifNoneMatch = request.headers['if-none-match'];
  const ifModifiedSince = request.headers['if-modified-since'];
  if (found.status === 200 && isNotModified(found, ifNoneMatch, ifModifiedSince)) {
    const { etag, 'last-modified': lastModified } = found.headers;
    response
      .writeHead(304, { ...(etag && { etag }), ...(lastModified && { 'last-modified': lastModified }) })
      .end();
    return;
  }
  response.writeHead(found.status, { ...found.headers, 'content-length': String(found.body.length) });
  response.end(request.method === 'HEAD' ? undefined : found.body);
}

/** A listening outlet. */
export interface RunningOutlet {
  readonly server: http.Server;
  readonly port: number;
  /** `http://127.0.0.1:<port>` */
  readonly baseUrl: string;
}

/**
 * Starts one outlet's HTTP server on 127.0.0.1:`port` (0: a free port),
 * appending every request to `log`. Its routes are built once the port is
 * known, before the first request is handled. Rejects when the port is taken.
 */
export async function startOutletServer(
  outlet: OutletDefinition,
  port: number,
  serving: OutletServing,
  log: RequestLogEntry[],
): Promise<RunningOutlet> {
  let routes: ReadonlyMap<string, FixtureResponse> = new Map();
  const server = http.createServer((request, response) => {
    log.push({
      timeMs: Date.now(),
      outletId: outlet.id,
      method: request.method ?? 'GET',
      path: request.url ?? '/',
      headers: flattenHeaders(request.headers),
    });
    answer(request, response, outlet, routes, serving).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`fixture site failed: ${String(error)}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address !== null ? address.port : port;
  const baseUrl = `http://127.0.0.1:${actualPort}`;
  routes = outlet.buildRoutes({ baseUrl, slowMs: serving.slowMs });
  return { server, port: actualPort, baseUrl };
}
