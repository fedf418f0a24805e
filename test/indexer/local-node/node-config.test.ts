import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { loadSettings } from '../../../config/settings.ts';
import { ConfigError } from '../../../core/errors.ts';
import {
  renderElasticsearchYml,
  renderHeapOptions,
  transportPortFor,
  writeNodeConfig,
} from '../../../indexer/local-node/node-config.ts';
import { readLocalNodeEnv } from '../../../indexer/local-node/node-env.ts';
import { localNodePaths } from '../../../indexer/local-node/paths.ts';

function embedded(env: Record<string, string>) {
  const settings = loadSettings({
    PRESSMON_DATA_DIR: '/srv/pressmon data',
    PRESSMON_CACHE_DIR: '/var/cache/pm',
    ...env,
  });
  if (settings.elasticsearch.kind !== 'embedded') throw new Error('expected embedded settings');
  return { settings, es: settings.elasticsearch };
}

describe('localNodePaths', () => {
  it('keeps the distribution in the cache and the node files in the data folder', () => {
    const paths = localNodePaths(embedded({}).settings);
    expect(paths).toEqual({
      distDir: '/var/cache/pm/elasticsearch',
      nodeDir: '/srv/pressmon data/elasticsearch',
      dataDir: '/srv/pressmon data/elasticsearch/data',
      logsDir: '/srv/pressmon data/elasticsearch/logs',
      configDir: '/srv/pressmon data/elasticsearch/config',
      pidFile: '/srv/pressmon data/elasticsearch/node.pid',
      stateFile: '/srv/pressmon data/elasticsearch/node.json',
    });
  });
});

describe('renderElasticsearchYml', () => {
  it('renders a loopback single node without security from the settings', () => {
    const { settings, es } = embedded({ PRESSMON_ES_PORT: '9277' });
    const paths = localNodePaths(settings);
    const yml = renderElasticsearchYml({
      httpPort: es.port,
      transportPort: transportPortFor(es.port),
      dataDir: paths.dataDir,
      logsDir: paths.logsDir,
      heap: es.heap,
    });
    expect(parse(yml)).toEqual({
      'cluster.name': 'pressmon-local',
      'node.name': 'pressmon-local-node',
      'network.host': '127.0.0.1',
      'http.port': 9277,
      'transport.port': 9377,
      'discovery.type': 'single-node',
      'path.data': '/srv/pressmon data/elasticsearch/data',
      'path.logs': '/srv/pressmon data/elasticsearch/logs',
      'xpack.security.enabled': false,
      'cluster.routing.allocation.disk.threshold_enabled': false,
    });
  });
});

describe('transportPortFor', () => {
  it('is HTTP + 100, below the HTTP port near the top of the range, or the override', () => {
    expect(transportPortFor(9200)).toBe(9300);
    expect(transportPortFor(65_500)).toBe(65_400);
    expect(transportPortFor(9200, 9400)).toBe(9400);
  });
});

describe('renderHeapOptions', () => {
  it('gives -Xms and -Xmx the heap of PRESSMON_ES_HEAP (default 1g)', () => {
    expect(renderHeapOptions(embedded({}).es.heap)).toMatch(/^-Xms1g\n-Xmx1g$/m);
    const lines = renderHeapOptions(embedded({ PRESSMON_ES_HEAP: '512m' }).es.heap).split('\n');
    expect(lines.filter((line) => line.startsWith('-X'))).toEqual(['-Xms512m', '-Xmx512m']);
  });
});

describe('readLocalNodeEnv', () => {
  it('reads the version override, the plugin switch and the transport port', () => {
    expect(readLocalNodeEnv({})).toEqual({
      versionOverride: undefined,
      skipPlugin: false,
      transportPort: undefined,
    });
    expect(
      readLocalNodeEnv({
        PRESSMON_ES_VERSION: '8.18.1',
        PRESSMON_ES_SKIP_PLUGIN: '1',
        PRESSMON_ES_TRANSPORT_PORT: '9500',
      }),
    ).toEqual({ versionOverride: '8.18.1', skipPlugin: true, transportPort: 9500 });
  });

  it('rejects a transport port that is not a port', () => {
    expect(() => readLocalNodeEnv({ PRESSMON_ES_TRANSPORT_PORT: '70000' })).toThrow(ConfigError);
  });
});

describe('writeNodeConfig', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'pressmon-config-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('copies the distribution defaults, writes ours, and keeps the keystore on every start', async () => {
    const esHome = path.join(root, 'home');
    await mkdir(path.join(esHome, 'config', 'jvm.options.d'), { recursive: true });
    await writeFile(path.join(esHome, 'config', 'jvm.options'), '-XX:+UseG1GC\n');
    await writeFile(path.join(esHome, 'config', 'log4j2.properties'), 'status = error\n');
    await writeFile(path.join(esHome, 'config', 'elasticsearch.yml'), 'cluster.name: from-the-zip\n');
    const paths = localNodePaths({ cacheDir: path.join(root, 'cache'), dataDir: path.join(root, 'data') });
    const config = {
      httpPort: 9277,
      transportPort: 9377,
      dataDir: paths.dataDir,
      logsDir: paths.logsDir,
      heap: '1g',
    };

    await writeNodeConfig(esHome, paths, config);
    await writeFile(path.join(paths.configDir, 'elasticsearch.keystore'), 'created by elasticsearch');
    await writeNodeConfig(esHome, paths, { ...config, heap: '2g' });

    const read = (name: string) => readFile(path.join(paths.configDir, name), 'utf8');
    expect(await read('jvm.options')).toBe('-XX:+UseG1GC\n');
    expect(await read('log4j2.properties')).toBe('status = error\n');
    expect(await read('elasticsearch.yml')).toContain('cluster.name: pressmon-local');
    expect(await read('elasticsearch.keystore')).toBe('created by elasticsearch');
    expect(await read('jvm.options.d/heap.options')).toContain('-Xmx2g');
  });
});
