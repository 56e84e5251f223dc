import fp from 'fastify-plugin';
import { RecruiterService } from '../services/recruiters.js';

declare module 'fastify' {
  interface FastifyInstance {
    recruiters: RecruiterService;
  }
}

/** Recruiter sign-up, address proof and review; waits for its mail on close. */
export default fp(
  async (app) => {
    const recruiters = new RecruiterService({
      db: app.db,
      mailer: app.mailer,
      publicUrl: app.config.publicUrl,
      log: app.log.child({ component: 'recruiters' }),
    });
    app.decorate('recruiters', recruiters);
    app.addHook('preClose', async () => recruiters.mailSettled());
  },
  { name: 'recruiters', dependencies: ['config', 'stores', 'mail'] },
);
