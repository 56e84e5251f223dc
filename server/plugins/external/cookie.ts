import cookie from '@fastify/cookie';
import fp from 'fastify-plugin';

/** Cookie parsing and setting, for the organizers' sign-in session. */
export default fp(
  async (app) => {
    await app.register(cookie);
  },
  { name: 'cookie' },
);
