import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadSettings } from '../../config/settings.ts';
import { createLogger } from '../../core/logger.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    esUrl: string;
  }
}

const ROOT = path.resolve(import.meta.dirname, '../..');

/**
 * Integration tests talk to a real Elasticsearch: the cluster named by
 * PRESSMON_ES_URL, or else an embedded node of their own (data under
 * .data/test, port PRESSMON_TEST_ES_PORT or 9250), started here and stopped at
 * the end if this run started it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.PRESSMON_ES_URL;
  if (external !== undefined && external !== '') {
    project.provide('esUrl', external);
    return async () => {};
  }
  const settings = loadSettings({
    ...process.env,
    PRESSMON_DATA_DIR: path.join(ROOT, '.data/test'),
    PRESSMON_ES_PORT: process.env.PRESSMON_TEST_ES_PORT ?? '9250',
    PRESSMON_ES_HEAP: process.env.PRESSMON_ES_HEAP ?? '1g',
  });
  // Imported here so that a run against an external cluster never loads the node manager.
  const { localNodeStatus, startLocalNode, stopLocalNode } = await import(
    '../../indexer/local-node/index.ts'
  );
  const logger = createLogger('info', { pretty: false });
  const before = await localNodeStatus(settings);
  const status = await startLocalNode(settings, logger);
  if (status.state !== 'running') throw new Error(`test Elasticsearch did not start: ${status.state}`);
  project.provide('esUrl', status.url);
  return async () => {
    if (before.state !== 'running') await stopLocalNode(settings, logger);
  };
}
