import swagger from '@fastify/swagger';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, onRouteHookHandler, preHandlerHookHandler, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import { PACKAGE } from '../../project.js';
import { sessionCookie } from '../auth.js';

/** The API's resources, one per folder of `server/routes/`: the sections of /docs. */
export const API_TAGS = {
  profiles: 'Candidates join (opt-in), confirm, ask for a manage link, remove themselves; anyone reads a published profile or writes to its owner.',
  me: "A candidate's own profile, behind the manage link mailed to them or the session it opens.",
  auth: 'Organizers, admins and recruiters sign in and out (session cookie); who is signed in.',
  recruiters: 'Recruiters sign up and prove their work address; admins review accounts and abuse reports.',
  lists: 'Layoff lists: anyone reads them, organizers create them.',
  imports: "Organizers import a layoff list's CSV and follow the import.",
  search: 'Recruiter search over published profiles, with facet counts.',
  employers: "An employer's laid-off talent, by skill and country.",
  suggestions: 'Canonical skills and employers, as people type.',
  workspace: "A verified recruiter's saved searches (with mailed alerts and their one-click unsubscribe) and shortlists (with notes and a CSV export).",
  health: 'Whether the service and its stores answer (load balancers, the Docker HEALTHCHECK).',
  'dev-mail': 'The mailbox of a development machine without SMTP: only on it, only when DEV_MAILBOX is on.',
} as const;
export type ApiTag = keyof typeof API_TAGS;

/**
 * Who may call a route, read from its preHandler: the auth hooks of plugins/auth.ts are the one
 * place authorization is declared, and the document says what they check. An organizer's session
 * cookie needs the x-csrf-token header on writes only.
 */
type SecurityRequirements = { [scheme: string]: string[] }[];
const securityOf = (app: FastifyInstance, route: RouteOptions): SecurityRequirements | undefined => {
  const hooks = ([] as preHandlerHookHandler[]).concat(route.preHandler ?? []);
  if (hooks.length === 0) return undefined;
  if (hooks.length === 1 && hooks[0] === app.requireOrganizer) {
    const safe = ([] as string[]).concat(route.method).every((m) => ['GET', 'HEAD', 'OPTIONS'].includes(m));
    return [{ organizerToken: [] }, safe ? { organizerSession: [] } : { organizerSession: [], csrfToken: [] }];
  }
  if (hooks.length === 1 && hooks[0] === app.requireRecruiter) {
    const safe = ([] as string[]).concat(route.method).every((m) => ['GET', 'HEAD', 'OPTIONS'].includes(m));
    return [{ recruiterToken: [] }, safe ? { recruiterSession: [] } : { recruiterSession: [], csrfToken: [] }];
  }
  if (hooks.length === 1 && hooks[0] === app.requireAdmin) {
    const safe = ([] as string[]).concat(route.method).every((m) => ['GET', 'HEAD', 'OPTIONS'].includes(m));
    return [{ adminToken: [] }, safe ? { adminSession: [] } : { adminSession: [], csrfToken: [] }];
  }
  if (hooks.length === 1 && hooks[0] === app.requireCandidate) return [{ candidateSession: [] }, { manageLink: [] }];
  if (hooks.length === 1 && hooks[0] === app.requireManageLink) return [{ manageLink: [] }];
  // A new preHandler is a new rule about who may call: say it here, or /docs would call it public.
  throw new Error(`${String(route.method)} ${route.url}: its preHandler is not one of the auth hooks that server/plugins/external/swagger.ts describes`);
};

/**
 * The OpenAPI 3.1 document of every route, built from the TypeBox schemas the routes validate
 * with (served at /docs/json by swagger-ui.ts). Routes registered through `tagged()` get their
 * resource's tag; routes with `schema: { hide: true }` (static files, /docs, /metrics) stay out.
 */
export default fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Lifeline API',
          description: `${PACKAGE.description}\n\nErrors are \`{ statusCode, error, message }\`; the message says what to fix.`,
          version: PACKAGE.version,
        },
        servers: [{ url: app.config.publicUrl }],
        tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
        components: {
          securitySchemes: {
            organizerToken: {
              type: 'http',
              scheme: 'bearer',
              description: "An organizer's API token (`npm run user -- add` or `user -- token` prints it).",
            },
            organizerSession: {
              type: 'apiKey',
              in: 'cookie',
              name: sessionCookie(app.config.publicUrl).name,
              description: 'The session cookie set by POST /api/auth/sign-in.',
            },
            recruiterToken: {
              type: 'http',
              scheme: 'bearer',
              description: "A verified recruiter's API token (`npm run user -- token`).",
            },
            recruiterSession: {
              type: 'apiKey',
              in: 'cookie',
              name: sessionCookie(app.config.publicUrl).name,
              description: "A verified recruiter's session cookie, set by POST /api/auth/sign-in.",
            },
            adminToken: {
              type: 'http',
              scheme: 'bearer',
              description: "An admin's API token (`npm run user -- add --role admin` or `user -- token` prints it).",
            },
            adminSession: {
              type: 'apiKey',
              in: 'cookie',
              name: sessionCookie(app.config.publicUrl).name,
              description: "An admin's session cookie, set by POST /api/auth/sign-in.",
            },
            csrfToken: {
              type: 'apiKey',
              in: 'header',
              name: 'x-csrf-token',
              description: "The `csrfToken` of the sign-in reply: required with the session cookie on every write.",
            },
            candidateSession: {
              type: 'http',
              scheme: 'bearer',
              description: 'A candidate session token from POST /api/me/session (2 hours).',
            },
            manageLink: {
              type: 'http',
              scheme: 'bearer',
              description: 'The token of a manage link mailed to the candidate (30 minutes, single use: using it spends it).',
            },
          },
        },
      },
      transform: ({ schema, url, route }) => {
        const security = securityOf(app, route);
        return { schema: security ? { ...schema, security } : schema, url };
      },
    });
  },
  { name: 'swagger', dependencies: ['config', 'auth'] },
);

/** Registers a folder's routes under its resource's tag in /docs. */
export function tagged(tag: ApiTag, routes: FastifyPluginAsyncTypebox): FastifyPluginAsyncTypebox {
  return async (app) => {
    const addTag: onRouteHookHandler = (route) => {
      route.schema = { ...route.schema, tags: [tag] };
    };
    app.addHook('onRoute', addTag);
    await app.register(routes);
  };
}
