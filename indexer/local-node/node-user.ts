import { chmod, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from '../../core/logger.ts';
import { LocalNodeError } from './errors.ts';
import { lastLines, runCommand } from './run-command.ts';

/** Elasticsearch refuses to run as root; as root, the node runs as this system user. */
export const NODE_USER = 'pressmon-es';

/** Who runs the node: the current user, or (when we are root) NODE_USER. */
export type NodeRunner = { readonly kind: 'self' } | { readonly kind: 'user'; readonly name: string };

/** The runner for this process: NODE_USER when running as root; pure apart from reading the uid. */
export function nodeRunner(uid: number = process.getuid?.() ?? -1): NodeRunner {
  return uid === 0 ? { kind: 'user', name: NODE_USER } : { kind: 'self' };
}

/**
 * Prepares the files for the runner: as root, creates NODE_USER if missing,
 * gives it `owned` (recursively) and makes every folder above `traversed`
 * enterable (o+x). As another user, does nothing.
 */
export async function prepareForRunner(
  runner: NodeRunner,
  options: { owned: readonly string[]; traversed: readonly string[]; logger: Logger },
): Promise<void> {
  if (runner.kind === 'self') return;
  await ensureSystemUser(runner.name, options.logger);
  const chown = await runCommand('chown', ['-R', `${runner.name}:`, ...options.owned]);
  if (chown.code !== 0) {
    throw new LocalNodeError(
      `chown -R ${runner.name} ${options.owned.join(' ')} failed: ${lastLines(chown.stderr, 5)}`,
    );
  }
  for (const folder of options.traversed) await makeTraversable(folder, options.logger);
}

/** The argv that runs `command` as the runner (through runuser when it is another user). */
export function commandForRunner(runner: NodeRunner, command: string, args: readonly string[]): string[] {
  return runner.kind === 'self' ? [command, ...args] : ['runuser', '-u', runner.name, '--', command, ...args];
}

async function ensureSystemUser(name: string, logger: Logger): Promise<void> {
  const exists = await runCommand('id', ['-u', name]);
  if (exists.code === 0) return;
  logger.info({ user: name }, 'creating the system user that runs Elasticsearch');
  const created = await runCommand('useradd', [
    '--system',
    '--no-create-home',
    '--shell',
    '/usr/sbin/nologin',
    name,
  ]);
  if (created.code !== 0) {
    throw new LocalNodeError(
      `creating the system user ${name} (useradd) failed: ${lastLines(created.stderr, 5)}; create it yourself or run pressmon as a non-root user`,
    );
  }
}

/** Adds o+x to the folder and each of its ancestors that lacks it, so another user can reach inside. */
async function makeTraversable(folder: string, logger: Logger): Promise<void> {
  let current = path.resolve(folder);
  for (;;) {
    const info = await stat(current);
    if ((info.mode & 0o001) === 0) {
      await chmod(current, (info.mode & 0o7777) | 0o001);
      logger.info({ folder: current }, 'made a folder traversable for the Elasticsearch user');
    }
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}
