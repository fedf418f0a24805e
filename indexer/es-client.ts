import { readFileSync } from 'node:fs';
import { Client, type ClientOptions } from '@elastic/elasticsearch';
import type { Settings } from '../config/settings.ts';
import { ConfigError } from '../core/errors.ts';

/** Per-request timeout of the shared client; bulk writers may pass a longer one per call. */
export const ES_REQUEST_TIMEOUT_MS = 30_000;
export const ES_MAX_RETRIES = 3;

/**
 * The Elasticsearch client for the settings: the embedded node
 * (`http://127.0.0.1:<port>`, no auth) or an external cluster (API key or
 * basic auth, optional CA file). Credentials go to the client only, never to logs.
 * @throws ConfigError when PRESSMON_ES_CA_FILE cannot be read.
 */
export function createEsClient(settings: Settings): Client {
  return new Client(esClientOptions(settings));
}

/** The client options for the settings (exported for tests); reads the CA file. */
export function esClientOptions(settings: Settings): ClientOptions {
  const es = settings.elasticsearch;
  const base: ClientOptions = {
    node: es.url,
    requestTimeout: ES_REQUEST_TIMEOUT_MS,
    maxRetries: ES_MAX_RETRIES,
    name: 'pressmon',
  };
  if (es.kind === 'embedded') return base;
  const auth =
    es.auth.kind === 'api-key'
      ? { auth: { apiKey: es.auth.apiKey } }
      : es.auth.kind === 'basic'
        ? { auth: { username: es.auth.username, password: es.auth.password } }
        : {};
  const tls = es.caFile === null ? {} : { tls: { ca: readCaFile(es.caFile) } };
  return { ...base, ...auth, ...tls };
}

function readCaFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(
      `reading the Elasticsearch CA certificate ${file} (PRESSMON_ES_CA_FILE) failed (${code}); fix the path or unset PRESSMON_ES_CA_FILE`,
      { cause: error },
    );
  }
}
