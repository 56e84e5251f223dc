import { timingSafeEqual } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { checkToken, TOKEN_PROBLEMS, type TokenCheck } from '../services/tokens.js';
import type { AuthUser } from '../services/auth-user.js';
import { userForApiToken, userForSession } from '../services/users.js';

const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyInstance {
    /** preHandler: an organizer or admin, by API token or session cookie, else 401/403. */
    requireOrganizer: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: an admin, by API token or session cookie (CSRF-checked on writes), else 401/403. */
    requireAdmin: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /**
     * preHandler: a verified recruiter, by session cookie (CSRF-checked on writes) or API token;
     * 401 signed out, 403 for anyone else, with what they can do about it.
     */
    requireRecruiter: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** The signed-in user of a request, if any (no CSRF check: for reads). */
    currentUser: (request: FastifyRequest) => Promise<Authenticated | undefined>;
    /**
     * preHandler: the candidate whose `Authorization: Bearer <token>` is a session, or a mailed
     * manage link used directly (which then counts as used), else 401. Sets `request.profileId`.
     */
    requireCandidate: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
    /** preHandler: like requireCandidate, for a manage link only: what a session is opened with. */
    requireManageLink: (request: FastifyRequest, reply: FastifyReply) => Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser | undefined;
    /** The profile of the candidate behind requireCandidate or requireManageLink. */
    profileId: number | undefined;
  }
}

interface Authenticated {
  user: AuthUser;
  via: 'token' | 'session';
  csrfToken?: string;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const ORGANIZER_ROLES = new Set(['organizer', 'admin']);

export const CSRF_MISMATCH = `The ${CSRF_HEADER} header is missing or does not match your session. Reload the page and try again.`;

/**
 * The session cookie. Over https it is Secure and `__Host-` prefixed: the browser sends it over
 * TLS only, and no plain-http page or sibling subdomain can plant a cookie of that name to slip
 * someone into the attacker's session. Plain-http development can have neither (browsers drop
 * Secure cookies there), so it keeps a plain name; production refuses an http PUBLIC_URL.
 */
export function sessionCookie(publicUrl: string) {
  const secure = publicUrl.startsWith('https:');
  return {
    name: secure ? '__Host-ll_session' : 'll_session',
    options: { path: '/', httpOnly: true, sameSite: 'lax' as const, secure },
  };
}

/**
 * Whether a browser sent this request from another site's page. Browsers name the page's origin
 * in `Origin` on every POST; it must be PUBLIC_URL's, or the request's own (a laptop reached by
 * another name): a cross-site page cannot choose the Host its victim's browser sends. Requests
 * without Origin are not from a browser page and carry no one else's cookies.
 */
export function isCrossSite(request: FastifyRequest, publicOrigin: string): boolean {
  const origin = request.headers.origin?.toLowerCase();
  if (origin === undefined) return false;
  return origin !== publicOrigin && origin !== `${request.protocol}://${request.host}`.toLowerCase();
}

/** Whether a cookie-authenticated write carries its session's CSRF token. */
export function csrfMatches(request: FastifyRequest, auth: Authenticated): boolean {
  const sent = request.headers[CSRF_HEADER];
  if (typeof sent !== 'string' || !auth.csrfToken) return false;
  const x = Buffer.from(sent);
  const y = Buffer.from(auth.csrfToken);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Why this user may not act as a recruiter, or undefined when they may (verified). */
export function recruiterProblem(user: AuthUser): string | undefined {
  if (user.role !== 'recruiter') return 'Only verified recruiters can do this. Create a recruiter account at /recruiters/join.';
  switch (user.recruiterState) {
    case 'verified':
      return undefined;
    case 'unverified':
      return 'Confirm your work email first: open the link we mailed you (or sign up again to get a new one).';
    case 'in_review':
      return 'Your account is waiting for a review by our team, because your email is not on a company domain. We will mail you when it is approved.';
    default:
      return 'Your recruiter account is suspended. Write to the Lifeline team if you think this is a mistake.';
  }
}

const BEARER_EXPECTED =
  'authorization must be "Bearer <token>", with the token from the link in your email. Ask for a new link if you lost it.';

/** "Authorization: Bearer <token>" → the token of a candidate's link or session. */
function candidateToken(header: string | undefined): string | undefined {
  return /^Bearer\s+([A-Za-z0-9_-]{1,200})\s*$/i.exec(header ?? '')?.[1];
}

/**
 * Organizer authentication. Scripts send `Authorization: Bearer <API token>`; the web app signs in
 * and rides a session cookie, whose writes must also carry the session's CSRF token in the
 * `x-csrf-token` header (double submit: a cross-site form can send the cookie, not the header).
 *
 * Candidate authentication: `Authorization: Bearer <token>`, a session from POST /api/me/session
 * or the mailed manage link itself (single use). Candidates have no account, only their profile.
 */
export default fp(
  async (app) => {
    const cookieName = sessionCookie(app.config.publicUrl).name;
    app.decorateRequest('user', undefined);

    app.decorate('currentUser', async (request: FastifyRequest): Promise<Authenticated | undefined> => {
      const header = request.headers.authorization;
      if (header !== undefined) {
        const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
        const user = token ? await userForApiToken(app.db, token) : undefined;
        return user ? { user, via: 'token' } : undefined;
      }
      const cookie = request.cookies[cookieName];
      if (!cookie) return undefined;
      const found = await userForSession(app.db, cookie);
      if (!found) return undefined;
      const { csrfToken, ...user } = found;
      return { user, via: 'session', csrfToken };
    });

    app.decorate('requireOrganizer', async (request: FastifyRequest, reply: FastifyReply) => {
      const auth = await app.currentUser(request);
      if (!auth) {
        return reply.unauthorized(
          request.headers.authorization !== undefined
            ? 'This API token is not valid. Create a new one with `npm run user -- add` or sign in again.'
            : 'Sign in as an organizer first (or send an API token in the Authorization header).',
        );
      }
      if (!ORGANIZER_ROLES.has(auth.user.role)) {
        return reply.forbidden('Only organizers and admins can do this. Ask an admin to give your account the organizer role.');
      }
      if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && !csrfMatches(request, auth)) {
        return reply.forbidden(CSRF_MISMATCH);
      }
      request.user = auth.user;
    });

    app.decorate('requireAdmin', async (request: FastifyRequest, reply: FastifyReply) => {
      const auth = await app.currentUser(request);
      if (!auth) {
        return reply.unauthorized(
          request.headers.authorization !== undefined
            ? 'This API token is not valid. Create a new one with `npm run user -- token` or sign in again.'
            : 'Sign in as an admin first (or send an API token in the Authorization header).',
        );
      }
      if (auth.user.role !== 'admin') return reply.forbidden('Only admins can do this.');
      if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && !csrfMatches(request, auth)) {
        return reply.forbidden(CSRF_MISMATCH);
      }
      request.user = auth.user;
    });

    app.decorate('requireRecruiter', async (request: FastifyRequest, reply: FastifyReply) => {
      const auth = await app.currentUser(request);
      if (!auth) {
        return reply.unauthorized(
          request.headers.authorization !== undefined
            ? 'This API token is not valid. Sign in again.'
            : 'Sign in as a recruiter first. No account yet? Create one at /recruiters/join.',
        );
      }
      const problem = recruiterProblem(auth.user);
      if (problem) return reply.forbidden(problem);
      if (auth.via === 'session' && !SAFE_METHODS.has(request.method) && !csrfMatches(request, auth)) {
        return reply.forbidden(CSRF_MISMATCH);
      }
      request.user = auth.user;
    });

    /**
     * The profile a candidate's token stands for. A session is tried first (it is not used up),
     * then a manage link (used up); when neither works, the answer names what went wrong with the
     * session (expired) rather than "not valid" as a manage link.
     */
    const candidateCheck = async (token: string, withSession: boolean): Promise<TokenCheck> => {
      const session = withSession ? await checkToken(app.db, token, 'session', { consume: false }) : undefined;
      if (session?.ok) return session;
      const manage = await checkToken(app.db, token, 'manage', { consume: true });
      return manage.ok || session === undefined || session.reason === 'unknown' ? manage : session;
    };
    const candidateHook = (withSession: boolean) => async (request: FastifyRequest, reply: FastifyReply) => {
      const token = candidateToken(request.headers.authorization);
      if (token === undefined) return reply.unauthorized(BEARER_EXPECTED);
      const check = await candidateCheck(token, withSession);
      if (!check.ok) return reply.unauthorized(`authorization: ${TOKEN_PROBLEMS[check.reason]}`);
      request.profileId = check.profileId;
    };
    app.decorateRequest('profileId', undefined);
    // What a signed-in user or a candidate is answered is theirs: no shared cache may keep it
    // (a cookie, unlike Authorization, does not stop a cache by itself).
    app.addHook('onSend', async (request, reply) => {
      if ((request.user || request.profileId !== undefined) && !reply.hasHeader('cache-control')) reply.header('cache-control', 'private, no-store');
    });
    app.decorate('requireCandidate', candidateHook(true));
    app.decorate('requireManageLink', candidateHook(false));
  },
  { name: 'auth', dependencies: ['config', 'stores', 'cookie'] },
);
