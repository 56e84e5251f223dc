import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ServiceUnavailableError } from '../../errors.js';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { errorResponses } from '../../schemas/common.js';
import { ContactBodySchema, ContactParamsSchema, ContactSentSchema } from '../../schemas/contact.js';
import { contactCandidate } from '../../services/contact.js';
import { MESSAGES_PER_CANDIDATE } from '../../services/limits.js';

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
      const outcome = await contactCandidate(
        { db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: request.log },
        request.params.slug,
        request.body,
      );
      if (outcome.ok) return reply.status(202).send({ status: 'sent' });
      if (outcome.problem === 'invalid') return reply.badRequest(outcome.message);
      if (outcome.problem === 'not_found') return reply.notFound(`No published profile "${request.params.slug}".`);
      if (outcome.problem === 'too_many') {
        reply.header('retry-after', Math.ceil(outcome.retryAfterMs / 1000));
        return reply.tooManyRequests(
          `This person has already been sent ${MESSAGES_PER_CANDIDATE.max} messages through Lifeline today, the most we pass on in a day. Try again tomorrow.`,
        );
      }
      if (outcome.problem === 'unreachable') {
        return reply.conflict('This person has not left an address to be contacted at. Try their LinkedIn profile instead.');
      }
      throw new ServiceUnavailableError('Your message could not be sent right now. Please try again in a few minutes.');
    },
  );
};

export default contactRoutes;
