import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import {
  AddToShortlistSchema,
  EntryParamsSchema,
  IdParamsSchema,
  ShortlistEntrySchema,
  ShortlistListSchema,
  ShortlistNameSchema,
  ShortlistSchema,
  ShortlistSummarySchema,
  UpdateEntrySchema,
} from '../../schemas/workspace.js';

/** A verified recruiter's shortlists: people with a private note each, and their CSV export. */
const shortlistRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const errors = errorResponses(400, 401, 403, 404, 409, 429);
  const recruiter = { preHandler: app.requireRecruiter, config: publicWriteLimit(app.config.rateLimit) };
  const noContent = { 204: { type: 'null' }, ...errors };

  app.get('/api/shortlists', { ...recruiter, schema: { response: { 200: ShortlistListSchema, ...errors } } }, async (request) => ({
    shortlists: await app.shortlists.list(request.user!.id),
  }));

  app.post(
    '/api/shortlists',
    { ...recruiter, schema: { body: ShortlistNameSchema, response: { 201: ShortlistSummarySchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await app.shortlists.create(request.user!.id, request.body.name)),
  );

  app.get(
    '/api/shortlists/:id',
    { ...recruiter, schema: { params: IdParamsSchema, response: { 200: ShortlistSchema, ...errors } } },
    async (request) => app.shortlists.get(request.user!.id, request.params.id),
  );

  app.patch(
    '/api/shortlists/:id',
    { ...recruiter, schema: { params: IdParamsSchema, body: ShortlistNameSchema, response: { 200: ShortlistSchema, ...errors } } },
    async (request) => app.shortlists.rename(request.user!.id, request.params.id, request.body.name),
  );

  app.delete('/api/shortlists/:id', { ...recruiter, schema: { params: IdParamsSchema, response: noContent } }, async (request, reply) => {
    await app.shortlists.remove(request.user!.id, request.params.id);
    return reply.status(204).send(null);
  });

  app.post(
    '/api/shortlists/:id/profiles',
    { ...recruiter, schema: { params: IdParamsSchema, body: AddToShortlistSchema, response: { 200: ShortlistEntrySchema, 201: ShortlistEntrySchema, ...errors } } },
    async (request, reply) => {
      const { created, entry } = await app.shortlists.add(request.user!.id, request.params.id, request.body);
      return reply.status(created ? 201 : 200).send(entry);
    },
  );

  app.patch(
    '/api/shortlists/:id/profiles/:entryId',
    { ...recruiter, schema: { params: EntryParamsSchema, body: UpdateEntrySchema, response: { 200: ShortlistEntrySchema, ...errors } } },
    async (request) => app.shortlists.updateNote(request.user!.id, request.params.id, request.params.entryId, request.body.note),
  );

  app.delete('/api/shortlists/:id/profiles/:entryId', { ...recruiter, schema: { params: EntryParamsSchema, response: noContent } }, async (request, reply) => {
    await app.shortlists.removeEntry(request.user!.id, request.params.id, request.params.entryId);
    return reply.status(204).send(null);
  });

  app.get(
    '/api/shortlists/:id/export.csv',
    {
      ...recruiter,
      schema: {
        params: IdParamsSchema,
        produces: ['text/csv'],
        response: { 200: { type: 'string', description: 'UTF-8 CSV with a BOM: names, headlines, places, skills, former employer, profile URLs, notes; never an email' }, ...errors },
      },
    },
    async (request, reply) => {
      const { fileName, csv } = await app.shortlists.exportCsv(request.user!.id, request.params.id);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}"`)
        .send(csv);
    },
  );
};

export default shortlistRoutes;
