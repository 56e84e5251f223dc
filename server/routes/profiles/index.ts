import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { replyForTier, tieredReadLimit } from '../../plugins/tier.js';
import { errorResponses } from '../../schemas/common.js';
import {
  AcceptedSchema,
  ClaimPreviewSchema,
  CreateProfileSchema,
  FreshnessOutcomeSchema,
  ManageLinkBodySchema,
  PublicProfileSchemas,
  RemovedSchema,
  SlugParamsSchema,
  TokenBodySchema,
  VerifiedSchema,
} from '../../schemas/profiles.js';
import { MANAGE_LINK_SENT, OPT_IN_ACCEPTED, PROFILE_REMOVED } from '../../services/opt-in.js';

/**
 * A profile is small, but a pasted 1 MB name must get a 400 that names the field rather than a
 * 413 about the whole request: the opt-in takes bodies up to this size and its schema bounds
 * each field.
 */
export const PROFILE_BODY_LIMIT = 4 * 1024 * 1024;

const profileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);

  app.post(
    '/api/profiles',
    {
      bodyLimit: PROFILE_BODY_LIMIT,
      config: limited,
      schema: { body: CreateProfileSchema, response: { 202: AcceptedSchema, ...errorResponses(400, 413, 429) } },
    },
    async (request, reply) => {
      await app.optIn.create(request.body);
      return reply.status(202).send({ message: OPT_IN_ACCEPTED });
    },
  );

  app.post(
    '/api/profiles/verify/preview',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: ClaimPreviewSchema, ...errorResponses(400, 409, 410, 429) } } },
    async (request) => app.optIn.previewClaim(request.body.token),
  );

  app.post(
    '/api/profiles/verify',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: VerifiedSchema, ...errorResponses(400, 410, 429) } } },
    async (request) => app.optIn.verify(request.body.token),
  );

  app.post(
    '/api/profiles/manage-link',
    { config: limited, schema: { body: ManageLinkBodySchema, response: { 202: AcceptedSchema, ...errorResponses(400, 429) } } },
    async (request, reply) => {
      await app.optIn.requestManageLink(request.body.email);
      return reply.status(202).send({ message: MANAGE_LINK_SENT });
    },
  );

  app.post(
    '/api/profiles/remove',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: RemovedSchema, ...errorResponses(400, 410, 429) } } },
    async (request) => {
      await app.optIn.removeByToken(request.body.token);
      return { status: 'removed' as const, message: PROFILE_REMOVED };
    },
  );

  // The "Still looking?" mail's links. Their pages (GET /confirm, /hired) only show what a click
  // will do: a link scanner that opens every link in a mail answers nothing.
  app.post(
    '/api/profiles/confirm',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: FreshnessOutcomeSchema, ...errorResponses(400, 409, 410, 429) } } },
    async (request) => app.freshness.confirmByToken(request.body.token),
  );

  app.post(
    '/api/profiles/hired',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: FreshnessOutcomeSchema, ...errorResponses(400, 409, 410, 429) } } },
    async (request) => app.freshness.hiredByToken(request.body.token),
  );

  app.get(
    '/api/profiles/:slug',
    {
      config: tieredReadLimit(app.config.rateLimit),
      schema: {
        params: SlugParamsSchema,
        response: {
          200: Type.Union([PublicProfileSchemas.recruiter, PublicProfileSchemas.anonymous], {
            description: 'Verified recruiters get the first shape; anyone else the second, without LinkedIn URL, work authorization, years of experience and email.',
          }),
          ...errorResponses(400, 404, 429),
        },
      },
    },
    async (request, reply) => {
      const tier = await app.tierOf(request);
      const profile = await app.publicProfiles.get(request.params.slug, tier);
      return replyForTier(reply, tier, PublicProfileSchemas).send(profile);
    },
  );
};

export default profileRoutes;
