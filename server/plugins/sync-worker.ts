import fp from 'fastify-plugin';
import { SyncWorker } from '../../search/sync-worker.js';

declare module 'fastify' {
  interface FastifyInstance {
    syncWorker: SyncWorker;
  }
}

/** Runs the outbox → Meilisearch worker inside this process, stopped when the app closes. */
export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const worker = new SyncWorker({
      db: app.db,
      databaseUrl,
      meili: app.meili,
      indexUid: app.profilesIndex,
      log: app.log.child({ component: 'search-sync' }),
    });
    app.decorate('syncWorker', worker);
    app.addHook('onReady', async () => worker.start());
    app.addHook('preClose', async () => worker.stop());
  },
  { name: 'sync-worker', dependencies: ['stores'] },
);
