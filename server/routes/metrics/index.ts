import { timingSafeEqual } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isDirectLoopback } from '../../loopback.js';
import { errorResponses } from '../../schemas/common.js';
import { MetricsHeadersSchema, MetricsTextSchema } from '../../schemas/metrics.js';

/**
 * Prometheus scrapes. The series carry no personal data, but they do tell how busy and how
 * healthy the service is: with METRICS_TOKEN set, a scraper sends it as a bearer token; without
 * it, only a client on this machine that is not a proxied request may read them. Left out of
 * /docs: it is Prometheus's, in Prometheus's text format, behind its own token, not the API's.
 */
const metricsRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/metrics',
    {
      schema: {
        hide: true,
        headers: MetricsHeadersSchema,
        response: { 200: MetricsTextSchema, ...errorResponses(401, 403) },
      },
    },
    async (request, reply) => {
      const token = app.config.metricsToken;
      if (token) {
        if (!sameSecret(request.headers.authorization ?? '', `Bearer ${token}`)) {
          reply.header('www-authenticate', 'Bearer realm="metrics"');
          return reply.unauthorized('/metrics needs the header "Authorization: Bearer <METRICS_TOKEN>".');
        }
      } else if (!isDirectLoopback(request)) {
        return reply.forbidden('/metrics answers clients on this machine only; set METRICS_TOKEN to scrape it from elsewhere.');
      }
      const text = await app.collectMetrics();
      return reply.type(app.metrics.registry.contentType).send(text);
    },
  );
};

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export default metricsRoutes;
