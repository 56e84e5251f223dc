import { rm } from 'node:fs/promises';
import fp from 'fastify-plugin';
import { failInterruptedImports } from '../services/imports/jobs.js';
import { sendImportNotices } from '../services/imports/notices.js';
import { expireImportReports } from '../services/imports/report.js';
import { runImport } from '../services/imports/run.js';
import type { ImportJob } from '../services/imports/types.js';
import { ImportRunner } from '../services/imports/runner.js';
import { removeStaleUploads } from '../services/imports/upload.js';
import { sweepLimits } from '../services/limits.js';

declare module 'fastify' {
  interface FastifyInstance {
    imports: {
      /** Runs an import in the background (one at a time); the job's file is deleted afterwards. */
      enqueue(job: ImportJob): void;
      /** Resolves when every import enqueued so far has finished (tests, shutdown). */
      idle(): Promise<void>;
      /** Sends the notices imports owe, now, in the background. */
      sendNotices(): Promise<void>;
      /** This process's runner id, recorded on the imports it takes on. */
      runnerId: number;
    };
  }
}

/**
 * This often, notices owed by imports from the CLI or another process are sent, imports of
 * processes that died are marked failed, the uploads such processes left behind are deleted, and
 * import reports and previews past keeping are erased, and so are the rows of per-target limits
 * whose window has passed.
 */
const SWEEP_MS = 60_000;

export default fp<{ databaseUrl: string }>(
  async (app, { databaseUrl }) => {
    const runner = new ImportRunner(databaseUrl, app.log);
    await runner.start();
    const cleanUpInterrupted = async () => {
      const stale = await removeStaleUploads();
      if (stale > 0) app.log.warn({ stale }, 'uploads left by a process that died were deleted');
      const interrupted = await failInterruptedImports(app.db);
      if (interrupted > 0) app.log.warn({ interrupted }, 'imports whose process stopped were marked failed');
    };
    await cleanUpInterrupted();

    let queue: Promise<void> = Promise.resolve();
    let notices: Promise<void> | undefined;
    let noticesAgain = false;
    let closing = false;

    const sendNotices = (): Promise<void> => {
      if (notices) {
        noticesAgain = true;
        return notices;
      }
      notices = (async () => {
        do {
          noticesAgain = false;
          try {
            const sent = await sendImportNotices(app.db, app.mailer, app.config.publicUrl, app.log, () => closing);
            if (sent > 0) app.log.info({ sent }, 'import notices sent');
          } catch (err) {
            app.log.error({ err }, 'sending import notices failed; they are retried later');
          }
        } while (noticesAgain && !closing);
        notices = undefined;
      })();
      return notices;
    };

    const enqueue = (job: ImportJob) => {
      queue = queue.then(async () => {
        try {
          const outcome = await runImport({ db: app.db, databaseUrl, log: app.log }, job);
          app.log.info({ importId: job.importId, status: outcome.status, counts: outcome.counts }, 'import finished');
          if (outcome.status === 'done' && !job.options.dryRun) void sendNotices();
        } catch (err) {
          app.log.error({ err, importId: job.importId }, 'import crashed');
        } finally {
          await rm(job.filePath, { force: true });
        }
      });
    };

    // Notices owed by the CLI, or by a process that stopped, go out from here.
    const sweep = setInterval(() => {
      void sendNotices();
      cleanUpInterrupted().catch((err: unknown) => app.log.error({ err }, 'cleaning up after interrupted imports failed'));
      sweepLimits(app.db, new Date()).catch((err: unknown) => app.log.error({ err }, 'deleting expired limit rows failed'));
      expireImportReports(app.db, new Date())
        .then((expired) => {
          if (expired > 0) app.log.info({ expired }, 'import reports and previews past keeping were erased');
        })
        .catch((err: unknown) => app.log.error({ err }, 'erasing expired import reports failed; retried in a minute'));
    }, SWEEP_MS);
    sweep.unref();
    app.addHook('onReady', async () => void sendNotices());
    app.addHook('onClose', async () => {
      // Unsent notices stay queued in Postgres for the next start; only the running import is awaited.
      closing = true;
      clearInterval(sweep);
      await queue;
      await notices;
      await runner.stop();
    });

    app.decorate('imports', { enqueue, idle: () => queue, sendNotices, runnerId: runner.id });
  },
  { name: 'imports', dependencies: ['stores', 'mail'] },
);
