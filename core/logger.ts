import { pino, type Logger } from 'pino';

export type { Logger } from 'pino';

/**
 * The one logger, created at the entry point and handed down. JSON lines when
 * stderr is not a terminal, readable lines when it is. Stages take a child
 * logger (`logger.child({ stage, runId, sourceId })`).
 */
export function createLogger(level: string, options: { pretty?: boolean } = {}): Logger {
  const pretty = options.pretty ?? process.stderr.isTTY === true;
  const redact = {
    paths: ['*.password', '*.apiKey', '*.authorization', 'headers.authorization'],
    censor: '***',
  };
  if (pretty) {
    return pino({
      level,
      redact,
      transport: {
        target: 'pino-pretty',
        options: { destination: 2, colorize: true, ignore: 'pid,hostname' },
      },
    });
  }
  return pino({ level, redact }, pino.destination(2));
}

/** A logger that drops everything, for tests and library calls without one. */
export function silentLogger(): Logger {
  return pino({ level: 'silent' });
}
