import fp from 'fastify-plugin';
import { DevMailService } from '../services/dev-mail.js';

declare module 'fastify' {
  interface FastifyInstance {
    devMail: DevMailService;
  }
}

export default fp(
  async (app) => {
    app.decorate('devMail', new DevMailService(app.db));
  },
  { name: 'dev-mail', dependencies: ['stores'] },
);
