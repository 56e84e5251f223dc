import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isDirectLoopback } from '../../loopback.js';
import { errorResponses } from '../../schemas/common.js';
import { DEV_MAIL_PATH, DevMailListSchema, DevMailQuerySchema } from '../../schemas/dev-mail.js';

/**
 * The dev mailbox, so that links in mail work on a laptop. Whoever reads it can take over any
 * profile (ask a manage link, read it here), so it exists only when DEV_MAILBOX is on, and even
 * then answers only a client on this machine that is not behind a proxy: anyone else gets the
 * 404 of a path that does not exist, before the query is even looked at.
 */
const devMailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (!app.config.devMailbox) return;
  const directLoopbackOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!isDirectLoopback(request)) return reply.callNotFound();
  };
  app.get(
    DEV_MAIL_PATH,
    {
      onRequest: directLoopbackOnly,
      schema: { querystring: DevMailQuerySchema, response: { 200: DevMailListSchema, ...errorResponses(400) } },
    },
    async (request) => ({ messages: await app.devMail.list(request.query.to) }),
  );
};

export default devMailRoutes;
