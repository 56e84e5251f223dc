import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { publicWriteLimit } from '../../plugins/external/rate-limit.js';
import { CSRF_MISMATCH, csrfMatches, isCrossSite, sessionCookie } from '../../plugins/auth.js';
import { errorResponses } from '../../schemas/common.js';
import { MeReplySchema, MeUserSchema, SignInSchema } from '../../schemas/auth.js';
import type { AuthUser } from '../../services/auth-user.js';
import { SESSION_TTL_MS } from '../../services/users.js';

/** What a signed-in user is told about their own account. */
const shown = (user: AuthUser) => ({
  email: user.email,
  name: user.name,
  role: user.role,
  company: user.company,
  recruiterState: user.recruiterState,
});

const authRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const rateLimit = publicWriteLimit(app.config.rateLimit);
  const cookie = sessionCookie(app.config.publicUrl);
  const publicOrigin = new URL(app.config.publicUrl).origin;
  // A cross-site page could otherwise sign its visitor in to the attacker's account (login CSRF),
  // whatever the body, so this runs before the body is even parsed.
  const sameSiteOnly = async (request: FastifyRequest, reply: FastifyReply) => {
    if (isCrossSite(request, publicOrigin)) {
      return reply.forbidden(`Signing in and out works only from Lifeline's own pages (${publicOrigin}), not from another site.`);
    }
  };

  app.post(
    '/api/auth/sign-in',
    {
      config: rateLimit,
      onRequest: sameSiteOnly,
      schema: { body: SignInSchema, response: { 200: MeUserSchema, ...errorResponses(400, 401, 403, 429) } },
    },
    async (request, reply) => {
      const { user, session } = await app.users.signIn({ email: request.body.email.trim(), password: request.body.password, ip: request.ip });
      reply.setCookie(cookie.name, session.token, { ...cookie.options, maxAge: SESSION_TTL_MS / 1000 });
      return { ...shown(user), csrfToken: session.csrfToken };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { onRequest: sameSiteOnly, schema: { response: { 204: { type: 'null' }, ...errorResponses(403) } } },
    async (request, reply) => {
      const auth = await app.currentUser(request);
      const token = request.cookies[cookie.name];
      if (auth?.via === 'session' && token) {
        if (!csrfMatches(request, auth)) return reply.forbidden(CSRF_MISMATCH);
        await app.users.signOut(token);
      }
      reply.clearCookie(cookie.name, cookie.options);
      return reply.status(204).send(null);
    },
  );

  // Signed out is an answer, not an error: the header asks on every visit.
  app.get('/api/me/user', { schema: { response: { 200: MeReplySchema } } }, async (request, reply) => {
    const auth = await app.currentUser(request);
    reply.header('cache-control', 'no-store');
    if (!auth) return { user: null };
    return { user: { ...shown(auth.user), csrfToken: auth.csrfToken ?? null } };
  });
};

export default authRoutes;
