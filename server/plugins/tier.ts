import type { TSchema } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { SearchTier } from '../../search/schemas.js';
import { recruiterProblem } from './auth.js';

declare module 'fastify' {
  interface FastifyInstance {
    /**
     * What a request may see (DESIGN.md, "Who sees what"), decided once per request: a verified
     * recruiter gets 'recruiter'; anyone else (signed out, an organizer, a recruiter unverified,
     * in review or suspended) 'anonymous'.
     */
    tierOf: (request: FastifyRequest) => Promise<SearchTier>;
  }
}

/** How many more reads a minute a verified recruiter may make than an anonymous client. */
export const RECRUITER_READ_FACTOR = 10;

/**
 * Route config for a read of profiles (search, a profile page): RATE_LIMIT a minute per client
 * when anonymous, RECRUITER_READ_FACTOR times that for a verified recruiter; off when RATE_LIMIT
 * is 0.
 */
export const tieredReadLimit = (limit: number) => ({
  rateLimit: {
    max: async (request: FastifyRequest) => ((await request.server.tierOf(request)) === 'recruiter' ? limit * RECRUITER_READ_FACTOR : limit),
    timeWindow: '1 minute',
  },
});

/**
 * Serializes this reply with its tier's response schema: what a tier must not see is not in its
 * schema, so it cannot reach the client even if a service put it in the answer.
 */
export function replyForTier(reply: FastifyReply, tier: SearchTier, schemas: Record<SearchTier, TSchema>): FastifyReply {
  return reply.serializer(reply.compileSerializationSchema(schemas[tier]));
}

export default fp(
  async (app) => {
    const decided = new WeakMap<FastifyRequest, Promise<SearchTier>>();
    app.decorate('tierOf', (request: FastifyRequest) => {
      let tier = decided.get(request);
      if (!tier) {
        tier = app.currentUser(request).then((auth) => (auth && recruiterProblem(auth.user) === undefined ? 'recruiter' : 'anonymous'));
        decided.set(request, tier);
      }
      return tier;
    });
    // A reply that depended on who asks (a profile, a list's counts, facet values) must not be handed
    // by a shared cache to someone else: it varies with the credentials, and a recruiter's is theirs
    // only. A route that says more (GET /api/search) keeps its own headers.
    app.addHook('onSend', async (request, reply) => {
      const tier = decided.get(request);
      if (!tier) return;
      if (!reply.hasHeader('vary')) reply.header('vary', 'Authorization, Cookie');
      if (!reply.hasHeader('cache-control') && (await tier) === 'recruiter') reply.header('cache-control', 'private, no-cache');
    });
  },
  { name: 'tier', dependencies: ['auth'] },
);
