import type { FastifyInstance } from 'fastify';
import { redactSecrets } from '../../../core/errors.ts';
import type { DashboardDeps } from '../deps.ts';
import { renderMetrics } from '../metrics.ts';

/** How long /health waits for Elasticsearch before saying it is unreachable. */
const HEALTH_TIMEOUT_MS = 3_000;

/** GET /health (200 or 503 JSON) and GET /metrics (Prometheus text); neither needs a login. */
export function registerHealthRoutes(app: FastifyInstance, deps: DashboardDeps): void {
  const { client, settings } = deps;
  app.get('/health', async (_request, reply) => {
    try {
      const health = await client.cluster.health({}, { requestTimeout: HEALTH_TIMEOUT_MS, maxRetries: 0 });
      return reply.header('cache-control', 'no-store').send({
        status: 'ok',
        elasticsearch: { reachable: true, status: health.status },
      });
    } catch (error) {
      const reason = redactSecrets(error instanceof Error ? error.message : String(error));
      return reply
        .code(503)
        .header('cache-control', 'no-store')
        .send({ status: 'unavailable', elasticsearch: { reachable: false, reason } });
    }
  });
  app.get('/metrics', async (_request, reply) => {
    const text = await renderMetrics({
      client,
      indexPrefix: settings.indexPrefix,
      dataDir: settings.dataDir,
    });
    return reply
      .header('content-type', 'text/plain; version=0.0.4; charset=utf-8')
      .header('cache-control', 'no-store')
      .send(text);
  });
}
