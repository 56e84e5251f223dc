import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { ContactBodySchema, ContactParamsSchema, ContactSentSchema } from '../../schemas/contact.js';

/** A recruiter writes to a candidate through Lifeline, never seeing their address. */
const contactRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/profiles/:slug/contact',
    {
      schema: {
        params: ContactParamsSchema,
        body: ContactBodySchema,
        response: { 202: ContactSentSchema, ...errorResponses(400, 404, 409, 429, 503) },
      },
      config: publicWriteLimit(app.config.rateLimit),
    },
    async (request, reply) => {
      await app.contact.send(request.params.slug, request.body);
      return reply.status(202).send({ status: 'sent' });
    },
  );
};

export default contactRoutes;
