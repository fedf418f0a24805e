// The dashboards stage: the analysts' web page and its HTTP API (`pressmon serve`).
import type { AddressInfo } from 'node:net';
import { buildDashboardsApp } from './server/app.ts';
import type { DashboardDeps } from './server/deps.ts';
import { buildFrontEnd } from './server/front-end.ts';
import type { LoginLimit } from './server/routes/login.ts';
import type { UnsubscribeLimit } from './server/routes/unsubscribe.ts';

export type { DashboardDeps } from './server/deps.ts';
export { hashPassword, verifyPassword } from './server/auth/password-hash.ts';
export { buildFrontEnd } from './server/front-end.ts';
export { buildDashboardsApp } from './server/app.ts';

export interface DashboardsOptions {
  /** Port to listen on; 0 picks a free one. */
  readonly port: number;
  /** Address to listen on, e.g. 127.0.0.1. */
  readonly host: string;
  /** Login attempts per client address and window; default 10 per 15 minutes. */
  readonly loginLimit?: LoginLimit;
  /** Digest unsubscribe requests per client address, route and window; default 30 per 15 minutes. */
  readonly unsubscribeLimit?: UnsubscribeLimit;
}

export interface RunningDashboards {
  /** Where the dashboards answer, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  /** Stops listening and waits for open requests to finish. */
  close(): Promise<void>;
}

/**
 * Builds the web page (esbuild, in memory) and starts the dashboards' HTTP
 * server with the injected Elasticsearch client, settings, config and logger.
 * The caller owns the client (it is not closed here).
 */
export async function startDashboards(
  deps: DashboardDeps,
  options: DashboardsOptions,
): Promise<RunningDashboards> {
  const frontEnd = await buildFrontEnd();
  const app = await buildDashboardsApp(deps, {
    frontEnd,
    ...(options.loginLimit === undefined ? {} : { loginLimit: options.loginLimit }),
    ...(options.unsubscribeLimit === undefined ? {} : { unsubscribeLimit: options.unsubscribeLimit }),
  });
  await app.listen({ port: options.port, host: options.host });
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  deps.logger.info({ url, users: deps.settings.dashboardUsers.length }, 'dashboards listening');
  if (deps.settings.dashboardUsers.length === 0 && deps.settings.dashboardApiToken === null) {
    deps.logger.warn(
      'no dashboard users and no API token: set PRESSMON_DASHBOARD_USERS (README "Dashboards")',
    );
  }
  return { url, close: () => app.close() };
}
