import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Settings } from '../../config/settings.ts';
import { ConfigError } from '../../core/errors.ts';
import { isCompleteHome } from './download.ts';
import { type ClusterHealth, probeHealth } from './health.ts';
import { runningNodePid } from './node-process.ts';
import { readNodeState } from './node-state.ts';
import { localNodePaths } from './paths.ts';

/** What the embedded node is doing. */
export type LocalNodeStatus =
  | {
      readonly state: 'running';
      readonly url: string;
      readonly version: string;
      readonly pid: number;
      readonly health: ClusterHealth;
    }
  /** The process exists but its HTTP port does not answer (starting, stopping, or hung). */
  | { readonly state: 'unresponsive'; readonly url: string; readonly pid: number; readonly reason: string }
  | { readonly state: 'stopped'; readonly installedVersions: readonly string[] }
  | { readonly state: 'not-installed' };

/** The embedded-node part of the settings; other kinds are a ConfigError. */
export function embeddedSettings(
  settings: Settings,
  operation: string,
): Extract<Settings['elasticsearch'], { kind: 'embedded' }> {
  const es = settings.elasticsearch;
  if (es.kind !== 'embedded') {
    throw new ConfigError(
      `${operation}: PRESSMON_ES_URL is set (${es.url}), so the embedded Elasticsearch node is not used; unset PRESSMON_ES_URL to use it`,
    );
  }
  return es;
}

/**
 * Reports the embedded node's state without changing anything (except that a
 * stale pid file is removed).
 * @throws ConfigError when the settings name an external cluster.
 */
export async function localNodeStatus(settings: Settings): Promise<LocalNodeStatus> {
  const es = embeddedSettings(settings, 'reading the embedded Elasticsearch status');
  const paths = localNodePaths(settings);
  const pid = await runningNodePid(paths.pidFile);
  if (pid !== null) {
    const state = await readNodeState(paths.stateFile);
    const url = state?.url ?? es.url;
    const probe = await probeHealth(url);
    if (!probe.ok) return { state: 'unresponsive', url, pid, reason: probe.reason };
    return { state: 'running', url, version: state?.version ?? 'unknown', pid, health: probe.health };
  }
  const installedVersions = await installedVersionsIn(paths.distDir);
  return installedVersions.length === 0
    ? { state: 'not-installed' }
    : { state: 'stopped', installedVersions };
}

async function installedVersionsIn(distDir: string): Promise<string[]> {
  const names = await readdir(distDir).catch(() => [] as string[]);
  const versions: string[] = [];
  for (const name of names) {
    const version = /^elasticsearch-(\d+\.\d+\.\d+)$/.exec(name)?.[1];
    if (version !== undefined && (await isCompleteHome(path.join(distDir, name)))) versions.push(version);
  }
  return versions.sort();
}
