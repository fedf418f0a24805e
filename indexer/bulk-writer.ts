import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from '../core/logger.ts';
import type { Article } from '../pipeline/types.ts';
import { describeEsError } from './ensure-indices.ts';
import { indexNames } from './index-names.ts';
import { newSpoolRunId, SpoolWriter } from './spool.ts';
import type { ArticleDocument } from './to-document.ts';
import { type BulkWriteAction, lookupExisting, planWrite, readerOf } from './write-plan.ts';

/** Default bound of one bulk request body: 5 MB. */
export const DEFAULT_FLUSH_BYTES = 5_000_000;
/** Default number of bulk requests in flight. */
export const DEFAULT_CONCURRENCY = 2;
/** Articles looked up (one mget) before they are queued for the bulk requests. */
const LOOKUP_BATCH_SIZE = 200;

export interface WriteArticlesOptions {
  readonly client: Client;
  readonly prefix: string;
  readonly articles: AsyncIterable<Article> | Iterable<Article>;
  /** Folder of the spool files (`<dataDir>/spool`). */
  readonly spoolDir: string;
  readonly logger: Logger;
  /** Bytes of one bulk request body before it is sent; default 5 MB. */
  readonly flushBytes?: number;
  /** Bulk requests in flight at once; default 2 (the embedded node has 2 cores). */
  readonly concurrency?: number;
  /** Names the spool file (`articles-<runId>.jsonl`); default a fresh time-based id. */
  readonly runId?: string;
  /** The clock, for `indexed_at` and `first_seen_at`. */
  readonly now?: () => Date;
}

export interface WriteReport {
  /** Articles whose current version is in the index: created + updated + unchanged. */
  readonly indexed: number;
  readonly created: number;
  readonly updated: number;
  /** Articles identical to what the index holds; not written again. */
  readonly unchanged: number;
  /** Articles written to the spool file for a later replay. */
  readonly spooled: number;
  readonly failures: readonly { readonly url: string; readonly reason: string }[];
  /** The spool file this write appended to, or null when nothing was spooled. */
  readonly spoolFile: string | null;
}

/**
 * Writes articles to `<prefix>-articles` with client.helpers.bulk (bounded body
 * size and concurrency), as idempotent upserts by Article.id (write-plan.ts):
 * the first write sets `first_seen_at`, later writes keep it. Nothing is lost:
 * an item Elasticsearch rejects (a mapping error, a conflict) is appended with
 * its reason to the run's spool file, and when Elasticsearch does not answer
 * every article not yet acknowledged goes to the spool; `replaySpool` sends
 * them again later. One bad document never blocks the rest of its batch.
 * @throws IndexerError only when the spool file itself cannot be written.
 */
export async function writeArticles(options: WriteArticlesOptions): Promise<WriteReport> {
  const { client, logger } = options;
  const alias = indexNames(options.prefix).articles;
  const indexedAt = (options.now ?? (() => new Date()))().toISOString();
  const spool = new SpoolWriter(options.spoolDir, options.runId ?? newSpoolRunId());
  const reader = readerOf(options.articles);
  const counts = { created: 0, updated: 0, unchanged: 0 };
  const failures: { url: string; reason: string }[] = [];
  // Articles handed to the bulk helper and not yet acknowledged, by id (FIFO per id).
  const inFlight = new Map<string, Article[]>();
  const planned = new WeakMap<object, BulkWriteAction>();
  const seenInThisWrite = new Map<string, string>();
  let stopReason: string | null = null;

  const toSpool = (articles: readonly Article[], status: number | null, reason: string): void => {
    const spooledAt = new Date().toISOString();
    spool.append(
      articles.map((article) => ({ spooledAt, id: article.id, url: article.url, status, reason, article })),
    );
    for (const article of articles) {
      failures.push({ url: article.url, reason });
      logger.warn({ url: article.url, id: article.id, status, reason }, 'article spooled');
    }
  };

  async function* documents(): AsyncGenerator<ArticleDocument> {
    while (stopReason === null) {
      const chunk = await reader.take(LOOKUP_BATCH_SIZE);
      if (chunk.length === 0) return;
      let existing: Awaited<ReturnType<typeof lookupExisting>>;
      try {
        existing = await lookupExisting(
          client,
          alias,
          chunk.map((article) => article.id),
        );
      } catch (error) {
        stopReason = `elasticsearch lookup failed: ${describeEsError(error)}`;
        toSpool(chunk, null, stopReason);
        return;
      }
      for (const article of chunk) {
        const plan = planWrite(article, existing.get(article.id), indexedAt, alias, seenInThisWrite);
        if (plan.kind === 'unchanged') {
          counts.unchanged++;
          continue;
        }
        seenInThisWrite.set(article.id, plan.document.first_seen_at ?? indexedAt);
        push(inFlight, article);
        planned.set(plan.document, plan.action);
        yield plan.document;
      }
    }
  }

  try {
    await client.helpers.bulk<ArticleDocument>({
      datasource: documents(),
      onDocument: (document) => {
        const action = planned.get(document);
        if (action === undefined) throw new Error(`bulk writer: no plan for article ${document.id}`);
        return action;
      },
      flushBytes: options.flushBytes ?? DEFAULT_FLUSH_BYTES,
      concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
      flushInterval: 5_000,
      wait: 1_000,
      onSuccess: ({ result }) => {
        const item = result.create ?? result.index;
        if (item === undefined) return;
        const article = take(inFlight, item._id ?? '');
        if (article === undefined) return;
        if (item.result === 'created') counts.created++;
        else counts.updated++;
      },
      onDrop: (dropped) => {
        const operation = dropped.operation as Partial<Record<'create' | 'index', { _id?: string }>>;
        const item = operation.create ?? operation.index;
        const article = take(inFlight, item?._id ?? '');
        if (article === undefined) return;
        toSpool([article], dropped.status, describeBulkError(dropped.status, dropped.error));
      },
    });
  } catch (error) {
    stopReason ??= `elasticsearch bulk request failed: ${describeEsError(error)}`;
  }
  if (stopReason !== null) {
    // Whatever was not acknowledged, and whatever was not read yet, waits in the spool.
    toSpool([...inFlight.values()].flat(), null, stopReason);
    inFlight.clear();
    for (
      let rest = await reader.take(LOOKUP_BATCH_SIZE);
      rest.length > 0;
      rest = await reader.take(LOOKUP_BATCH_SIZE)
    ) {
      toSpool(rest, null, stopReason);
    }
  }
  // Items the helper neither acknowledged nor dropped (an aborted helper) must not vanish.
  const unacknowledged = [...inFlight.values()].flat();
  if (unacknowledged.length > 0) toSpool(unacknowledged, null, 'bulk request not acknowledged');
  await spool.flush();
  const report: WriteReport = {
    indexed: counts.created + counts.updated + counts.unchanged,
    ...counts,
    spooled: spool.count,
    failures,
    spoolFile: spool.count > 0 ? spool.file : null,
  };
  logger.info(
    {
      alias,
      created: report.created,
      updated: report.updated,
      unchanged: report.unchanged,
      spooled: report.spooled,
    },
    'articles written',
  );
  return report;
}

function describeBulkError(status: number, error: estypes.ErrorCause | null): string {
  if (error === null) return `status ${status}`;
  const cause = error.caused_by?.reason === undefined ? '' : ` (${error.caused_by.reason})`;
  return `${error.type}: ${error.reason ?? ''}${cause}`;
}

function push(map: Map<string, Article[]>, article: Article): void {
  const queue = map.get(article.id);
  if (queue === undefined) map.set(article.id, [article]);
  else queue.push(article);
}

function take(map: Map<string, Article[]>, id: string): Article | undefined {
  const queue = map.get(id);
  const article = queue?.shift();
  if (queue !== undefined && queue.length === 0) map.delete(id);
  return article;
}
