import { rm } from 'node:fs/promises';
import fp from 'fastify-plugin';
import { failInterruptedImports } from '../services/imports/jobs.js';
import { sendImportNotices } from '../services/imports/notices.js';
import { runImport, type ImportJob } from '../services/imports/run.js';

declare module 'fastify' {
  interface FastifyInstance {
    imports: {
      /** Runs an import in the background (one at a time); the job's file is deleted afterwards. */
      enqueue(job: ImportJob): void;
      /** Resolves when every import enqueued so far has finished (tests, shutdown). */
      idle(): Promise<void>;
      /** Sends the notices imports owe, now, in the background. */
      sendNotices(): Promise<void>;
    };
  }
}

/** Notices owed by imports from the CLI or another process are picked up this often. */
const NOTICE_SWEEP_MS = 60_000;
/** Anything created before this process started cannot be running in it. */
const PROCESS_STARTED = new Date(performance.timeOrigin);

export default fp(
  async (app) => {
    const interrupted = await failInterruptedImports(app.db, PROCESS_STARTED);
    if (interrupted > 0) app.log.warn({ interrupted }, 'imports interrupted by a restart were marked failed');

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
          const outcome = await runImport(app.db, app.log, job);
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
    const sweep = setInterval(() => void sendNotices(), NOTICE_SWEEP_MS);
    sweep.unref();
    app.addHook('onReady', async () => void sendNotices());
    app.addHook('onClose', async () => {
      // Unsent notices stay queued in Postgres for the next start; only the running import is awaited.
      closing = true;
      clearInterval(sweep);
      await queue;
      await notices;
    });

    app.decorate('imports', { enqueue, idle: () => queue, sendNotices });
  },
  { name: 'imports', dependencies: ['stores', 'mail'] },
);
