import { cp, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalNodePaths } from './paths.ts';

/** Name of the embedded node's cluster; its log file is `<logsDir>/pressmon-local.log`. */
export const CLUSTER_NAME = 'pressmon-local';

export interface NodeConfig {
  readonly httpPort: number;
  readonly transportPort: number;
  readonly dataDir: string;
  readonly logsDir: string;
  /** Java heap such as `1g`; -Xms and -Xmx both get it. */
  readonly heap: string;
}

/**
 * The transport port for an HTTP port: PRESSMON_ES_TRANSPORT_PORT when given,
 * else HTTP + 100 (or - 100 near the top of the range); pure.
 */
export function transportPortFor(httpPort: number, override?: number): number {
  if (override !== undefined) return override;
  return httpPort + 100 <= 65_535 ? httpPort + 100 : httpPort - 100;
}

/** elasticsearch.yml for a single loopback node without security; pure. */
export function renderElasticsearchYml(config: NodeConfig): string {
  const lines = [
    '# Written by pressmon on every start of the embedded node; edits are overwritten.',
    `cluster.name: ${CLUSTER_NAME}`,
    'node.name: pressmon-local-node',
    'network.host: 127.0.0.1',
    `http.port: ${config.httpPort}`,
    `transport.port: ${config.transportPort}`,
    'discovery.type: single-node',
    `path.data: ${JSON.stringify(config.dataDir)}`,
    `path.logs: ${JSON.stringify(config.logsDir)}`,
    'xpack.security.enabled: false',
    // A nearly full disk on a workstation must not make the node refuse shards (red health).
    'cluster.routing.allocation.disk.threshold_enabled: false',
    '',
  ];
  return lines.join('\n');
}

/** jvm.options.d/heap.options: the same minimum and maximum heap; pure. */
export function renderHeapOptions(heap: string): string {
  return `# Written by pressmon from PRESSMON_ES_HEAP.\n-Xms${heap}\n-Xmx${heap}\n`;
}

/**
 * Writes the node's config folder (ES_PATH_CONF): the distribution's default
 * files (jvm.options, log4j2.properties, …) plus our elasticsearch.yml and heap
 * options. The keystore Elasticsearch creates there is kept.
 */
export async function writeNodeConfig(
  esHome: string,
  paths: LocalNodePaths,
  config: NodeConfig,
): Promise<void> {
  await mkdir(path.join(paths.configDir, 'jvm.options.d'), { recursive: true });
  const defaults = path.join(esHome, 'config');
  for (const name of await readdir(defaults)) {
    if (name === 'elasticsearch.yml' || name === 'elasticsearch.keystore' || name === 'jvm.options.d')
      continue;
    await cp(path.join(defaults, name), path.join(paths.configDir, name), { recursive: true, force: true });
  }
  await writeFile(path.join(paths.configDir, 'elasticsearch.yml'), renderElasticsearchYml(config));
  await writeFile(
    path.join(paths.configDir, 'jvm.options.d', 'heap.options'),
    renderHeapOptions(config.heap),
  );
}
