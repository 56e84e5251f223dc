import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { AcceptedSchema, TokenBodySchema } from '../../schemas/profiles.js';
import {
  RecruiterVerifySchema,
  RecruiterClaimSchema,
  RecruiterDecisionParamsSchema,
  RecruiterReviewSchema,
  RecruiterReviewsSchema,
  RecruiterSignUpSchema,
  RecruiterVerifiedSchema,
} from '../../schemas/recruiters.js';
import { RECRUITER_SIGN_UP_ACCEPTED } from '../../services/recruiters.js';

/** Recruiters sign up and prove their work address; admins review the accounts that need it. */
const recruiterRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);

  app.post(
    '/api/recruiters',
    { config: limited, schema: { body: RecruiterSignUpSchema, response: { 202: AcceptedSchema, ...errorResponses(400, 429) } } },
    async (request, reply) => {
      app.recruiters.signUp(request.body);
      return reply.status(202).send({ message: RECRUITER_SIGN_UP_ACCEPTED });
    },
  );

  app.post(
    '/api/recruiters/verify/preview',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: RecruiterClaimSchema, ...errorResponses(400, 410, 429) } } },
    async (request) => app.recruiters.previewClaim(request.body.token),
  );

  app.post(
    '/api/recruiters/verify',
    { config: limited, schema: { body: RecruiterVerifySchema, response: { 200: RecruiterVerifiedSchema, ...errorResponses(400, 409, 410, 429) } } },
    async (request) => app.recruiters.verify(request.body.token, request.body.password),
  );

  app.get(
    '/api/admin/recruiters',
    { config: limited, preHandler: app.requireAdmin, schema: { response: { 200: RecruiterReviewsSchema, ...errorResponses(401, 403, 429) } } },
    async () => ({ recruiters: await app.recruiters.inReview() }),
  );

  app.post(
    '/api/admin/recruiters/:id/:decision',
    {
      config: limited,
      preHandler: app.requireAdmin,
      schema: { params: RecruiterDecisionParamsSchema, response: { 200: RecruiterReviewSchema, ...errorResponses(400, 401, 403, 404, 429) } },
    },
    async (request) => app.recruiters.setState(request.params.id, request.params.decision === 'approve' ? 'verified' : 'suspended'),
  );
};

export default recruiterRoutes;
