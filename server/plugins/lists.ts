import fp from 'fastify-plugin';
import { ListService } from '../services/lists.js';

declare module 'fastify' {
  interface FastifyInstance {
    lists: ListService;
  }
}

export default fp(
  async (app) => {
    app.decorate('lists', new ListService(app.db));
  },
  { name: 'lists', dependencies: ['stores'] },
);
