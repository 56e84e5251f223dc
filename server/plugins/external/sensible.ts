import sensible from '@fastify/sensible';

/**
 * The one way to fail a request: `reply.notFound('…')` and friends in routes and hooks, and the
 * same errors thrown by services from `httpErrors` (`import { httpErrors } from '@fastify/sensible'`).
 */
export default sensible;
