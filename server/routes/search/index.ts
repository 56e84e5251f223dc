import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { replyForTier, tieredReadLimit } from '../../plugins/tier.js';
import { errorResponses } from '../../schemas/common.js';
import {
  FacetSearchParamsSchema,
  FacetSearchQuerySchema,
  FacetSearchResultSchema,
  SearchQuerySchema,
  SearchResultSchemas,
} from '../../../search/schemas.js';

/**
 * Search: profiles with facet counts, and facet values for the filter boxes, as the request's
 * tier may see them (anonymous: public profiles, public fields, the first 100 results).
 */
const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = tieredReadLimit(app.config.rateLimit);

  app.get(
    '/api/search',
    {
      config: limited,
      schema: {
        querystring: SearchQuerySchema,
        response: {
          200: Type.Union([SearchResultSchemas.recruiter, SearchResultSchemas.anonymous], {
            description: 'Verified recruiters get the first shape; anyone else the second, without LinkedIn URL, work authorization and years of experience.',
          }),
          ...errorResponses(400, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const tier = await app.tierOf(request);
      const result = await app.profileSearch.search(request.query, tier);
      return replyForTier(reply, tier, SearchResultSchemas).send(result);
    },
  );

  app.get(
    '/api/search/facets/:facet',
    {
      config: limited,
      schema: {
        params: FacetSearchParamsSchema,
        querystring: FacetSearchQuerySchema,
        response: { 200: FacetSearchResultSchema, ...errorResponses(400, 403, 429, 503) },
      },
    },
    async (request) => app.profileSearch.facetValues(request.params.facet, request.query, await app.tierOf(request)),
  );
};

export default searchRoutes;
