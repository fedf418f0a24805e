/**
 * The embedded local Elasticsearch node: downloaded from Maven Central's
 * integ-test-zip, run with a JDK >= 21 on 127.0.0.1, files under
 * `<cacheDir>/elasticsearch` (distribution) and `<dataDir>/elasticsearch` (node).
 */
import type { Settings } from '../../config/settings.ts';
import type { Logger } from '../../core/logger.ts';
import { createEsClient } from '../es-client.ts';
import { ElasticsearchUnavailableError } from './errors.ts';
import { startLocalNode } from './start-node.ts';
import { localNodeStatus } from './status.ts';

export { ElasticsearchUnavailableError, LocalNodeError } from './errors.ts';
export { type ClusterHealth, type HealthProbe, probeHealth, waitForHealthy } from './health.ts';
export { type LocalNodePaths, localNodePaths } from './paths.ts';
export { START_TIMEOUT_MS, startLocalNode } from './start-node.ts';
export { type LocalNodeStatus, localNodeStatus } from './status.ts';
export { STOP_GRACE_MS, stopLocalNode } from './stop-node.ts';

/**
 * Makes sure Elasticsearch answers: for an external cluster, probes its health
 * (yellow or green); for the embedded node, starts it when it is not running.
 * `startedByUs` tells the caller whether it should stop the node when done.
 * @throws ElasticsearchUnavailableError naming the URL when an external cluster does not answer or is red.
 */
export async function ensureElasticsearch(
  settings: Settings,
  logger: Logger,
): Promise<{ url: string; startedByUs: boolean }> {
  const es = settings.elasticsearch;
  if (es.kind === 'external') {
    await probeExternal(settings, es.url);
    return { url: es.url, startedByUs: false };
  }
  const before = await localNodeStatus(settings);
  const status = await startLocalNode(settings, logger);
  const url = status.state === 'running' ? status.url : es.url;
  return { url, startedByUs: before.state === 'stopped' || before.state === 'not-installed' };
}

async function probeExternal(settings: Settings, url: string): Promise<void> {
  const client = createEsClient(settings);
  try {
    const health = await client.cluster.health({ timeout: '10s' }, { requestTimeout: 15_000, maxRetries: 1 });
    if (health.status === 'red') {
      throw new ElasticsearchUnavailableError(
        `Elasticsearch at ${url} is red (cluster ${health.cluster_name}); check its shards before running pressmon`,
      );
    }
  } catch (error) {
    if (error instanceof ElasticsearchUnavailableError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new ElasticsearchUnavailableError(
      `GET ${url}/_cluster/health failed: ${reason}; check PRESSMON_ES_URL and the credentials (PRESSMON_ES_API_KEY or PRESSMON_ES_USERNAME/PASSWORD)`,
      { cause: error },
    );
  } finally {
    await client.close();
  }
}
