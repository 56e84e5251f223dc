import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { tieredReadLimit } from '../../plugins/tier.js';
import { errorResponses } from '../../schemas/common.js';
import {
  FacetSearchParamsSchema,
  FacetSearchQuerySchema,
  FacetSearchResultSchema,
  SearchQuerySchema,
  SearchResultSchemas,
  type SearchTier,
} from '../../../search/schemas.js';

/**
 * How long browsers and shared caches may reuse an answer. Anonymous answers are the same for
 * everyone: a CDN may keep them for a second (the freshness promise: a change is searchable
 * within about a second) and revalidate with the ETag. A recruiter's depend on the session: only
 * their browser keeps them, and revalidates every time.
 */
const CACHE_CONTROL: Record<SearchTier, string> = {
  anonymous: 'public, max-age=1',
  recruiter: 'private, no-cache',
};

/** Whether an If-None-Match header names this entity tag (weak or strong, in a list, or `*`). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim();
    return t === '*' || t === etag || t === `W/${etag}`;
  });
}

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
          304: Type.Null({ description: 'Not Modified: the If-None-Match tag is current' }),
          ...errorResponses(400, 403, 429, 503),
        },
      },
    },
    async (request, reply) => {
      const tier = await app.tierOf(request);
      // Serialized with the tier's own schema: what the tier must not see cannot be in the answer.
      const serialize = reply.compileSerializationSchema(SearchResultSchemas[tier]);
      const answer = await app.profileSearch.search(request.query, tier, (result) => serialize(result));
      // An answer depends on who asks: a shared cache must not hand one tier's answer to another.
      reply.header('cache-control', CACHE_CONTROL[tier]).header('vary', 'Authorization, Cookie').header('etag', answer.etag);
      // No payload at all: `null` would be serialized into a body that a 304 must not have.
      if (matches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send(undefined as never);
      // Already serialized: Fastify sends a string as it is.
      return reply.type('application/json; charset=utf-8').send(answer.body as never);
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
