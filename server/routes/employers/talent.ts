import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { EmployerParamsSchema, EmployerTalentSchema } from '../../../search/schemas.js';
import { employerTalent, searchStores } from '../../../search/query.js';

/** The employer page's data: its laid-off talent by skill and country. */
const employerTalentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const stores = searchStores(app);
  app.get(
    '/api/employers/:slug',
    { schema: { params: EmployerParamsSchema, response: { 200: EmployerTalentSchema, ...errorResponses(404, 503) } } },
    async (request, reply) => {
      const talent = await employerTalent(stores, request.params.slug);
      return talent ?? reply.notFound(`No employer "${request.params.slug}" on Lifeline.`);
    },
  );
};

export default employerTalentRoutes;
