import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tieredReadLimit } from '../../plugins/tier.js';
import { errorResponses } from '../../schemas/common.js';
import { CreateListSchema, ListDetailSchema, ListParamsSchema, ListSchema, ListsSchema } from '../../schemas/lists.js';

const listRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/lists',
    {
      preHandler: app.requireOrganizer,
      schema: { body: CreateListSchema, response: { 201: ListSchema, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) => reply.status(201).send(await app.lists.create(request.body, request.user!.id)),
  );

  // Counts differ by tier, like search: read as often as search may be.
  const limited = tieredReadLimit(app.config.rateLimit);

  app.get(
    '/api/lists',
    { config: limited, schema: { response: { 200: ListsSchema, ...errorResponses(429) } } },
    async (request) => ({ lists: await app.lists.all(await app.tierOf(request)) }),
  );

  app.get(
    '/api/lists/:slug',
    { config: limited, schema: { params: ListParamsSchema, response: { 200: ListDetailSchema, ...errorResponses(404, 429) } } },
    async (request) => app.lists.get(request.params.slug, await app.tierOf(request)),
  );
};

export default listRoutes;
