import { rm } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { httpErrors } from '@fastify/sensible';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../db/client.js';
import { searchCatchingUp } from '../../../search/sync-worker.js';
import type { Log } from '../../logger.js';
import type { Mailer } from '../../mail/mailer.js';
import type { ImportStatusReply } from '../../schemas/imports.js';
import { findOwnList } from '../lists.js';
import type { AuthUser } from '../auth-user.js';
import { failInterruptedImports, findImport, toImportStatus } from './jobs.js';
import { sendImportNotices } from './notices.js';
import { expireImportReports, REPORT_EXPIRED, reportCsv, reportExpired } from './report.js';
import { runImport } from './run.js';
import { ImportRunner } from './runner.js';
import type { ImportJob, ImportOutcome } from './types.js';
import { receiveImportUpload, removeStaleUploads } from './upload.js';

/** How long an import's notices wait for search to catch up with it, at most. */
const NOTICES_WAIT_MS = 120_000;

interface ImportDeps {
  db: Db;
  databaseUrl: string;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
  /** Told of every import this process ran, done or failed (the metrics count them). */
  onFinished?: (outcome: ImportOutcome, job: ImportJob) => void;
}

/**
 * Organizers' imports: an upload is received and queued, and the queue runs imports in the
 * background one at a time (the job's file is deleted afterwards); an import is its organizer's
 * (and admins'), since its rows hold people's emails. The notices imports owe are sent from here.
 */
export class ImportService {
  private readonly runner: ImportRunner;
  private queue: Promise<void> = Promise.resolve();
  private notices: Promise<void> | undefined;
  private noticesAgain = false;
  private closing = false;

  constructor(private readonly deps: ImportDeps) {
    this.runner = new ImportRunner(deps.databaseUrl, deps.log);
  }

  /** This process's runner id, recorded on the imports it takes on. */
  get runnerId(): number {
    return this.runner.id;
  }

  /** Takes this process's runner lock and cleans up after processes that died. */
  async start(): Promise<void> {
    await this.runner.start();
    await this.cleanUpInterrupted();
  }

  /**
   * The scheduled pass: sends the notices owed by imports from the CLI or a process that stopped,
   * marks the imports of processes that died failed and deletes the uploads they left, and erases
   * import reports and previews past keeping.
   */
  async sweep(now: Date): Promise<Record<string, number>> {
    // While search catches up, the notices wait for the next pass (see sendNoticesOnceSearchable).
    if (!(await this.searchCatchingUp())) await this.sendNotices();
    await this.cleanUpInterrupted();
    const expired = await expireImportReports(this.deps.db, now);
    if (expired > 0) this.deps.log.info({ expired }, 'import reports and previews past keeping were erased');
    return { expiredReports: expired };
  }

  /** Unsent notices stay queued in Postgres for the next start; only the running import is awaited. */
  async stop(): Promise<void> {
    this.closing = true;
    await this.queue;
    await this.notices;
    await this.runner.stop();
  }

  /**
   * POST /api/lists/:slug/imports: streams the upload to a file and queues its import; its id.
   * 404 for an unknown list, 403 for another organizer's, 415 for a body that is not a form.
   */
  async upload(request: FastifyRequest, slug: string, user: AuthUser): Promise<number> {
    const list = await findOwnList(this.deps.db, slug, user);
    if (!request.isMultipart()) throw httpErrors.unsupportedMediaType('Send the file as multipart/form-data, in a field named "file".');
    const job = await receiveImportUpload(this.deps.db, request, list, user.id, this.runnerId);
    void this.enqueue(job);
    return job.importId;
  }

  /** GET /api/imports/:id. */
  async status(id: number, user: AuthUser): Promise<ImportStatusReply> {
    return toImportStatus(await this.ownImport(id, user));
  }

  /** GET /api/imports/:id/report.csv: its lines; 410 once the report is past keeping. */
  async report(id: number, user: AuthUser): Promise<AsyncIterable<string>> {
    const row = await this.ownImport(id, user);
    if (reportExpired(row.finished_at, new Date())) throw httpErrors.gone(REPORT_EXPIRED);
    return reportCsv(this.deps.db, row.id, toImportStatus(row).headers);
  }

  /**
   * Runs an import in the background (one at a time); the job's file is deleted afterwards.
   * Resolves with its outcome (undefined if it crashed), for a caller that follows it (a sheet sync).
   */
  enqueue(job: ImportJob): Promise<ImportOutcome | undefined> {
    const { db, databaseUrl, log } = this.deps;
    const run = this.queue.then(async () => {
      try {
        const outcome = await runImport({ db, databaseUrl, log }, job);
        log.info({ importId: job.importId, status: outcome.status, counts: outcome.counts }, 'import finished');
        this.deps.onFinished?.(outcome, job);
        if (outcome.status === 'done' && !job.options.dryRun) void this.sendNoticesOnceSearchable();
        return outcome;
      } catch (err) {
        log.error({ err, importId: job.importId }, 'import crashed');
        return undefined;
      } finally {
        await rm(job.filePath, { force: true });
      }
    });
    this.queue = run.then(() => undefined);
    return run;
  }

  /** Resolves when every import enqueued so far has finished (tests, shutdown). */
  idle(): Promise<void> {
    return this.queue;
  }

  /**
   * After an import: its people become searchable first, then they are told. While a sync worker
   * drains the outbox (a big import's rows), mailing thousands of notices beside it would take
   * the CPU that indexing needs on a small machine; the notices wait, NOTICES_WAIT_MS at most.
   */
  private async sendNoticesOnceSearchable(): Promise<void> {
    const deadline = Date.now() + NOTICES_WAIT_MS;
    while (!this.closing && Date.now() < deadline && (await this.searchCatchingUp())) await sleep(500);
    await this.sendNotices();
  }

  /** Whether search is catching up; when that cannot be known, notices are not held back. */
  private searchCatchingUp(): Promise<boolean> {
    return searchCatchingUp(this.deps.db).catch(() => false);
  }

  /** Sends the notices imports owe, now, in the background; asked again while sending, it goes round once more. */
  sendNotices(): Promise<void> {
    if (this.notices) {
      this.noticesAgain = true;
      return this.notices;
    }
    const { db, mailer, publicUrl, log } = this.deps;
    this.notices = (async () => {
      do {
        this.noticesAgain = false;
        try {
          const sent = await sendImportNotices(db, mailer, publicUrl, log, () => this.closing);
          if (sent > 0) log.info({ sent }, 'import notices sent');
        } catch (err) {
          log.error({ err }, 'sending import notices failed; they are retried later');
        }
      } while (this.noticesAgain && !this.closing);
      this.notices = undefined;
    })();
    return this.notices;
  }

  /** An import of this user's (or any, for an admin), else 404: another's is not even said to exist. */
  private async ownImport(id: number, user: AuthUser) {
    const row = await findImport(this.deps.db, id);
    if (!row || (row.user_id !== user.id && user.role !== 'admin')) throw httpErrors.notFound(`No import ${id} of yours. Check the id in the address.`);
    return row;
  }

  private async cleanUpInterrupted(): Promise<void> {
    const stale = await removeStaleUploads();
    if (stale > 0) this.deps.log.warn({ stale }, 'uploads left by a process that died were deleted');
    const interrupted = await failInterruptedImports(this.deps.db);
    if (interrupted > 0) this.deps.log.warn({ interrupted }, 'imports whose process stopped were marked failed');
  }
}
