import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { EmployerSuggestionsSchema, SkillSuggestionsSchema, SuggestQuerySchema } from '../../schemas/suggestions.js';
import { suggestEmployers, suggestSkills } from '../../services/suggestions.js';

/** Suggestions for forms as people type: canonical skills and employers. */
const suggestionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/skills',
    { schema: { querystring: SuggestQuerySchema, response: { 200: SkillSuggestionsSchema, ...errorResponses(400) } } },
    async (request) => ({ skills: await suggestSkills(app.db, request.query.q, request.query.limit) }),
  );

  app.get(
    '/api/employers',
    { schema: { querystring: SuggestQuerySchema, response: { 200: EmployerSuggestionsSchema, ...errorResponses(400) } } },
    async (request) => ({ employers: await suggestEmployers(app.db, request.query.q, request.query.limit) }),
  );
};

export default suggestionRoutes;
