import fp from 'fastify-plugin';
import { PublicProfileService } from '../services/public-profile.js';

declare module 'fastify' {
  interface FastifyInstance {
    publicProfiles: PublicProfileService;
  }
}

export default fp(
  async (app) => {
    app.decorate('publicProfiles', new PublicProfileService(app.db));
  },
  { name: 'public-profiles', dependencies: ['stores'] },
);
