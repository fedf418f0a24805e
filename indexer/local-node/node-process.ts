import { readFile, rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** The pid written by Elasticsearch (`-p <file>`), or null when the file is missing or garbled. */
export async function readPidFile(pidFile: string): Promise<number | null> {
  const text = await readFile(pidFile, 'utf8').catch(() => null);
  const pid = text === null ? Number.NaN : Number(text.trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** Whether a process with this pid exists and is not a zombie. */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  // Field 3 after the parenthesised command name is the state; Z = zombie, X = dead.
  const state = stat === null ? null : /\)\s+(\S)/.exec(stat)?.[1];
  return state !== 'Z' && state !== 'X';
}

/**
 * Whether the pid is a running Elasticsearch server (its command line names
 * the bootstrap class), so that a stale pid file reused by another program is
 * never signalled. Where /proc is missing, a live pid counts as ours.
 */
export async function isElasticsearchProcess(pid: number): Promise<boolean> {
  if (!(await isProcessAlive(pid))) return false;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => null);
  return cmdline === null || cmdline.includes('org.elasticsearch.bootstrap.Elasticsearch');
}

/** The pid of our running node per the pid file, or null (a stale pid file is removed). */
export async function runningNodePid(pidFile: string): Promise<number | null> {
  const pid = await readPidFile(pidFile);
  if (pid === null) return null;
  if (await isElasticsearchProcess(pid)) return pid;
  await rm(pidFile, { force: true });
  return null;
}

/** Waits until the process is gone; true if it went within `timeoutMs`. */
export async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (await isProcessAlive(pid)) {
    if (Date.now() >= deadline) return false;
    await sleep(250);
  }
  return true;
}

/**
 * Stops a process: SIGTERM, up to `graceMs` for it to exit, then SIGKILL.
 * Returns how it ended.
 */
export async function terminateProcess(pid: number, graceMs: number): Promise<'terminated' | 'killed'> {
  signal(pid, 'SIGTERM');
  if (await waitForExit(pid, graceMs)) return 'terminated';
  signal(pid, 'SIGKILL');
  await waitForExit(pid, 10_000);
  return 'killed';
}

function signal(pid: number, name: NodeJS.Signals): void {
  try {
    process.kill(pid, name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
