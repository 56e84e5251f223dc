import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import {
  CreateSavedSearchSchema,
  IdParamsSchema,
  SavedSearchListSchema,
  SavedSearchSchema,
  UnsubscribedSchema,
  UnsubscribeQuerySchema,
  UpdateSavedSearchSchema,
  VisitSchema,
} from '../../schemas/workspace.js';

/** A verified recruiter's saved searches, and the one-click unsubscribe of their alerts. */
const savedSearchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);
  const errors = errorResponses(400, 401, 403, 404, 409, 429);
  const recruiter = { preHandler: app.requireRecruiter, config: limited };

  app.get('/api/saved-searches', { ...recruiter, schema: { response: { 200: SavedSearchListSchema, ...errors } } }, async (request) => ({
    savedSearches: await app.savedSearches.list(request.user!.id),
  }));

  app.post(
    '/api/saved-searches',
    { ...recruiter, schema: { body: CreateSavedSearchSchema, response: { 201: SavedSearchSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await app.savedSearches.create(request.user!.id, request.body)),
  );

  app.patch(
    '/api/saved-searches/:id',
    { ...recruiter, schema: { params: IdParamsSchema, body: UpdateSavedSearchSchema, response: { 200: SavedSearchSchema, ...errors } } },
    async (request) => app.savedSearches.update(request.user!.id, request.params.id, request.body),
  );

  app.delete(
    '/api/saved-searches/:id',
    { ...recruiter, schema: { params: IdParamsSchema, response: { 204: { type: 'null' }, ...errors } } },
    async (request, reply) => {
      await app.savedSearches.remove(request.user!.id, request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/saved-searches/:id/visit',
    { ...recruiter, schema: { params: IdParamsSchema, response: { 200: VisitSchema, ...errors } } },
    async (request) => app.savedSearches.visit(request.user!.id, request.params.id),
  );

  // RFC 8058: a mail client POSTs `List-Unsubscribe=One-Click` as a form; the signed token in the
  // URL is all that counts, so the body is read and ignored.
  app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 1024 }, (_request, _body, done) => done(null, {}));
  app.post(
    '/api/saved-searches/unsubscribe',
    { config: limited, schema: { querystring: UnsubscribeQuerySchema, response: { 200: UnsubscribedSchema, ...errorResponses(400, 404, 429) } } },
    async (request) => app.savedSearches.unsubscribe(request.query.token),
  );
  // A mail client that opens the List-Unsubscribe address in a browser (GET) gets the page, whose
  // button POSTs: a GET never changes anything (link scanners open every link).
  app.get(
    '/api/saved-searches/unsubscribe',
    { config: limited, schema: { querystring: UnsubscribeQuerySchema, response: { 303: { type: 'null' }, ...errorResponses(400, 429) } } },
    async (request, reply) => reply.redirect(`/unsubscribe?token=${encodeURIComponent(request.query.token)}`, 303),
  );
};

export default savedSearchRoutes;
