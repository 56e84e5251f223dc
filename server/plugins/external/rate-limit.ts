import rateLimit from '@fastify/rate-limit';
import fp from 'fastify-plugin';

/**
 * Per-client limits, off by default and switched on per route with
 * `config: { rateLimit: { max, timeWindow } }` (public writes). RATE_LIMIT=0 turns them all off.
 */
export default fp(
  async (app) => {
    if (app.config.rateLimit === 0) return;
    await app.register(rateLimit, {
      global: false,
      max: app.config.rateLimit,
      timeWindow: '1 minute',
      errorResponseBuilder: (_req, context) => ({
        statusCode: context.statusCode,
        error: 'Too Many Requests',
        message: `Too many requests: at most ${context.max} a minute. Try again in ${context.after}.`,
      }),
    });
  },
  { name: 'rate-limit', dependencies: ['config'] },
);

/** Route config for a public write: RATE_LIMIT requests a minute per client (ignored when it is 0). */
export const publicWriteLimit = (limit: number) => ({ rateLimit: { max: limit, timeWindow: '1 minute' } });
