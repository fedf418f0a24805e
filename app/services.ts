import type { Client } from '@elastic/elasticsearch';
import { loadConfigOrThrow } from '../config/index.ts';
import type { Settings } from '../config/settings.ts';
import type { PressmonConfig } from '../config/types.ts';
import type { Logger } from '../core/logger.ts';
import { createEsClient } from '../indexer/es-client.ts';
import { ensureElasticsearch } from '../indexer/local-node/index.ts';

/** Loads and validates config/; a problem stops the command with every problem listed. */
export function loadValidConfig(settings: Settings): Promise<PressmonConfig> {
  return loadConfigOrThrow({ configDir: settings.configDir, sourcesDir: settings.sourcesDir });
}

/**
 * Connects to Elasticsearch: the external cluster when configured, otherwise
 * the embedded node, started (and downloaded the first time) when needed.
 */
export async function connectElasticsearch(settings: Settings, logger: Logger): Promise<Client> {
  await ensureElasticsearch(settings, logger);
  return createEsClient(settings);
}
