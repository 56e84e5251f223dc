import swaggerUi from '@fastify/swagger-ui';
import type { FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isDirectLoopback } from '../../loopback.js';
import { DEV_MAIL_PATH } from '../../schemas/dev-mail.js';

type Spec = Readonly<Record<string, unknown>>;
type Paths = Record<string, Record<string, { tags?: string[] }>>;

/**
 * The document as this client may read it. The dev mailbox answers only a client on this
 * machine and is a 404 to anyone else, so only those clients see it documented: otherwise /docs
 * would tell the world that the 404 is a mailbox. Sections without routes (dev-mail when the
 * mailbox is off) are left out.
 */
function documentFor(spec: Spec, request: FastifyRequest): Spec {
  const paths: Paths = { ...(spec.paths as Paths) };
  if (!isDirectLoopback(request)) delete paths[DEV_MAIL_PATH];
  const used = new Set(Object.values(paths).flatMap((operations) => Object.values(operations).flatMap((op) => op.tags ?? [])));
  return { ...spec, paths, tags: (spec.tags as { name: string }[]).filter((tag) => used.has(tag.name)) };
}

/**
 * Browsable docs at /docs, the document at /docs/json. Public and read-only, like the schemas
 * they show (no rate limit, as for every GET). Swagger UI's page loads its scripts and styles
 * from /docs/static, so helmet's CSP (no inline script or style, nothing off-site) holds here
 * unchanged; the online validator badge, an image from another site, stays off.
 */
export default fp(
  async (app) => {
    await app.register(swaggerUi, {
      routePrefix: '/docs',
      validatorUrl: false,
      // BaseLayout: no top bar, whose logo brings an inline <style> the CSP blocks, and whose box
      // would load any other URL's document into a page of ours.
      uiConfig: { layout: 'BaseLayout', deepLinking: true, defaultModelsExpandDepth: 0 },
      transformSpecificationClone: false,
      transformSpecification: documentFor,
    });
  },
  { name: 'swagger-ui', dependencies: ['swagger'] },
);
