import fp from 'fastify-plugin';
import { recordImport } from '../metrics.js';
import { ImportService } from '../services/imports/service.js';

declare module 'fastify' {
  interface FastifyInstance {
    imports: ImportService;
  }
}

/** Organizers' imports, run in the background of this process; the running one is awaited on close. */
export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const imports = new ImportService({
      db: app.db,
      databaseUrl,
      mailer: app.mailer,
      publicUrl: app.config.publicUrl,
      log: app.log,
      onFinished: (outcome, job) => recordImport(app.metrics, { ...outcome, dryRun: job.options.dryRun }),
    });
    await imports.start();
    app.decorate('imports', imports);
    app.scheduler.add({ name: 'imports', run: (now) => imports.sweep(now) });
    app.addHook('onReady', async () => void imports.sendNotices());
    app.addHook('onClose', async () => imports.stop());
  },
  { name: 'imports', dependencies: ['config', 'stores', 'mail', 'metrics', 'scheduler'] },
);
