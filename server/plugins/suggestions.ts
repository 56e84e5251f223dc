import fp from 'fastify-plugin';
import { SuggestionService } from '../services/suggestions.js';

declare module 'fastify' {
  interface FastifyInstance {
    suggestions: SuggestionService;
  }
}

export default fp(
  async (app) => {
    app.decorate('suggestions', new SuggestionService(app.db));
  },
  { name: 'suggestions', dependencies: ['stores'] },
);
