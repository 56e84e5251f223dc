import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import {
  FacetSearchParamsSchema,
  FacetSearchQuerySchema,
  FacetSearchResultSchema,
  SearchQuerySchema,
  SearchResultSchema,
} from '../../../search/schemas.js';

/** Recruiter search: profiles with facet counts, and facet values for the filter boxes. */
const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    { schema: { querystring: SearchQuerySchema, response: { 200: SearchResultSchema, ...errorResponses(400, 503) } } },
    async (request) => app.profileSearch.search(request.query),
  );

  app.get(
    '/api/search/facets/:facet',
    {
      schema: {
        params: FacetSearchParamsSchema,
        querystring: FacetSearchQuerySchema,
        response: { 200: FacetSearchResultSchema, ...errorResponses(400, 503) },
      },
    },
    async (request) => app.profileSearch.facetValues(request.params.facet, request.query),
  );
};

export default searchRoutes;
