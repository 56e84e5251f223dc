import fp from 'fastify-plugin';
import { OptInService } from '../services/opt-in.js';

declare module 'fastify' {
  interface FastifyInstance {
    optIn: OptInService;
  }
}

/** The candidate's self-service (opt-in, confirm, manage, remove); waits for its mail on close. */
export default fp(
  async (app) => {
    const optIn = new OptInService({
      db: app.db,
      mailer: app.mailer,
      publicUrl: app.config.publicUrl,
      log: app.log.child({ component: 'opt-in' }),
    });
    app.decorate('optIn', optIn);
    app.addHook('preClose', async () => optIn.mailSettled());
  },
  { name: 'opt-in', dependencies: ['config', 'stores', 'mail'] },
);
