import fp from 'fastify-plugin';
import { outboxStatus } from '../../db/outbox.js';
import { createMetrics, recordSyncBatch, type Metrics } from '../metrics.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Named Prometheus metrics (server/metrics.ts); `collectMetrics()` renders them for a scrape. */
    metrics: Metrics;
    collectMetrics(): Promise<string>;
  }
}

/**
 * Counts every request by route pattern (`/api/profiles/:slug`, never the URL with its ids or
 * tokens; `unmatched` for 404s), hooks the sync worker's batches, and reads the gauges that live
 * in the stores (outbox depth and age, store probes) at scrape time.
 */
export default fp(
  async (app) => {
    const metrics = createMetrics();
    app.decorate('metrics', metrics);
    app.decorate('collectMetrics', async () => {
      const health = await app.storeHealth();
      metrics.storeUp.set({ store: 'postgres' }, health.postgres === 'ok' ? 1 : 0);
      metrics.storeUp.set({ store: 'meilisearch' }, health.meilisearch === 'ok' ? 1 : 0);
      if (health.postgres === 'ok') {
        const outbox = await outboxStatus(app.db);
        metrics.outboxDepth.set(outbox.depth);
        metrics.outboxOldestAge.set(outbox.oldestAgeSeconds);
      }
      if (app.hasDecorator('searchAnswers')) metrics.searchAnswerBytes.set(app.searchAnswers.weight);
      return metrics.registry.metrics();
    });

    app.addHook('onResponse', async (request, reply) => {
      metrics.httpRequestDuration.observe(
        { method: request.method, route: request.routeOptions.url ?? 'unmatched', status_code: String(reply.statusCode) },
        reply.elapsedTime / 1000,
      );
    });

    if (app.hasDecorator('syncWorker')) {
      app.syncWorker.onBatch = (batch) => recordSyncBatch(metrics, batch);
      app.syncWorker.onFailure = () => metrics.syncFailures.inc();
    }
  },
  { name: 'metrics', dependencies: ['stores'] },
);
