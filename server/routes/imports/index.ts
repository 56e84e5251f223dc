import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errorResponses } from '../../schemas/common.js';
import { ImportAcceptedSchema, ImportIdParamsSchema, ImportStatusSchema } from '../../schemas/imports.js';
import { ListParamsSchema } from '../../schemas/lists.js';
import { findImport, toImportStatus } from '../../services/imports/jobs.js';
import { REPORT_EXPIRED, reportCsv, reportExpired } from '../../services/imports/report.js';
import { receiveImportUpload } from '../../services/imports/upload.js';
import { findListForImport } from '../../services/lists.js';

const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/lists/:slug/imports',
    {
      preHandler: app.requireOrganizer,
      schema: {
        params: ListParamsSchema,
        consumes: ['multipart/form-data'],
        response: { 202: ImportAcceptedSchema, ...errorResponses(400, 401, 403, 404, 406, 413, 415) },
      },
    },
    async (request, reply) => {
      const list = await findListForImport(app.db, request.params.slug);
      if (!list) return reply.notFound(`No list with the slug "${request.params.slug}". Create it first with POST /api/lists.`);
      if (list.organizer_id !== request.user!.id && request.user!.role !== 'admin') {
        return reply.forbidden(`The list "${list.slug}" belongs to another organizer: import into a list you created, or ask an admin.`);
      }
      if (!request.isMultipart()) {
        return reply.unsupportedMediaType('Send the file as multipart/form-data, in a field named "file".');
      }
      const job = await receiveImportUpload(app.db, request, list, request.user!.id, app.imports.runnerId);
      app.imports.enqueue(job);
      return reply.status(202).send({ id: job.importId });
    },
  );

  /** An import is its organizer's (and admins'): its rows hold people's emails. */
  const loadOwnImport = async (id: number, request: FastifyRequest, reply: FastifyReply) => {
    const row = await findImport(app.db, id);
    if (!row || (row.user_id !== request.user!.id && request.user!.role !== 'admin')) {
      reply.notFound(`No import ${id} of yours. Check the id in the address.`);
      return undefined;
    }
    return row;
  };

  app.get(
    '/api/imports/:id',
    {
      preHandler: app.requireOrganizer,
      schema: { params: ImportIdParamsSchema, response: { 200: ImportStatusSchema, ...errorResponses(400, 401, 403, 404) } },
    },
    async (request, reply) => {
      const row = await loadOwnImport(request.params.id, request, reply);
      if (!row) return reply;
      reply.header('cache-control', 'no-store');
      return toImportStatus(row);
    },
  );

  app.get(
    '/api/imports/:id/report.csv',
    {
      preHandler: app.requireOrganizer,
      schema: { params: ImportIdParamsSchema, response: { 200: { type: 'string' }, ...errorResponses(400, 401, 403, 404, 410) } },
    },
    async (request, reply) => {
      const row = await loadOwnImport(request.params.id, request, reply);
      if (!row) return reply;
      if (reportExpired(row.finished_at, new Date())) return reply.gone(REPORT_EXPIRED);
      const { headers } = toImportStatus(row);
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="import-${row.id}-report.csv"`)
        .header('cache-control', 'no-store')
        .send(Readable.from(reportCsv(app.db, row.id, headers)));
    },
  );
};

export default importRoutes;
