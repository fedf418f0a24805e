import path from 'node:path';
import { Configuration, Logger as CrawleeLogger, Log, LogLevel, RequestQueue } from 'crawlee';
import type { Logger } from '../core/logger.ts';

/** Memory crawlee may use for one source's crawl before it stops scaling up. */
export const CRAWLEE_MEMORY_MBYTES = 1024;

/** The folder of one source's crawlee storage (request queue, crawler state). */
export function crawleeStorageDir(dataDir: string, sourceId: string): string {
  return path.join(dataDir, 'crawlee', sourceId);
}

/**
 * A crawlee Configuration of its own for one source, with every default that
 * matters set on purpose: storage persisted under `<dataDir>/crawlee/<source
 * id>` and never purged at start (so an interrupted crawl resumes), a fixed
 * memory budget, and no Apify-platform behaviour.
 */
export function crawleeConfigFor(dataDir: string, sourceId: string): Configuration {
  return new Configuration({
    storageClientOptions: { localDataDirectory: crawleeStorageDir(dataDir, sourceId), persistStorage: true },
    purgeOnStart: false,
    persistStorage: true,
    memoryMbytes: CRAWLEE_MEMORY_MBYTES,
    persistStateIntervalMillis: 10_000,
    headless: true,
  });
}

/** The name of a source's request queue. */
function queueNameFor(sourceId: string): string {
  return `pressmon-${sourceId}`;
}

/** The folder crawlee keeps a source's request queue in: one JSON file per request. */
export function sourceQueueDir(dataDir: string, sourceId: string): string {
  return path.join(crawleeStorageDir(dataDir, sourceId), 'request_queues', queueNameFor(sourceId));
}

/** The named, persistent request queue of one source. */
export async function openSourceQueue(sourceId: string, config: Configuration): Promise<RequestQueue> {
  return RequestQueue.open(queueNameFor(sourceId), { config });
}

const LEVEL_NAMES: Readonly<Record<number, 'error' | 'warn' | 'info' | 'debug' | 'trace'>> = {
  [LogLevel.ERROR]: 'error',
  [LogLevel.SOFT_FAIL]: 'warn',
  [LogLevel.WARNING]: 'warn',
  [LogLevel.INFO]: 'debug', // crawlee's progress lines are noise at our info level
  [LogLevel.DEBUG]: 'trace',
  [LogLevel.PERF]: 'trace',
};

/** Sends crawlee's own log lines to our pino logger. */
class PinoBridge extends CrawleeLogger {
  readonly #logger: Logger;

  constructor(logger: Logger) {
    super({});
    this.#logger = logger;
  }

  override _log(level: LogLevel, message: string, data?: unknown, exception?: unknown): void {
    const method = LEVEL_NAMES[level] ?? 'debug';
    this.#logger[method]({ crawlee: data, err: exception }, message);
  }
}

/** A crawlee `Log` that writes through the given logger. */
export function crawleeLogFor(logger: Logger): Log {
  return new Log({ level: LogLevel.DEBUG, logger: new PinoBridge(logger) });
}
