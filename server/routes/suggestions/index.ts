import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { EmployerSuggestionsSchema, SkillSuggestionsSchema, SuggestQuerySchema } from '../../schemas/suggestions.js';

/** Suggestions for forms as people type: canonical skills and employers. */
const suggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/skills',
    { schema: { querystring: SuggestQuerySchema, response: { 200: SkillSuggestionsSchema, ...errorResponses(400) } } },
    async (request) => ({ skills: await app.suggestions.skills(request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/employers',
    { schema: { querystring: SuggestQuerySchema, response: { 200: EmployerSuggestionsSchema, ...errorResponses(400) } } },
    async (request) => ({ employers: await app.suggestions.employers(request.query.q, request.query.limit) }),
  );
};

export default suggestionRoutes;
