import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { ContactBodySchema, ContactParamsSchema, ContactSentSchema, MessageActionResultSchema } from '../../schemas/contact.js';
import { TokenBodySchema } from '../../schemas/profiles.js';

/**
 * A verified recruiter writes to a candidate through Lifeline, never seeing their address; the
 * candidate answers with the one-click links of the mail (block, report).
 */
const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = publicWriteLimit(app.config.rateLimit);

  app.post(
    '/api/profiles/:slug/contact',
    {
      preHandler: app.requireRecruiter,
      schema: {
        params: ContactParamsSchema,
        body: ContactBodySchema,
        response: { 202: ContactSentSchema, ...errorResponses(400, 401, 403, 404, 409, 429, 503) },
      },
      config: limited,
    },
    async (request, reply) => {
      await app.contact.send(request.user!, request.params.slug, request.body);
      return reply.status(202).send({ status: 'sent' });
    },
  );

  app.post(
    '/api/message-actions',
    { config: limited, schema: { body: TokenBodySchema, response: { 200: MessageActionResultSchema, ...errorResponses(400, 410, 429) } } },
    async (request) => app.messageActions.apply(request.body.token),
  );
};

export default contactRoutes;
