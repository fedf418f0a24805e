import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, LogController } from 'fastify';
import { type Authenticator, requireUser } from './auth/authenticate.ts';
import { SessionStore } from './auth/sessions.ts';
import type { DashboardDeps } from './deps.ts';
import { handleError, HttpError } from './errors.ts';
import { type FrontEnd, pageShell } from './front-end.ts';
import { registerArticleRoutes } from './routes/articles.ts';
import { registerExportRoutes } from './routes/export.ts';
import { registerHealthRoutes } from './routes/health.ts';
import { DEFAULT_LOGIN_LIMIT, type LoginLimit, registerLoginRoutes } from './routes/login.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerSavedSearchRoutes } from './routes/saved-searches.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { registerTrendRoutes } from './routes/trends.ts';
import {
  DEFAULT_UNSUBSCRIBE_LIMIT,
  registerUnsubscribeRoutes,
  type UnsubscribeLimit,
} from './routes/unsubscribe.ts';
import { addSecurityHeaders } from './security-headers.ts';
import { randomBytes } from 'node:crypto';

export interface DashboardsAppOptions {
  readonly frontEnd: FrontEnd;
  readonly loginLimit?: LoginLimit;
  /** Digest unsubscribe requests per client address and window; default 30 per 15 minutes. */
  readonly unsubscribeLimit?: UnsubscribeLimit;
}

/** The web page's own addresses: each answers the page shell, which then reads the API. */
const PAGES = ['/', '/search', '/trends', '/saved', '/login', '/articles/:id'] as const;

/**
 * The dashboards' Fastify app, not listening yet: page shell and bundled
 * assets, /health and /metrics (open), /api/login and /api/logout, the
 * digest's one-click unsubscribe (open, token-checked, cross-site POST
 * allowed as RFC 8058 needs), and every other /api/ route behind a session or
 * the API token.
 */
export async function buildDashboardsApp(
  deps: DashboardDeps,
  options: DashboardsAppOptions,
): Promise<FastifyInstance> {
  const { settings, logger } = deps;
  // Typed as the default instance: the pino logger's richer type gains nothing here.
  const app = Fastify({
    loggerInstance: logger.child({ stage: 'dashboards' }),
    // One debug line per answer (the onResponse hook below) instead of two info lines per request.
    logController: new LogController({ disableRequestLogging: true }),
    // A TLS proxy on this machine may say the request was https (Secure cookies) and who sent it.
    trustProxy: 'loopback',
    bodyLimit: 64 * 1024,
    // Refuse what the schemas do not allow instead of quietly dropping or converting it.
    ajv: { customOptions: { removeAdditional: false, coerceTypes: false } },
    routerOptions: { maxParamLength: 200 },
  }) as unknown as FastifyInstance;
  // Only JSON bodies: a cross-site form can send text/plain or urlencoded bodies, never JSON without CORS.
  app.removeContentTypeParser(['text/plain']);
  app.decorateRequest('user', null);
  app.setErrorHandler(handleError);
  app.addHook('onResponse', async (request, reply) => {
    request.log.debug(
      {
        method: request.method,
        path: request.url.split('?')[0],
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
      },
      'answered',
    );
  });
  addSecurityHeaders(app);

  const auth: Authenticator = {
    sessions: new SessionStore(),
    users: settings.dashboardUsers,
    apiToken: settings.dashboardApiToken,
  };
  await app.register(cookie, {
    secret: settings.dashboardSessionSecret ?? randomBytes(32).toString('base64url'),
  });
  await app.register(rateLimit, { global: false });

  registerHealthRoutes(app, deps);
  registerFrontEnd(app, options.frontEnd);
  await registerLoginRoutes(app, auth, options.loginLimit ?? DEFAULT_LOGIN_LIMIT);
  await registerUnsubscribeRoutes(app, deps, {
    limit: options.unsubscribeLimit ?? DEFAULT_UNSUBSCRIBE_LIMIT,
    stylePath: options.frontEnd.stylePath,
  });
  await app.register(async (api) => {
    requireUser(api, auth);
    registerMetaRoutes(api, deps);
    registerSearchRoutes(api, deps);
    registerTrendRoutes(api, deps);
    registerArticleRoutes(api, deps);
    registerExportRoutes(api, deps);
    registerSavedSearchRoutes(api, deps);
  });
  app.setNotFoundHandler((request) => {
    throw new HttpError(
      404,
      'not-found',
      `no such address: ${request.method} ${request.url.split('?')[0] ?? ''}`,
    );
  });
  return app;
}

function registerFrontEnd(app: FastifyInstance, frontEnd: FrontEnd): void {
  const shell = pageShell(frontEnd);
  for (const page of PAGES) {
    app.get(page, async (_request, reply) =>
      reply
        .header('content-type', 'text/html; charset=utf-8')
        .header('cache-control', 'no-cache')
        .send(shell),
    );
  }
  app.get<{ Params: { file: string } }>('/assets/:file', async (request, reply) => {
    const asset = frontEnd.assets.get(`/assets/${request.params.file}`);
    if (asset === undefined) throw new HttpError(404, 'not-found', 'no such asset');
    if (request.headers['if-none-match'] === asset.etag) return reply.code(304).send();
    return reply
      .header('content-type', asset.contentType)
      .header('etag', asset.etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(asset.body);
  });
}
