import type { Client, estypes } from '@elastic/elasticsearch';
import type { Logger } from '../core/logger.ts';
import { createArticlesIndex, ensureIndices } from './ensure-indices.ts';
import { IndexerError } from './errors.ts';
import { ARTICLES_MAPPING_VERSION, indexNames } from './index-names.ts';

/** Documents copied per bulk request. */
const COPY_BATCH = 500;

export type MigrationReport =
  | { readonly kind: 'already-current'; readonly index: string }
  | {
      readonly kind: 'migrated';
      readonly from: string;
      readonly to: string;
      readonly copied: number;
      /** Documents written to the old index while the copy ran, copied again before the switch. */
      readonly caughtUp: number;
      /** The old index is kept; delete it once the new one has proved itself. */
      readonly oldIndexKept: string;
    };

export interface MigrateOptions {
  readonly logger: Logger;
  /** Mapping version to migrate to; default the code's ARTICLES_MAPPING_VERSION. */
  readonly targetVersion?: number;
}

/**
 * Moves the `<prefix>-articles` alias to a new versioned index built with the
 * current mapping: create it, copy every document (point in time +
 * search_after, bulk), copy again what was written meanwhile, check the counts,
 * then switch the alias in one atomic request, so searches never see a gap.
 * Elasticsearch here has no _reindex module, so the copy goes through the
 * client. Run it while no crawl is writing (the window between the catch-up
 * and the switch is short, not zero).
 * @throws IndexerError when a document cannot be copied or the counts differ; the alias then stays where it was.
 */
export async function migrateArticlesIndex(
  client: Client,
  prefix: string,
  options: MigrateOptions,
): Promise<MigrationReport> {
  const target = indexNames(prefix, options.targetVersion ?? ARTICLES_MAPPING_VERSION);
  const current = await aliasedIndices(client, target.articles);
  if (current.length === 0) {
    await ensureIndices(client, prefix);
    return { kind: 'already-current', index: (await aliasedIndices(client, target.articles))[0] ?? '' };
  }
  if (current.length > 1) {
    throw new IndexerError(
      `migrate: alias ${target.articles} points at several indices (${current.join(', ')}); fix it by hand`,
    );
  }
  const from = current[0] ?? '';
  if (from === target.articlesVersioned) return { kind: 'already-current', index: from };

  const log = options.logger.child({ stage: 'migrate', from, to: target.articlesVersioned });
  await createArticlesIndex(client, target.articlesVersioned);
  const copyStartedAt = new Date().toISOString();
  log.info('copying articles');
  const copied = await copyDocuments(client, from, target.articlesVersioned, undefined);
  const caughtUp = await copyDocuments(client, from, target.articlesVersioned, {
    range: { indexed_at: { gte: copyStartedAt } },
  });
  await client.indices.refresh({ index: [from, target.articlesVersioned] });
  const [before, after] = await Promise.all([
    client.count({ index: from }),
    client.count({ index: target.articlesVersioned }),
  ]);
  if (before.count !== after.count) {
    throw new IndexerError(
      `migrate: ${from} has ${before.count} articles but ${target.articlesVersioned} has ${after.count}; the alias was not moved (run migrate again)`,
    );
  }
  await client.indices.updateAliases({
    actions: [
      { remove: { index: from, alias: target.articles } },
      { add: { index: target.articlesVersioned, alias: target.articles, is_write_index: true } },
    ],
  });
  log.info({ copied, caughtUp }, 'alias moved');
  return { kind: 'migrated', from, to: target.articlesVersioned, copied, caughtUp, oldIndexKept: from };
}

async function aliasedIndices(client: Client, alias: string): Promise<string[]> {
  if (!(await client.indices.existsAlias({ name: alias }))) return [];
  return Object.keys(await client.indices.getAlias({ name: alias }));
}

/** Copies the documents of `from` matching `query` (all when undefined) into `to`, keeping their ids. */
async function copyDocuments(
  client: Client,
  from: string,
  to: string,
  query: estypes.QueryDslQueryContainer | undefined,
): Promise<number> {
  const pit = await client.openPointInTime({ index: from, keep_alive: '2m' });
  let pitId = pit.id;
  let copied = 0;
  try {
    let after: estypes.SortResults | undefined;
    for (;;) {
      const response = await client.search<Record<string, unknown>>({
        pit: { id: pitId, keep_alive: '2m' },
        sort: [{ _shard_doc: 'asc' }],
        size: COPY_BATCH,
        track_total_hits: false,
        ...(query === undefined ? {} : { query }),
        ...(after === undefined ? {} : { search_after: after }),
      });
      pitId = response.pit_id ?? pitId;
      const hits = response.hits.hits;
      if (hits.length > 0) copied += await bulkCopy(client, to, hits);
      after = hits.at(-1)?.sort;
      if (hits.length < COPY_BATCH || after === undefined) return copied;
    }
  } finally {
    await client.closePointInTime({ id: pitId }).catch(() => {});
  }
}

async function bulkCopy(
  client: Client,
  to: string,
  hits: readonly estypes.SearchHit<Record<string, unknown>>[],
): Promise<number> {
  const operations = hits.flatMap((hit) => [{ index: { _index: to, _id: hit._id } }, hit._source ?? {}]);
  const response = await client.bulk({ operations });
  if (response.errors) {
    const failed = response.items.find((item) => item.index?.error !== undefined)?.index;
    throw new IndexerError(
      `migrate: copying ${failed?._id ?? 'a document'} into ${to} failed: ${failed?.error?.type ?? ''} ${failed?.error?.reason ?? ''}; the alias was not moved`,
    );
  }
  return hits.length;
}
