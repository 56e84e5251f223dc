import { STATUS_CODES } from 'node:http';
import type { FastifyError, FastifySchemaValidationError } from 'fastify';
import fp from 'fastify-plugin';

/** What an error may carry beyond Fastify's fields: the `expose` and `headers` of http-errors. */
type AnswerableError = FastifyError & { expose?: boolean; headers?: Record<string, string> };

/**
 * The one error handler. Services and routes fail with @fastify/sensible's http errors
 * (`httpErrors.notFound('…')`, `reply.notFound('…')`). A 4xx keeps its message, which says what
 * to fix, and its headers (a 429's retry-after). A 5xx is logged with the request id and answered
 * with a generic message, internals and data kept out of replies, unless it was made with
 * `{ expose: true }`: a dependency that is down, with a message written for people.
 */
export default fp(
  async (app) => {
    app.setErrorHandler((err: AnswerableError, request, reply) => {
      const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 600 ? err.statusCode : 500;
      if (status >= 500 && !err.expose) {
        request.log.error({ err }, 'request failed');
        return reply.status(status).send({
          statusCode: status,
          error: STATUS_CODES[status] ?? 'Internal Server Error',
          message: `Something went wrong on our side. Please try again; if it keeps happening, report request ${request.id}.`,
        });
      }
      if (status >= 500) request.log.warn({ err }, 'request failed');
      if (err.headers) reply.headers(err.headers);
      return reply.status(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: err.message });
    });

    // No path holds a NUL character, and Postgres could not look one up: refused before any route.
    // (Query parameters are refused by their schemas, with a message naming the parameter.)
    app.addHook('onRequest', async (request, reply) => {
      if (request.url.split('?')[0]!.includes('%00')) return reply.badRequest('The address contains a NUL character (%00): remove it.');
    });

    app.setNotFoundHandler((request, reply) => {
      const path = request.url.split('?')[0] ?? '';
      const isPage = request.method === 'GET' && !path.startsWith('/api/') && !path.includes('.');
      if (isPage && app.hasReplyDecorator('sendFile')) {
        return reply.sendFile('index.html');
      }
      return reply.status(404).send({ statusCode: 404, error: 'Not Found', message: `No route ${request.method} ${path}` });
    });
  },
  { name: 'error-handler' },
);

/** "body.email must match format "email"": each message names the field it is about. */
export function formatValidationErrors(errors: FastifySchemaValidationError[], dataVar: string): Error {
  const messages = errors.map((e) => {
    const missing = (e.params as { missingProperty?: string }).missingProperty;
    const extra = (e.params as { additionalProperty?: string }).additionalProperty;
    const field = [dataVar, ...e.instancePath.split('/').filter(Boolean), ...(missing ? [missing] : [])].join('.');
    if (missing) return `${field} is required`;
    if (extra) return `${field}.${extra} is not a known field`;
    const allowed = (e.params as { allowedValues?: unknown[] }).allowedValues;
    if (allowed) return `${field} must be one of ${allowed.join(', ')}`;
    if ((e.params as { format?: string }).format === 'date') return `${field} must be a date like 2026-01-31`;
    return `${field} ${e.message ?? 'is invalid'}`;
  });
  return new Error([...new Set(messages)].join('; '));
}
