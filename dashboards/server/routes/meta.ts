import type { FastifyInstance } from 'fastify';
import type { ApiMeta, ApiUser } from '../../api-types.ts';
import type { DashboardDeps } from '../deps.ts';

/** GET /api/me (who is logged in) and GET /api/meta (the taxonomy's labels for filters and charts). */
export function registerMetaRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { config, settings } = deps;
  const currentUser = (user: ApiUser | null): ApiUser => {
    if (user === null) throw new Error('meta: route reached without a user (requireUser must run first)');
    return user;
  };
  app.get('/api/me', async (request): Promise<ApiUser> => currentUser(request.user));
  app.get(
    '/api/meta',
    async (request): Promise<ApiMeta> => ({
      user: currentUser(request.user),
      topics: config.topics.map(({ id, labels }) => ({ id, labels })),
      frames: config.frames.map(({ id, labels }) => ({ id, labels })),
      terminology: config.terminology.map(({ id, labels, register }) => ({ id, labels, register })),
      organisations: config.organisations.map(({ id, name, kind, country }) => ({ id, name, kind, country })),
      places: config.places.map(({ id, name, country, kind }) => ({ id, name, country, kind })),
      sources: config.sources.map(({ id, name, country }) => ({ id, name, country })),
      timeZone: settings.timeZone,
    }),
  );
}
