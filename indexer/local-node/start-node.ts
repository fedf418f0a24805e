import { mkdir, rm } from 'node:fs/promises';
import type { Settings } from '../../config/settings.ts';
import type { Logger } from '../../core/logger.ts';
import { ensureDistribution } from './download.ts';
import { LocalNodeError } from './errors.ts';
import { findJdk, type Jdk } from './find-jdk.ts';
import { pidAnsweringOn, waitForHealthy } from './health.ts';
import { installAnalysisPlugin } from './install-plugin.ts';
import { launchNode, logFile, readLogTail } from './launch.ts';
import { transportPortFor, writeNodeConfig } from './node-config.ts';
import { type LocalNodeEnv, readLocalNodeEnv } from './node-env.ts';
import { isProcessAlive, runningNodePid, terminateProcess } from './node-process.ts';
import { readNodeState, writeNodeState } from './node-state.ts';
import { nodeRunner, prepareForRunner } from './node-user.ts';
import { type LocalNodePaths, localNodePaths } from './paths.ts';
import { isPortTaken } from './port.ts';
import { installedClientMajor, resolveEsVersion } from './resolve-version.ts';
import { embeddedSettings, type LocalNodeStatus, localNodeStatus } from './status.ts';

/** How long a start may take, from launch to yellow/green health. */
export const START_TIMEOUT_MS = 120_000;

/**
 * Starts the embedded Elasticsearch node and waits until its health is yellow
 * or green. Idempotent: when our node already runs, returns its status.
 * Downloads (Maven) and unpacks the distribution on first use.
 * @throws ConfigError when the settings name an external cluster;
 *   LocalNodeError when the port is held by another program or the node fails to start;
 *   MissingPrerequisiteError when Maven or a JDK >= 21 is missing.
 */
export async function startLocalNode(settings: Settings, logger: Logger): Promise<LocalNodeStatus> {
  const es = embeddedSettings(settings, 'starting the embedded Elasticsearch');
  const log = logger.child({ stage: 'local-node' });
  const paths = localNodePaths(settings);
  const pid = await runningNodePid(paths.pidFile);
  if (pid !== null) return adoptRunningNode(settings, paths, pid, log);

  const env = readLocalNodeEnv();
  const transportPort = transportPortFor(es.port, env.transportPort);
  for (const port of [es.port, transportPort]) {
    if (await isPortTaken(port)) {
      throw new LocalNodeError(
        `starting the embedded Elasticsearch: port ${port} on 127.0.0.1 is in use by another program (not the node of ${paths.nodeDir}); set PRESSMON_ES_PORT (HTTP; transport = HTTP + 100) or PRESSMON_ES_TRANSPORT_PORT to free ports, or stop that program`,
      );
    }
  }
  const { version, esHome, jdk } = await prepareInstallation(settings, paths, env, log);

  await mkdir(paths.dataDir, { recursive: true });
  await mkdir(paths.logsDir, { recursive: true });
  await writeNodeConfig(esHome, paths, {
    httpPort: es.port,
    transportPort,
    dataDir: paths.dataDir,
    logsDir: paths.logsDir,
    heap: es.heap,
  });
  const runner = nodeRunner();
  await prepareForRunner(runner, {
    owned: [esHome, paths.nodeDir],
    traversed: [esHome, paths.nodeDir],
    logger: log,
  });

  const startedAt = Date.now();
  log.info({ version, port: es.port, jdk: jdk.home, runAs: runner }, 'starting Elasticsearch');
  try {
    await launchNode({ esHome, jdkHome: jdk.home, paths, runner, timeoutMs: START_TIMEOUT_MS, logger: log });
  } catch (error) {
    await stopLeftover(paths, log);
    throw error;
  }
  await writeNodeState(paths.stateFile, {
    version,
    esHome,
    port: es.port,
    transportPort,
    url: es.url,
    startedAt: new Date(startedAt).toISOString(),
  });
  await waitUntilHealthy(es.url, paths, START_TIMEOUT_MS - (Date.now() - startedAt), log);
  const status = await localNodeStatus(settings);
  log.info({ version, url: es.url, ms: Date.now() - startedAt }, 'Elasticsearch is ready');
  return status;
}

/** Resolves the version, downloads and unpacks it, finds a JDK and installs the analysis plugin. */
async function prepareInstallation(
  settings: Settings,
  paths: LocalNodePaths,
  env: LocalNodeEnv,
  log: Logger,
): Promise<{ version: string; esHome: string; jdk: Jdk }> {
  const { version } = await resolveEsVersion({
    distDir: paths.distDir,
    clientMajor: await installedClientMajor(),
    override: env.versionOverride,
    logger: log,
  });
  const esHome = await ensureDistribution({ distDir: paths.distDir, version, logger: log });
  const jdk = await findJdk();
  if (env.skipPlugin) {
    log.warn('PRESSMON_ES_SKIP_PLUGIN is set: starting without the pressmon analysis plugin');
  } else {
    await installAnalysisPlugin({
      esHome,
      esVersion: version,
      jdkHome: jdk.home,
      cacheDir: settings.cacheDir,
      logger: log,
    });
  }
  return { version, esHome, jdk };
}

/** Our node already runs: make sure it is the one answering on the configured port, then report it. */
async function adoptRunningNode(
  settings: Settings,
  paths: LocalNodePaths,
  pid: number,
  log: Logger,
): Promise<LocalNodeStatus> {
  const es = embeddedSettings(settings, 'starting the embedded Elasticsearch');
  const state = await readNodeState(paths.stateFile);
  if (state !== null && state.port !== es.port) {
    throw new LocalNodeError(
      `starting the embedded Elasticsearch on port ${es.port}: the node of ${paths.nodeDir} already runs (pid ${pid}) on port ${state.port}; stop it first (pressmon es stop), or set PRESSMON_ES_PORT=${state.port}`,
    );
  }
  // It may still be starting (another pressmon launched it): wait for it like a fresh start.
  await waitUntilHealthy(es.url, paths, START_TIMEOUT_MS, log, { stopOnFailure: false });
  const answering = await pidAnsweringOn(es.url);
  if (answering !== pid) {
    throw new LocalNodeError(
      `starting the embedded Elasticsearch: port ${es.port} answers from pid ${answering ?? 'unknown'}, not our node (pid ${pid}); set PRESSMON_ES_PORT to a free port, or stop the other program`,
    );
  }
  log.debug({ pid, url: es.url }, 'Elasticsearch already running');
  return localNodeStatus(settings);
}

async function waitUntilHealthy(
  url: string,
  paths: LocalNodePaths,
  timeoutMs: number,
  log: Logger,
  options: { stopOnFailure?: boolean } = {},
): Promise<void> {
  const shouldStop = async (): Promise<string | null> => {
    const pid = await runningNodePid(paths.pidFile);
    return pid !== null && (await isProcessAlive(pid)) ? null : 'the Elasticsearch process exited';
  };
  const health = await waitForHealthy(url, Math.max(timeoutMs, 1_000), { shouldStop });
  if (health.ok) return;
  const tail = await readLogTail(paths, 30);
  if (options.stopOnFailure ?? true) await stopLeftover(paths, log);
  throw new LocalNodeError(
    `waiting for the embedded Elasticsearch at ${url} to become healthy: ${health.reason}. Last lines of ${logFile(paths)}:\n${tail}`,
    { isRetryable: true },
  );
}

/** A node that failed to start or become healthy is stopped, so the next start begins clean. */
async function stopLeftover(paths: LocalNodePaths, log: Logger): Promise<void> {
  const pid = await runningNodePid(paths.pidFile);
  if (pid === null) return;
  log.warn({ pid }, 'stopping the Elasticsearch node that failed to start');
  await terminateProcess(pid, 30_000);
  await rm(paths.pidFile, { force: true });
}
