import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { BearerHeadersSchema, OwnProfileSchema, RemovedSchema, SessionSchema, UpdateProfileSchema } from '../../schemas/profiles.js';
import { PROFILE_REMOVED } from '../../services/opt-in.js';
import { PROFILE_BODY_LIMIT } from '../profiles/index.js';

/**
 * The candidate's own profile, behind `Authorization: Bearer <token>`: a session from
 * POST /api/me/session, or the mailed manage link itself (single use); see plugins/auth.ts.
 */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);
  const errors = errorResponses(400, 401, 404, 409, 429);

  app.post(
    '/api/me/session',
    {
      config: limited,
      preHandler: app.requireManageLink,
      schema: { headers: BearerHeadersSchema, response: { 201: SessionSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await app.optIn.openSession(request.profileId!)),
  );

  app.get(
    '/api/me/profile',
    { preHandler: app.requireCandidate, schema: { headers: BearerHeadersSchema, response: { 200: OwnProfileSchema, ...errors } } },
    async (request) => app.optIn.getOwn(request.profileId!),
  );

  app.patch(
    '/api/me/profile',
    {
      bodyLimit: PROFILE_BODY_LIMIT,
      config: limited,
      preHandler: app.requireCandidate,
      schema: { headers: BearerHeadersSchema, body: UpdateProfileSchema, response: { 200: OwnProfileSchema, ...errors, ...errorResponses(413) } },
    },
    async (request) => app.optIn.updateOwn(request.profileId!, request.body),
  );

  // The manage page's "Keep me listed" (or "I am looking again") and "I found a job".
  app.post(
    '/api/me/profile/confirm',
    { config: limited, preHandler: app.requireCandidate, schema: { headers: BearerHeadersSchema, response: { 200: OwnProfileSchema, ...errors, ...errorResponses(410) } } },
    async (request) => {
      await app.freshness.confirmOwn(request.profileId!);
      return app.optIn.getOwn(request.profileId!);
    },
  );

  app.post(
    '/api/me/profile/hired',
    { config: limited, preHandler: app.requireCandidate, schema: { headers: BearerHeadersSchema, response: { 200: OwnProfileSchema, ...errors, ...errorResponses(410) } } },
    async (request) => {
      await app.freshness.hiredOwn(request.profileId!);
      return app.optIn.getOwn(request.profileId!);
    },
  );

  app.delete(
    '/api/me/profile',
    { config: limited, preHandler: app.requireCandidate, schema: { headers: BearerHeadersSchema, response: { 200: RemovedSchema, ...errors } } },
    async (request) => {
      await app.optIn.removeOwn(request.profileId!);
      return { status: 'removed' as const, message: PROFILE_REMOVED };
    },
  );
};

export default meRoutes;
