import fp from 'fastify-plugin';
import { ProfileSearchService } from '../../search/query.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Recruiter search (`app.search` is Fastify's route shorthand for the SEARCH method). */
    profileSearch: ProfileSearchService;
  }
}

/** Recruiter search, with the key that can only search the profiles index. */
export default fp(
  async (app) => {
    app.decorate(
      'profileSearch',
      new ProfileSearchService({ db: app.db, searchClient: app.searchOnlyMeili, indexUid: app.profilesIndex }),
    );
  },
  { name: 'profile-search', dependencies: ['stores'] },
);
