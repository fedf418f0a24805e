import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../core/logger.ts';
import { LocalNodeError } from './errors.ts';
import { CLUSTER_NAME } from './node-config.ts';
import { commandForRunner, type NodeRunner } from './node-user.ts';
import type { LocalNodePaths } from './paths.ts';
import { lastLines, runCommand } from './run-command.ts';

/**
 * Runs `bin/elasticsearch -d -p <pidFile>`: the launcher daemonises the server
 * and returns once it has started (or failed). Throws with the launcher's
 * output and the tail of the node's log when it fails or takes too long.
 */
export async function launchNode(options: {
  esHome: string;
  jdkHome: string;
  paths: LocalNodePaths;
  runner: NodeRunner;
  timeoutMs: number;
  logger: Logger;
}): Promise<void> {
  const { esHome, jdkHome, paths, runner } = options;
  const launcher = path.join(esHome, 'bin', 'elasticsearch');
  // `env` sets the variables after runuser, which resets parts of the environment.
  const argv = commandForRunner(runner, 'env', [
    `ES_JAVA_HOME=${jdkHome}`,
    `ES_PATH_CONF=${paths.configDir}`,
    launcher,
    '-d',
    '-p',
    paths.pidFile,
  ]);
  options.logger.debug({ argv }, 'running the Elasticsearch launcher');
  const [command = 'env', ...args] = argv;
  const result = await runCommand(command, args, { cwd: paths.nodeDir, timeoutMs: options.timeoutMs });
  if (result.code === 0) return;
  const what =
    result.signal === null ? `exited with ${result.code}` : `did not finish within ${options.timeoutMs} ms`;
  throw new LocalNodeError(
    `starting Elasticsearch (${launcher}) ${what}:\n${lastLines(withoutStackFrames(result.stdout + result.stderr), 10)}\n--- last lines of ${logFile(paths)} ---\n${await readLogTail(paths, 30)}`,
  );
}

/** The node's main log file. */
export function logFile(paths: LocalNodePaths): string {
  return path.join(paths.logsDir, `${CLUSTER_NAME}.log`);
}

/** The last lines of the node's log without Java stack frames, or a note when there is none yet. */
export async function readLogTail(paths: LocalNodePaths, lineCount: number): Promise<string> {
  const text = await readFile(logFile(paths), 'utf8').catch(() => null);
  return text === null ? '(no log file yet)' : lastLines(withoutStackFrames(text), lineCount);
}

/**
 * Drops Java stack frames (`at …`, `... 12 more`, `Suppressed: …`) so that the
 * exception and `Caused by:` lines of a failed start fit in a short excerpt; pure.
 */
export function withoutStackFrames(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s+(at |\.\.\. \d+ more|Suppressed: )/.test(line))
    .join('\n');
}
