import fp from 'fastify-plugin';
import { AnswerCache } from '../../search/answer-cache.js';
import { ProfileSearchService } from '../../search/query.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** Recruiter search (`app.search` is Fastify's route shorthand for the SEARCH method). */
    profileSearch: ProfileSearchService;
    /** The answers kept for identical searches; `live` while index changes reach this process. */
    searchAnswers: AnswerCache;
  }
}

/** Recruiter search, with the key that can only search the profiles index, and its answer cache. */
export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const answers = new AnswerCache(databaseUrl);
    app.decorate('searchAnswers', answers);
    app.decorate(
      'profileSearch',
      new ProfileSearchService({ db: app.db, searchClient: app.searchOnlyMeili, indexUid: app.profilesIndex, answers }),
    );
    if (app.hasDecorator('metrics')) answers.onAnswer = (source) => app.metrics.searchAnswers.inc({ source });
    app.addHook('onReady', async () => answers.start());
    app.addHook('onClose', async () => answers.stop());
  },
  { name: 'profile-search', dependencies: ['stores'] },
);
