import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { ImportAcceptedSchema, ImportIdParamsSchema, ImportStatusSchema } from '../../schemas/imports.js';
import { ListParamsSchema } from '../../schemas/lists.js';

const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/lists/:slug/imports',
    {
      preHandler: app.requireOrganizer,
      schema: {
        params: ListParamsSchema,
        consumes: ['multipart/form-data'],
        // The parts stream through the import rather than being parsed into a body: said here for /docs.
        description:
          'A multipart/form-data upload: `file` (the CSV), `attestConsent=true`, and optionally `dryRun=true`, ' +
          '`encoding` (e.g. windows-1252) and `mapping` (JSON: field → column header, e.g. {"email":"E-mail address"}). ' +
          'Poll GET /api/imports/{id} for its progress.',
        response: { 202: ImportAcceptedSchema, ...errorResponses(400, 401, 403, 404, 406, 413, 415) },
      },
    },
    async (request, reply) => reply.status(202).send({ id: await app.imports.upload(request, request.params.slug, request.user!) }),
  );

  app.get(
    '/api/imports/:id',
    {
      preHandler: app.requireOrganizer,
      schema: { params: ImportIdParamsSchema, response: { 200: ImportStatusSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request) => app.imports.status(request.params.id, request.user!),
  );

  app.get(
    '/api/imports/:id/report.csv',
    {
      preHandler: app.requireOrganizer,
      schema: { params: ImportIdParamsSchema, response: { 200: { type: 'string' }, ...errorResponses(400, 401, 403, 404, 410) } },
    },
    async (request, reply) => {
      const lines = await app.imports.report(request.params.id, request.user!);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${request.params.id}-report.csv"`)
        .send(Readable.from(lines));
    },
  );
};

export default importRoutes;
