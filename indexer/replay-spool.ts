import type { Client } from '@elastic/elasticsearch';
import type { Logger } from '../core/logger.ts';
import { type WriteReport, writeArticles } from './bulk-writer.ts';
import {
  claimSpool,
  keepUnreadable,
  newSpoolRunId,
  releaseSpool,
  type SpoolEntry,
  unclaimSpool,
} from './spool.ts';

export interface ReplaySpoolOptions {
  readonly client: Client;
  readonly prefix: string;
  readonly spoolDir: string;
  readonly logger: Logger;
  readonly flushBytes?: number;
  readonly concurrency?: number;
  readonly now?: () => Date;
}

/**
 * Re-sends every spooled article. The spool files are claimed first (renamed),
 * the latest entry per article id is written with writeArticles, and articles
 * that fail again go to a new spool file with their latest reason; only then
 * are the claimed files removed. A crash in between leaves the claimed files
 * for the next replay, which takes them up again (writes are idempotent).
 * Lines that are not spool entries are moved to `unreadable-<runId>.jsonl`.
 * @throws IndexerError when the spool cannot be written; the claimed files are then given back.
 */
export async function replaySpool(options: ReplaySpoolOptions): Promise<WriteReport> {
  const { logger } = options;
  const claimed = await claimSpool(options.spoolDir);
  const runId = `replay-${newSpoolRunId()}`;
  if (claimed.unreadableLines.length > 0) {
    const file = await keepUnreadable(options.spoolDir, claimed.unreadableLines, runId);
    logger.error({ file, lines: claimed.unreadableLines.length }, 'unreadable spool lines kept aside');
  }
  const entries = latestPerArticle(claimed.entries);
  let report: WriteReport;
  try {
    report = await writeArticles({
      client: options.client,
      prefix: options.prefix,
      articles: entries.map((entry) => entry.article),
      spoolDir: options.spoolDir,
      logger,
      runId,
      ...(options.flushBytes === undefined ? {} : { flushBytes: options.flushBytes }),
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.now === undefined ? {} : { now: options.now }),
    });
  } catch (error) {
    await unclaimSpool(claimed);
    throw error;
  }
  await releaseSpool(claimed);
  if (claimed.entries.length > 0) {
    logger.info(
      { replayed: entries.length, indexed: report.indexed, spooled: report.spooled },
      'spool replayed',
    );
  }
  return report;
}

/** One entry per article id, the last one spooled (files are read oldest first). */
function latestPerArticle(entries: readonly SpoolEntry[]): SpoolEntry[] {
  const byId = new Map<string, SpoolEntry>();
  for (const entry of entries) {
    byId.delete(entry.id);
    byId.set(entry.id, entry);
  }
  return [...byId.values()];
}
