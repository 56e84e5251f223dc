import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { errorResponses } from '../../schemas/common.js';
import { DevMailListSchema, DevMailQuerySchema } from '../../schemas/dev-mail.js';
import { listDevMail } from '../../services/dev-mail.js';

/**
 * The dev mailbox, so that links in mail work on a laptop. It exists only without SMTP_URL:
 * with real mail the route is not registered and the path answers 404.
 */
const devMailRoutes: FastifyPluginAsyncTypebox = async (app) => {
  if (app.mailer.kind !== 'dev') return;
  app.get(
    '/api/dev/mail',
    { schema: { querystring: DevMailQuerySchema, response: { 200: DevMailListSchema, ...errorResponses(400) } } },
    async (request) => ({ messages: await listDevMail(app.db, request.query.to) }),
  );
};

export default devMailRoutes;
