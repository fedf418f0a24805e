import { type Client, errors, type estypes } from '@elastic/elasticsearch';
import { articleIndexSettings, articleMapping } from './article-mapping.ts';
import { IndexerError } from './errors.ts';
import { indexNames } from './index-names.ts';
import {
  digestsMapping,
  runsMapping,
  savedSearchesMapping,
  unsubscriptionsMapping,
} from './support-mappings.ts';

export interface EnsureIndicesOptions {
  /** Replicas per index; 0 (default) on the single embedded node, where a replica can never be allocated. */
  readonly replicas?: number;
  /** Index `analysis` settings; default the plugin-backed analyzers of analysis.ts. */
  readonly analysis?: estypes.IndicesIndexSettingsAnalysis;
}

/**
 * Creates what is missing, idempotently: the versioned articles index (mapping
 * and analysis) with the `<prefix>-articles` alias pointing at it, and the
 * runs, digests, saved-searches and unsubscriptions indices. An existing alias keeps the
 * version it points at (a migration moves it) and gains fields added since. Safe to call at every
 * start and from two processes at once.
 * @throws IndexerError when `<prefix>-articles` is a concrete index instead of an alias.
 */
export async function ensureIndices(
  client: Client,
  prefix: string,
  options: EnsureIndicesOptions = {},
): Promise<void> {
  const names = indexNames(prefix);
  const replicas = options.replicas ?? 0;
  await ensureArticles(client, names.articles, names.articlesVersioned, options);
  const small = { number_of_shards: 1, number_of_replicas: replicas };
  for (const [index, mappings] of [
    [names.runs, runsMapping()],
    [names.digests, digestsMapping()],
    [names.savedSearches, savedSearchesMapping()],
    [names.unsubscriptions, unsubscriptionsMapping()],
  ] as const) {
    await createIfMissing(client, index, { settings: small, mappings });
    // Fields added to a mapping later (runs' job_id, saved searches' owner_email) reach indices created before them.
    await client.indices.putMapping({ index, ...mappings });
  }
}

async function ensureArticles(
  client: Client,
  alias: string,
  versioned: string,
  options: EnsureIndicesOptions,
): Promise<void> {
  if (await client.indices.existsAlias({ name: alias })) {
    await addNewFields(client, alias);
    return;
  }
  if (await client.indices.exists({ index: alias })) {
    throw new IndexerError(
      `ensure indices: "${alias}" is an index, not an alias; move its documents to "${versioned}" or delete it`,
    );
  }
  await createArticlesIndex(client, versioned, options);
  await client.indices.updateAliases({
    actions: [{ add: { index: versioned, alias, is_write_index: true } }],
  });
}

/**
 * Brings fields added to the mapping since the index was created (new keyword
 * fields such as `dedup.bands`) into the live index: Elasticsearch accepts
 * additions in place, and refuses a changed field, which needs `pressmon es migrate`.
 */
async function addNewFields(client: Client, alias: string): Promise<void> {
  const { properties } = articleMapping();
  try {
    await client.indices.putMapping({ index: alias, ...(properties === undefined ? {} : { properties }) });
  } catch (error) {
    throw new IndexerError(
      `ensure indices: the mapping of "${alias}" differs from this version's in a way Elasticsearch cannot change in place (${describeEsError(error)}); run \`pressmon es migrate\``,
      { cause: error },
    );
  }
}

/** Creates a versioned articles index with the current mapping and analysis, unless it exists. */
export async function createArticlesIndex(
  client: Client,
  index: string,
  options: EnsureIndicesOptions = {},
): Promise<void> {
  await createIfMissing(client, index, {
    settings: articleIndexSettings({
      ...(options.replicas === undefined ? {} : { replicas: options.replicas }),
      ...(options.analysis === undefined ? {} : { analysis: options.analysis }),
    }),
    mappings: articleMapping(),
  });
}

async function createIfMissing(
  client: Client,
  index: string,
  body: { settings: estypes.IndicesIndexSettings; mappings: estypes.MappingTypeMapping },
): Promise<void> {
  if (await client.indices.exists({ index })) return;
  try {
    await client.indices.create({ index, ...body, wait_for_active_shards: 1 });
  } catch (error) {
    // Another process created it between our check and our create: that is what we wanted.
    if (isAlreadyExists(error)) return;
    throw new IndexerError(`create index ${index}: ${describeEsError(error)}`, { cause: error });
  }
}

function isAlreadyExists(error: unknown): boolean {
  return (
    error instanceof errors.ResponseError &&
    /resource_already_exists_exception/.test(JSON.stringify(error.body ?? ''))
  );
}

/**
 * A one-line description of an Elasticsearch client error: the most specific
 * cause's type and reason (the root cause, not "all shards failed"), or the message.
 */
export function describeEsError(error: unknown): string {
  if (error instanceof errors.ResponseError) {
    const body = error.body as { error?: EsErrorCause } | undefined;
    const top = body?.error;
    const cause = top?.root_cause?.[0] ?? top;
    if (cause?.type !== undefined) return `${error.statusCode ?? '?'} ${cause.type}: ${cause.reason ?? ''}`;
    return `${error.statusCode ?? '?'} ${error.message}`;
  }
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}

interface EsErrorCause {
  readonly type?: string;
  readonly reason?: string;
  readonly root_cause?: readonly EsErrorCause[];
}
