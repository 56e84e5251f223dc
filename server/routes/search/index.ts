import { Type } from '@sinclair/typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import {
  FacetSearchParamsSchema,
  FacetSearchQuerySchema,
  FacetSearchResultSchema,
  SearchQuerySchema,
  SearchResultSchema,
  type SearchResult,
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

/** Recruiter search: profiles with facet counts, and facet values for the filter boxes. */
const searchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/search',
    {
      schema: {
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, 304: Type.Null({ description: 'Not Modified: the If-None-Match tag is current' }), ...errorResponses(400, 503) },
      },
    },
    async (request, reply) => {
      // Every visitor is anonymous until trust tiers (issue #16) tell recruiters apart.
      const tier: SearchTier = 'anonymous';
      const answer = await app.profileSearch.search(request.query, tier, (result) => reply.serialize(result) as string);
      // An answer depends on who asks: a shared cache must not hand one tier's answer to another.
      reply.header('cache-control', CACHE_CONTROL[tier]).header('vary', 'Authorization, Cookie').header('etag', answer.etag);
      // No payload at all: `null` would be serialized into a body that a 304 must not have.
      if (matches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send(undefined as never);
      // Already serialized by the response schema: Fastify sends a string as it is.
      return reply.type('application/json; charset=utf-8').send(answer.body as unknown as SearchResult);
    },
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
