import sensible from '@fastify/sensible';

/** reply.notFound('…'), reply.badRequest('…') and friends, so handlers fail with a message. */
export default sensible;
