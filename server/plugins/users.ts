import fp from 'fastify-plugin';
import { UserService } from '../services/users.js';

declare module 'fastify' {
  interface FastifyInstance {
    users: UserService;
  }
}

export default fp(
  async (app) => {
    app.decorate('users', new UserService(app.db));
  },
  { name: 'users', dependencies: ['stores'] },
);
