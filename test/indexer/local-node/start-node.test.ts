import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings } from '../../../config/settings.ts';
import { ConfigError } from '../../../core/errors.ts';
import { silentLogger } from '../../../core/logger.ts';
import {
  LocalNodeError,
  localNodeStatus,
  startLocalNode,
  stopLocalNode,
} from '../../../indexer/local-node/index.ts';

// Start-up refusals that happen before any download or JVM (the full start is local-node.int.test.ts).
describe('startLocalNode refusals', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'pressmon-start-'));
  });
  afterEach(async () => {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('names the busy port and PRESSMON_ES_PORT when another program holds the port', async () => {
    const server = net.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as net.AddressInfo;
    try {
      const settings = loadSettings({
        PRESSMON_DATA_DIR: dataDir,
        PRESSMON_CACHE_DIR: path.join(dataDir, 'cache'),
        PRESSMON_ES_PORT: String(port),
      });
      const failure = startLocalNode(settings, silentLogger());
      await expect(failure).rejects.toThrow(LocalNodeError);
      await expect(failure).rejects.toThrow(new RegExp(`port ${port} .*in use.*PRESSMON_ES_PORT`));
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('refuses start, stop and status when an external cluster is configured', async () => {
    const settings = loadSettings({
      PRESSMON_DATA_DIR: dataDir,
      PRESSMON_ES_URL: 'https://es.example.org:9200',
    });
    await expect(startLocalNode(settings, silentLogger())).rejects.toThrow(ConfigError);
    await expect(stopLocalNode(settings, silentLogger())).rejects.toThrow(
      /embedded Elasticsearch node is not used/,
    );
    await expect(localNodeStatus(settings)).rejects.toThrow(ConfigError);
  });

  it('reports not-installed and a no-op stop when nothing was ever set up', async () => {
    const settings = loadSettings({
      PRESSMON_DATA_DIR: dataDir,
      PRESSMON_CACHE_DIR: path.join(dataDir, 'cache'),
    });
    expect(await localNodeStatus(settings)).toEqual({ state: 'not-installed' });
    expect(await stopLocalNode(settings, silentLogger())).toEqual({ wasRunning: false });
  });
});
