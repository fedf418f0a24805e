import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadSettings, type Settings } from '../../../config/settings.ts';
import { silentLogger } from '../../../core/logger.ts';
import { createEsClient } from '../../../indexer/es-client.ts';
import {
  ensureElasticsearch,
  localNodeStatus,
  startLocalNode,
  stopLocalNode,
} from '../../../indexer/local-node/index.ts';
import { isProcessAlive } from '../../../indexer/local-node/node-process.ts';

// A node of its own: a fresh data folder and port 9277 (never the shared test or dev node),
// but the shared cache so the distribution is downloaded once per checkout.
const ROOT = path.resolve(import.meta.dirname, '../../..');
const PORT = Number(process.env.PRESSMON_LOCAL_NODE_TEST_PORT ?? '9277');

describe('embedded Elasticsearch node', () => {
  let dataDir: string;
  let settings: Settings;
  const logger = silentLogger();

  beforeAll(async () => {
    // mkdtemp makes a 0700 folder: the node user must still be able to reach its files.
    dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-local-node-'));
    settings = loadSettings({
      PRESSMON_DATA_DIR: dataDir,
      PRESSMON_CACHE_DIR: path.join(ROOT, '.cache'),
      PRESSMON_ES_PORT: String(PORT),
      PRESSMON_ES_HEAP: '512m',
    });
  });

  afterAll(async () => {
    await stopLocalNode(settings, logger);
    await rm(dataDir, { recursive: true, force: true });
  });

  it('starts, answers healthy, and a second start is a no-op with the same pid', async () => {
    const first = await startLocalNode(settings, logger);
    expect(first).toMatchObject({ state: 'running', url: `http://127.0.0.1:${PORT}` });
    if (first.state !== 'running') throw new Error('not running');
    expect(['green', 'yellow']).toContain(first.health);

    const client = createEsClient(settings);
    try {
      const health = await client.cluster.health();
      expect(health.cluster_name).toBe('pressmon-local');
      const info = await client.nodes.info({ node_id: '_local', metric: 'process' });
      expect(Object.values(info.nodes)[0]?.version).toBe(first.version);
    } finally {
      await client.close();
    }

    const second = await startLocalNode(settings, logger);
    expect(second).toMatchObject({ state: 'running', pid: first.pid, version: first.version });
    expect(await ensureElasticsearch(settings, logger)).toEqual({ url: first.url, startedByUs: false });
    // A cold cache downloads the distribution and builds the analysis plugin before the 120 s start.
  }, 600_000);

  it('reports its status, stops, and a second stop is a no-op', async () => {
    const status = await localNodeStatus(settings);
    expect(status.state).toBe('running');
    if (status.state !== 'running') throw new Error('not running');

    expect(await stopLocalNode(settings, logger)).toEqual({ wasRunning: true });
    expect(await isProcessAlive(status.pid)).toBe(false);
    expect(await localNodeStatus(settings)).toMatchObject({ state: 'stopped' });
    expect(await stopLocalNode(settings, logger)).toEqual({ wasRunning: false });
  });
});
