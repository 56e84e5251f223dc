import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
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

  app.get('/api/lists', { schema: { response: { 200: ListsSchema } } }, async (request) => ({ lists: await app.lists.all(await app.tierOf(request)) }));

  app.get(
    '/api/lists/:slug',
    { schema: { params: ListParamsSchema, response: { 200: ListDetailSchema, ...errorResponses(404) } } },
    async (request) => app.lists.get(request.params.slug, await app.tierOf(request)),
  );
};

export default listRoutes;
