import fp from 'fastify-plugin';
import { PACKAGE } from '../project.js';
import { ANY_HOST, PUBLIC_HTTPS_ONLY } from '../services/sheet-sync/sheet-fetch.js';
import { SheetSyncService } from '../services/sheet-sync/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    sheetSync: SheetSyncService;
  }
}

/** Lists that follow a sheet by its URL: the routes' service, and the scheduled job that syncs them. */
export default fp(
  async (app) => {
    const sheetSync = new SheetSyncService({
      db: app.db,
      imports: app.imports,
      mailer: app.mailer,
      publicUrl: app.config.publicUrl,
      log: app.log.child({ component: 'sheet-sync' }),
      policy: app.config.syncAllowPrivate ? ANY_HOST : PUBLIC_HTTPS_ONLY,
      userAgent: `Lifeline-Sheet-Sync/${PACKAGE.version} (+${app.config.publicUrl})`,
    });
    app.decorate('sheetSync', sheetSync);
    app.scheduler.add({ name: 'sheet-sync', run: (now) => sheetSync.sweep(now) });
    app.addHook('onClose', async () => sheetSync.idle());
  },
  { name: 'sheet-sync', dependencies: ['config', 'stores', 'mail', 'scheduler', 'imports'] },
);
