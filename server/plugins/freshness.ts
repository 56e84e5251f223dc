import fp from 'fastify-plugin';
import { FreshnessService } from '../services/freshness.js';

declare module 'fastify' {
  interface FastifyInstance {
    freshness: FreshnessService;
  }
}

/** "Still looking?", "I found a job" and hiding stale profiles: its sweep runs with the scheduled work. */
export default fp(
  async (app) => {
    const freshness = new FreshnessService({
      db: app.db,
      mailer: app.mailer,
      publicUrl: app.config.publicUrl,
      log: app.log.child({ component: 'freshness' }),
      confirmAfterDays: app.config.confirmAfterDays,
      hideAfterDays: app.config.hideAfterDays,
    });
    app.decorate('freshness', freshness);
    app.scheduler.add({ name: 'freshness', run: (now) => freshness.sweep(now) });
  },
  { name: 'freshness', dependencies: ['config', 'stores', 'mail', 'scheduler'] },
);
