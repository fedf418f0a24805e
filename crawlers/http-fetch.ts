import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import zlib from 'node:zlib';
import { FetchError, ResponseTooLargeError } from './errors.ts';
import { assertHostAllowed, type ResolvedAddress } from './host-guard.ts';

/** What one GET brought back: raw body bytes, before any charset decoding. */
export interface FetchedBytes {
  readonly url: string;
  /** The URL that answered, after redirects. */
  readonly finalUrl: string;
  readonly status: number;
  /** Response headers, names lower-cased, repeated headers joined with `, `. */
  readonly headers: Readonly<Record<string, string>>;
  /** The body, decompressed (gzip, deflate, br). */
  readonly body: Buffer;
}

export interface FetchOptions {
  readonly userAgent: string;
  readonly allowPrivateHosts: readonly string[];
  /** Time for the whole exchange, redirects and body included. */
  readonly timeoutMs: number;
  /** Cap on the decompressed body. */
  readonly maxBytes: number;
  /** Redirect hops to follow; default 5. */
  readonly maxRedirects?: number;
  readonly accept?: string;
  /** Further request headers (If-None-Match, If-Modified-Since for a conditional GET). */
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * GETs a URL with the crawler's User-Agent. Every hop (the first request and
 * each redirect) goes through the host guard before a socket is opened, and
 * connects to the addresses the guard checked. Answers of any status are
 * returned; transport failures throw FetchError (`timeout`, `network`,
 * `refused-private-address`, `too-large`).
 */
export async function fetchBytes(url: string, options: FetchOptions): Promise<FetchedBytes> {
  const timeout = AbortSignal.timeout(options.timeoutMs);
  const signal = options.signal === undefined ? timeout : AbortSignal.any([timeout, options.signal]);
  let current = new URL(url);
  for (let hop = 0; hop <= (options.maxRedirects ?? 5); hop += 1) {
    if (current.protocol !== 'http:' && current.protocol !== 'https:') {
      throw new FetchError(`GET ${url} redirected to a non-http URL ${current.toString()}`, {
        url,
        reason: 'network',
      });
    }
    const addresses = await resolveOrFail(current, options.allowPrivateHosts);
    const answer = await requestOnce(current, addresses, options, signal).catch((error: unknown) => {
      throw toFetchError(url, error, timeout, options);
    });
    const location = answer.headers.location;
    if (REDIRECTS.has(answer.status) && location !== undefined) {
      current = new URL(location, current);
      continue;
    }
    return { url, finalUrl: current.toString(), ...answer };
  }
  throw new FetchError(`GET ${url} redirected more than ${options.maxRedirects ?? 5} times`, {
    url,
    reason: 'network',
  });
}

async function resolveOrFail(
  url: URL,
  allowPrivateHosts: readonly string[],
): Promise<readonly ResolvedAddress[]> {
  try {
    return await assertHostAllowed(url, allowPrivateHosts);
  } catch (error) {
    if (error instanceof FetchError) throw error;
    throw new FetchError(`GET ${url.toString()} failed: cannot resolve ${url.hostname}`, {
      url: url.toString(),
      reason: 'network',
      isRetryable: true,
      cause: error,
    });
  }
}

function toFetchError(url: string, error: unknown, timeout: AbortSignal, options: FetchOptions): FetchError {
  if (error instanceof FetchError) return error;
  if (timeout.aborted) {
    return new FetchError(`GET ${url} timed out after ${options.timeoutMs} ms`, {
      url,
      reason: 'timeout',
      isRetryable: true,
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new FetchError(`GET ${url} failed: ${message}`, {
    url,
    reason: 'network',
    isRetryable: true,
    cause: error,
  });
}

/** A `lookup` for http.request that only hands out the addresses already checked. */
function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all === true) {
      callback(
        null,
        addresses.map((entry) => ({ address: entry.address, family: entry.family })),
      );
      return;
    }
    const first = addresses[0];
    if (first === undefined) callback(new Error('no address'), '', 4);
    else callback(null, first.address, first.family);
  };
}

function requestOnce(
  url: URL,
  addresses: readonly ResolvedAddress[],
  options: FetchOptions,
  signal: AbortSignal,
): Promise<Omit<FetchedBytes, 'url' | 'finalUrl'>> {
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.get(
      url,
      {
        headers: {
          'user-agent': options.userAgent,
          accept: options.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
          'accept-encoding': 'gzip, deflate, br',
          ...options.headers,
        },
        lookup: pinnedLookup(addresses),
        signal,
      },
      (response) => {
        const headers = flattenHeaders(response.headers);
        const status = response.statusCode ?? 0;
        if (REDIRECTS.has(status) && headers.location !== undefined) {
          response.resume();
          resolve({ status, headers, body: Buffer.alloc(0) });
          return;
        }
        const declared = Number(headers['content-length'] ?? Number.NaN);
        if (declared > options.maxBytes) {
          response.destroy();
          reject(new ResponseTooLargeError(url.toString(), options.maxBytes));
          return;
        }
        readCapped(decompress(response, headers['content-encoding']), options.maxBytes, url.toString()).then(
          (body) => resolve({ status, headers, body }),
          reject,
        );
      },
    );
    request.on('error', reject);
  });
}

function decompress(stream: NodeJS.ReadableStream, encoding: string | undefined): NodeJS.ReadableStream {
  switch (encoding?.trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return stream.pipe(zlib.createGunzip());
    case 'deflate':
      return stream.pipe(zlib.createInflate());
    case 'br':
      return stream.pipe(zlib.createBrotliDecompress());
    default:
      return stream;
  }
}

async function readCapped(stream: NodeJS.ReadableStream, maxBytes: number, url: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    total += buffer.length;
    if (total > maxBytes) {
      if ('destroy' in stream && typeof stream.destroy === 'function') stream.destroy();
      throw new ResponseTooLargeError(url, maxBytes);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function flattenHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return flat;
}
