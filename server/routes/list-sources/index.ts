import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { ImportAcceptedSchema } from '../../schemas/imports.js';
import { ListParamsSchema } from '../../schemas/lists.js';
import { FollowedSourceSchema, PreviewSourceSchema, SetSourceSchema, SourceSchema, SyncStartedSchema, SyncUnchangedSchema } from '../../schemas/list-sources.js';

/** A list follows a sheet by its URL (DESIGN.md, "Living lists"): only its organizer sets, previews and syncs it. */
const listSourceRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/lists/:slug/source',
    {
      preHandler: app.requireOrganizer,
      config: publicWriteLimit(app.config.rateLimit),
      schema: { params: ListParamsSchema, response: { 200: FollowedSourceSchema, ...errorResponses(400, 401, 403, 404, 429) } },
    },
    async (request) => ({ source: await app.sheetSync.get(request.params.slug, request.user!) }),
  );

  app.put(
    '/api/lists/:slug/source',
    {
      preHandler: app.requireOrganizer,
      config: publicWriteLimit(app.config.rateLimit),
      schema: {
        description: 'Follows the sheet at `url` (or changes how), and resumes a paused sync. Preview it first with POST /api/lists/{slug}/source/preview.',
        params: ListParamsSchema,
        body: SetSourceSchema,
        response: { 200: SourceSchema, ...errorResponses(400, 401, 403, 404, 429) },
      },
    },
    async (request) => app.sheetSync.set(request.params.slug, request.body, request.user!),
  );

  app.post(
    '/api/lists/:slug/source/preview',
    {
      preHandler: app.requireOrganizer,
      config: publicWriteLimit(app.config.rateLimit),
      schema: {
        description: 'Fetches the sheet and runs it as a dry run, like an upload with dryRun=true. Poll GET /api/imports/{id} for its preview.',
        params: ListParamsSchema,
        body: PreviewSourceSchema,
        response: { 202: ImportAcceptedSchema, ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => reply.status(202).send({ id: await app.sheetSync.preview(request.params.slug, request.body, request.user!) }),
  );

  app.post(
    '/api/lists/:slug/sync',
    {
      preHandler: app.requireOrganizer,
      config: publicWriteLimit(app.config.rateLimit),
      schema: {
        description: 'Syncs the sheet now: 202 with the import it runs, or 200 `{ unchanged: true }` when the sheet has not changed since the last sync.',
        params: ListParamsSchema,
        response: { 200: SyncUnchangedSchema, 202: SyncStartedSchema, ...errorResponses(400, 401, 403, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await app.sheetSync.syncNow(request.params.slug, request.user!);
      return 'id' in result ? reply.status(202).send(result) : reply.status(200).send(result);
    },
  );
};

export default listSourceRoutes;
