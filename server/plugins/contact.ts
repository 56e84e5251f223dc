import fp from 'fastify-plugin';
import { ContactService } from '../services/contact.js';

declare module 'fastify' {
  interface FastifyInstance {
    contact: ContactService;
  }
}

/** Recruiters' messages to candidates, relayed by mail. */
export default fp(
  async (app) => {
    app.decorate(
      'contact',
      new ContactService({ db: app.db, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log.child({ component: 'contact' }) }),
    );
  },
  { name: 'contact', dependencies: ['config', 'stores', 'mail'] },
);
