import path from 'node:path';
import type { Settings } from '../../config/settings.ts';

/** Where the embedded node's files live. */
export interface LocalNodePaths {
  /** `<cacheDir>/elasticsearch`: downloaded zips and unpacked homes, shared by every data dir. */
  readonly distDir: string;
  /** `<dataDir>/elasticsearch`: everything that belongs to this one node. */
  readonly nodeDir: string;
  readonly dataDir: string;
  readonly logsDir: string;
  /** The node's own config folder (ES_PATH_CONF), rewritten on every start. */
  readonly configDir: string;
  readonly pidFile: string;
  /** `node.json`: version, port, URL and start time of the last start. */
  readonly stateFile: string;
}

/** The paths of the embedded node for these settings; pure. */
export function localNodePaths(settings: Pick<Settings, 'cacheDir' | 'dataDir'>): LocalNodePaths {
  const nodeDir = path.join(settings.dataDir, 'elasticsearch');
  return {
    distDir: path.join(settings.cacheDir, 'elasticsearch'),
    nodeDir,
    dataDir: path.join(nodeDir, 'data'),
    logsDir: path.join(nodeDir, 'logs'),
    configDir: path.join(nodeDir, 'config'),
    pidFile: path.join(nodeDir, 'node.pid'),
    stateFile: path.join(nodeDir, 'node.json'),
  };
}

/** The zip of one version inside the cache. */
export function distributionZip(distDir: string, version: string): string {
  return path.join(distDir, `elasticsearch-${version}.zip`);
}

/** The unpacked home (ES_HOME) of one version inside the cache. */
export function distributionHome(distDir: string, version: string): string {
  return path.join(distDir, `elasticsearch-${version}`);
}
