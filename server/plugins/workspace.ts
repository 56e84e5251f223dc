import fp from 'fastify-plugin';
import { sweepSavedSearchAlerts } from '../services/saved-search-alerts.js';
import { SavedSearchService } from '../services/saved-searches.js';
import { ShortlistService } from '../services/shortlists.js';

declare module 'fastify' {
  interface FastifyInstance {
    savedSearches: SavedSearchService;
    shortlists: ShortlistService;
  }
}

/** A verified recruiter's workspace: saved searches (with their scheduled alerts) and shortlists. */
export default fp(
  async (app) => {
    app.decorate('savedSearches', new SavedSearchService(app.db));
    app.decorate('shortlists', new ShortlistService({ db: app.db, publicUrl: app.config.publicUrl }));
    const deps = { db: app.db, profileSearch: app.profileSearch, mailer: app.mailer, publicUrl: app.config.publicUrl, log: app.log.child({ component: 'alerts' }) };
    app.scheduler.add({ name: 'saved-search-alerts', run: (now) => sweepSavedSearchAlerts(deps, now) });
  },
  { name: 'workspace', dependencies: ['config', 'stores', 'mail', 'scheduler', 'profile-search'] },
);
