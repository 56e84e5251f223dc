import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { BearerHeadersSchema, OwnProfileSchema, RemovedSchema, SessionSchema, UpdateProfileSchema } from '../../schemas/profiles.js';
import { PROFILE_REMOVED } from '../../services/opt-in.js';
import { PROFILE_BODY_LIMIT } from '../profiles/index.js';

/**
 * The candidate's own profile, behind `Authorization: Bearer <token>`: a session from
 * POST /api/me/session, or the mailed manage link itself (single use).
 */
const meRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);
  const errors = errorResponses(400, 401, 404, 409, 429);

  app.post(
    '/api/me/session',
    { config: limited, schema: { headers: BearerHeadersSchema, response: { 201: SessionSchema, ...errors } } },
    async (request, reply) => reply.status(201).send(await app.optIn.openSession(request.headers.authorization)),
  );

  app.get(
    '/api/me/profile',
    { schema: { headers: BearerHeadersSchema, response: { 200: OwnProfileSchema, ...errors } } },
    async (request) => app.optIn.getOwn(await app.optIn.authenticate(request.headers.authorization)),
  );

  app.patch(
    '/api/me/profile',
    {
      bodyLimit: PROFILE_BODY_LIMIT,
      config: limited,
      schema: { headers: BearerHeadersSchema, body: UpdateProfileSchema, response: { 200: OwnProfileSchema, ...errors, ...errorResponses(413) } },
    },
    async (request) => {
      const profileId = await app.optIn.authenticate(request.headers.authorization);
      return app.optIn.updateOwn(profileId, request.body);
    },
  );

  app.delete(
    '/api/me/profile',
    { config: limited, schema: { headers: BearerHeadersSchema, response: { 200: RemovedSchema, ...errors } } },
    async (request) => {
      await app.optIn.removeOwn(await app.optIn.authenticate(request.headers.authorization));
      return { status: 'removed' as const, message: PROFILE_REMOVED };
    },
  );
};

export default meRoutes;
