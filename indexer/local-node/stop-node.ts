import { rm } from 'node:fs/promises';
import type { Settings } from '../../config/settings.ts';
import type { Logger } from '../../core/logger.ts';
import { runningNodePid, terminateProcess } from './node-process.ts';
import { localNodePaths } from './paths.ts';
import { embeddedSettings } from './status.ts';

/** How long Elasticsearch gets to shut down after SIGTERM before SIGKILL. */
export const STOP_GRACE_MS = 60_000;

/**
 * Stops the embedded node (SIGTERM, then SIGKILL after 60 s). Idempotent: when
 * it is not running, returns `{ wasRunning: false }` and removes a stale pid file.
 * @throws ConfigError when the settings name an external cluster.
 */
export async function stopLocalNode(settings: Settings, logger: Logger): Promise<{ wasRunning: boolean }> {
  embeddedSettings(settings, 'stopping the embedded Elasticsearch');
  const log = logger.child({ stage: 'local-node' });
  const paths = localNodePaths(settings);
  const pid = await runningNodePid(paths.pidFile);
  if (pid === null) return { wasRunning: false };
  log.info({ pid }, 'stopping Elasticsearch');
  const how = await terminateProcess(pid, STOP_GRACE_MS);
  if (how === 'killed')
    log.warn({ pid, graceMs: STOP_GRACE_MS }, 'Elasticsearch did not stop in time and was killed');
  await rm(paths.pidFile, { force: true });
  log.info({ pid, how }, 'Elasticsearch stopped');
  return { wasRunning: true };
}
