import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { CreateListSchema, ListParamsSchema, ListSchema, ListsSchema } from '../../schemas/lists.js';
import { createList, getList, listLists } from '../../services/lists.js';

const listRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/lists',
    {
      preHandler: app.requireOrganizer,
      schema: { body: CreateListSchema, response: { 201: ListSchema, ...errorResponses(400, 401, 403) } },
    },
    async (request, reply) => reply.status(201).send(await createList(app.db, request.body, request.user!.id)),
  );

  app.get('/api/lists', { schema: { response: { 200: ListsSchema } } }, async () => ({ lists: await listLists(app.db) }));

  app.get(
    '/api/lists/:slug',
    { schema: { params: ListParamsSchema, response: { 200: ListSchema, ...errorResponses(404) } } },
    async (request, reply) => {
      const list = await getList(app.db, request.params.slug);
      return list ?? reply.notFound(`No list with the slug "${request.params.slug}". GET /api/lists shows the lists there are.`);
    },
  );
};

export default listRoutes;
