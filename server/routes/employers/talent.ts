import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { tieredReadLimit } from '../../plugins/tier.js';
import { errorResponses } from '../../schemas/common.js';
import { EmployerParamsSchema, EmployerTalentSchema } from '../../../search/schemas.js';

/** The employer page's data: its laid-off talent by skill and country. */
const employerTalentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/employers/:slug',
    {
      config: tieredReadLimit(app.config.rateLimit),
      schema: { params: EmployerParamsSchema, response: { 200: EmployerTalentSchema, ...errorResponses(404, 429, 503) } },
    },
    async (request) => app.profileSearch.employerTalent(request.params.slug, await app.tierOf(request)),
  );
};

export default employerTalentRoutes;
