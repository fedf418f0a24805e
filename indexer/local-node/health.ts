import { setTimeout as sleep } from 'node:timers/promises';

export type ClusterHealth = 'green' | 'yellow' | 'red';

/** The answer of one health probe: expected failures are values. */
export type HealthProbe =
  | { readonly ok: true; readonly health: ClusterHealth; readonly clusterName: string }
  | { readonly ok: false; readonly reason: string };

/**
 * Asks `GET <url>/_cluster/health` once (the integ-test-zip answers 405 on
 * `GET /`). Never throws; an unreachable node is `{ ok: false, reason }`.
 */
export async function probeHealth(url: string, timeoutMs = 3_000): Promise<HealthProbe> {
  const target = new URL('/_cluster/health', url).href;
  try {
    const response = await fetch(target, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return { ok: false, reason: `GET ${target} answered ${response.status}` };
    const body = (await response.json()) as { status?: unknown; cluster_name?: unknown };
    if (body.status !== 'green' && body.status !== 'yellow' && body.status !== 'red') {
      return { ok: false, reason: `GET ${target} answered without a cluster status` };
    }
    return { ok: true, health: body.status, clusterName: String(body.cluster_name) };
  } catch (error) {
    return { ok: false, reason: `GET ${target} failed: ${describeFetchError(error)}` };
  }
}

/**
 * Polls the health until it is yellow or green, or `timeoutMs` passes, or
 * `shouldStop()` says waiting is pointless (the process died).
 */
export async function waitForHealthy(
  url: string,
  timeoutMs: number,
  options: { intervalMs?: number; shouldStop?: () => Promise<string | null> } = {},
): Promise<HealthProbe> {
  const deadline = Date.now() + timeoutMs;
  let last: HealthProbe = { ok: false, reason: 'not probed yet' };
  for (;;) {
    last = await probeHealth(url, Math.max(1_000, Math.min(5_000, deadline - Date.now())));
    if (last.ok && last.health !== 'red') return last;
    const stopReason = (await options.shouldStop?.()) ?? null;
    if (stopReason !== null) return { ok: false, reason: stopReason };
    if (Date.now() >= deadline) {
      return last.ok
        ? { ok: false, reason: `cluster health still ${last.health} after ${timeoutMs} ms` }
        : last;
    }
    await sleep(options.intervalMs ?? 500);
  }
}

/** The pid of the Elasticsearch process answering on `url` (`GET /_nodes/_local/process`), or null. */
export async function pidAnsweringOn(url: string, timeoutMs = 3_000): Promise<number | null> {
  try {
    const response = await fetch(new URL('/_nodes/_local/process', url), {
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok) return null;
    const body = (await response.json()) as { nodes?: Record<string, { process?: { id?: unknown } }> };
    const node = Object.values(body.nodes ?? {})[0];
    return typeof node?.process?.id === 'number' ? node.process.id : null;
  } catch {
    return null;
  }
}

function describeFetchError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
