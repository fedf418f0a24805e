import { type DestinationStream, type LoggerOptions, pino } from 'pino';
import { redactSecrets } from './errors.ts';

export type { Logger } from 'pino';

import type { Logger } from 'pino';

/** Field names whose values never reach a log: credentials, and article text (bodies, raw html). */
const REDACTED_KEYS = [
  'password',
  'apiKey',
  'api_key',
  'token',
  'authorization',
  'cookie',
  'auth',
  'body',
  'html',
  'text',
] as const;

/**
 * The redaction paths: each key at the top and up to three levels down
 * (`password`, `*.password`, `*.*.password`, `*.*.*.password`), plus request
 * headers. Values become `[redacted]`; the key stays, so a reader sees that
 * something was there.
 */
export const REDACT_PATHS: readonly string[] = [
  ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`, `*.*.*.${key}`]),
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
];

export interface CreateLoggerOptions {
  /** Readable coloured lines instead of JSON; default: when stderr is a terminal. */
  readonly pretty?: boolean;
  /** Where JSON lines go; default stderr. Tests pass a stream to read them. */
  readonly destination?: DestinationStream;
}

/**
 * The one logger, created at the entry point and handed down. JSON lines when
 * stderr is not a terminal, readable lines when it is. Stages and runs take a
 * child logger (`logger.child({ runId, sourceId, stage })`), so every line
 * says which run and which source it is about. Credentials and article text
 * are redacted by field name (REDACT_PATHS); messages, URLs and errors pass
 * through redactSecrets (user:password@ in URLs, `token=…`).
 */
export function createLogger(level: string, options: CreateLoggerOptions = {}): Logger {
  const pretty = options.destination === undefined && (options.pretty ?? process.stderr.isTTY === true);
  const config: LoggerOptions = {
    level,
    redact: { paths: [...REDACT_PATHS], censor: '[redacted]' },
    serializers: {
      err: serializeError,
      error: serializeError,
      url: (value: unknown) => (typeof value === 'string' ? redactSecrets(value) : value),
    },
    hooks: {
      logMethod(args, method) {
        const cleaned = args.map((arg) => (typeof arg === 'string' ? redactSecrets(arg) : arg));
        method.apply(this, cleaned as Parameters<typeof method>);
      },
    },
  };
  if (pretty) {
    return pino({
      ...config,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, ignore: 'pid,hostname' },
      },
    });
  }
  return pino(config, options.destination ?? pino.destination(2));
}

function serializeError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const serialized = pino.stdSerializers.err(error);
  return {
    ...serialized,
    message: redactSecrets(serialized.message),
    stack: redactSecrets(serialized.stack),
  };
}

/** A logger that drops everything, for tests and library calls without one. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
