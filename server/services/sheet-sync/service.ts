import { rm } from 'node:fs/promises';
import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import type { Db } from '../../../db/client.js';
import type { Log } from '../../logger.js';
import type { Mailer } from '../../mail/mailer.js';
import { sheetSyncPausedMail } from '../../mail/sheet-sync-paused.js';
import type { PreviewSource, SetSource, SourceReply } from '../../schemas/list-sources.js';
import type { AuthUser } from '../auth-user.js';
import type { ImportService } from '../imports/service.js';
import { createImport } from '../imports/jobs.js';
import { overrideProblems, type MappingOverride } from '../imports/mapping.js';
import type { ImportJob, ImportOptions } from '../imports/types.js';
import { takeLimit, type LimitRule } from '../limits.js';
import { findOwnList } from '../lists.js';
import { fetchSheet, SheetFetchError, type FetchPolicy, type SheetFetchResult } from './sheet-fetch.js';
import { sheetCsvUrl } from './sheet-url.js';

interface SheetSyncDeps {
  db: Db;
  imports: ImportService;
  mailer: Mailer;
  publicUrl: string;
  log: Log;
  policy: FetchPolicy;
  userAgent: string;
}

/** Failed runs in a row after which a source is paused until its organizer resumes it. */
export const PAUSE_AFTER_FAILURES = 3;
/** Sources fetched by one scheduled pass, one after the other; the rest wait for the next pass. */
const SOURCES_PER_PASS = 10;
const HOUR_MS = 60 * 60 * 1000;
const INTERVAL_MS = { hourly: HOUR_MS, daily: 24 * HOUR_MS } as const;
/** Fetches an organizer may cause for one list (previews and "Sync now"): a list is no way to flood someone's server. */
const FETCHES_PER_LIST: LimitRule = { scope: 'sheet-fetch', max: 20, windowMs: HOUR_MS };

/** A source with what a sync needs of its list. */
function sourceQuery(db: Db) {
  return db
    .selectFrom('list_sources as s')
    .innerJoin('layoff_lists as l', 'l.id', 's.list_id')
    .leftJoin('employers as e', 'e.id', 'l.employer_id')
    .selectAll('s')
    .select(['l.slug', 'l.title', 'l.employer_id', 'l.organizer_id', 'e.name as employer_name']);
}

type SourceRow = Awaited<ReturnType<ReturnType<typeof sourceQuery>['executeTakeFirstOrThrow']>>;
type ImportList = ImportJob['list'];

/** The outcome of one sync: nothing new at the sheet, an import under way, or a failure (told, counted). */
type SyncRun = { kind: 'unchanged' } | { kind: 'import'; id: number; done: Promise<boolean> } | { kind: 'failed'; reason: string };

/**
 * Lists that follow a sheet (DESIGN.md, "Living lists"). The sheet is fetched conditionally on its
 * cadence and run through the import pipeline like an upload, as an import of source 'sync' that
 * also takes off the list the people the sheet no longer names. A sheet that cannot be fetched or
 * read pauses after three failed runs in a row, and its organizer is mailed; the list is never
 * touched by a failed run.
 */
export class SheetSyncService {
  private readonly pending = new Set<Promise<unknown>>();

  constructor(private readonly deps: SheetSyncDeps) {}

  /** GET /api/lists/:slug/source: the sheet, or null when the list follows none. */
  async get(slug: string, user: AuthUser): Promise<SourceReply | null> {
    const list = await findOwnList(this.deps.db, slug, user);
    const row = await this.row(list.id);
    return row ? toReply(row) : null;
  }

  /**
   * PUT /api/lists/:slug/source: follows the sheet (or changes how), and resumes a paused sync. A new
   * link is fetched afresh at the next pass; the organizer previews it first (POST …/source/preview).
   */
  async set(slug: string, body: SetSource, user: AuthUser, now = new Date()): Promise<SourceReply> {
    const list = await findOwnList(this.deps.db, slug, user);
    if (!body.attestConsent) {
      throw httpErrors.badRequest('body.attestConsent must be true: confirm that everyone on the sheet agreed to be listed on Lifeline.');
    }
    const fetchUrl = this.csvUrl(body.url);
    const mapping = checkedMapping(body.mapping);
    const url = body.url.trim();
    const same = sql`(list_sources.fetch_url = ${fetchUrl} and list_sources.mapping is not distinct from ${mapping}::jsonb)`;
    await this.deps.db
      .insertInto('list_sources')
      .values({ list_id: list.id, url, fetch_url: fetchUrl, every: body.every, mapping, user_id: user.id, attested_at: now })
      .onConflict((oc) =>
        oc.column('list_id').doUpdateSet({
          url,
          fetch_url: fetchUrl,
          every: body.every,
          mapping,
          user_id: user.id,
          attested_at: now,
          failures: 0,
          paused: false,
          last_error: null,
          updated_at: now,
          // Another sheet, or another reading of it, is fetched whole at the next pass.
          etag: sql`case when ${same} then list_sources.etag end`,
          last_modified: sql`case when ${same} then list_sources.last_modified end`,
          content_hash: sql`case when ${same} then list_sources.content_hash end`,
          last_run_at: sql`case when ${same} then list_sources.last_run_at end`,
        }),
      )
      .execute();
    return toReply((await this.row(list.id))!);
  }

  /** POST /api/lists/:slug/source/preview: a dry run of the sheet, as for an upload; its import id. */
  async preview(slug: string, body: PreviewSource, user: AuthUser, now = new Date()): Promise<number> {
    const list = await findOwnList(this.deps.db, slug, user);
    const fetchUrl = this.csvUrl(body.url);
    checkedMapping(body.mapping);
    await this.takeFetch(list.id, now);
    const fetched = await this.fetch(fetchUrl, {}).catch((err: unknown) => {
      throw err instanceof SheetFetchError ? httpErrors.unprocessableEntity(err.message) : err;
    });
    if (fetched.status !== 'fetched') throw new Error('an unconditional fetch answered 304');
    const job = await this.createJob(list, fetchUrl, fetched, { dryRun: true, mapping: body.mapping }, user.id);
    void this.deps.imports.enqueue(job);
    return job.importId;
  }

  /** POST /api/lists/:slug/sync: syncs now, paused or not; an import's id, or that the sheet has not changed. */
  async syncNow(slug: string, user: AuthUser, now = new Date()): Promise<{ id: number } | { unchanged: true }> {
    const list = await findOwnList(this.deps.db, slug, user);
    const source = await this.row(list.id);
    if (!source) throw httpErrors.notFound(`The list "${slug}" follows no sheet yet. Set one with PUT /api/lists/${slug}/source.`);
    await this.takeFetch(list.id, now);
    await this.deps.db.updateTable('list_sources').set({ last_run_at: now }).where('list_id', '=', list.id).execute();
    const run = await this.run(source);
    if (run.kind === 'failed') throw httpErrors.unprocessableEntity(`The sheet could not be synced: ${run.reason}`);
    if (run.kind === 'unchanged') return { unchanged: true };
    this.track(run.done);
    return { id: run.id };
  }

  /** Resolves when the syncs started by requests have recorded their outcome (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.pending.size > 0) await Promise.all(this.pending);
  }

  /**
   * The scheduled pass: the sources due at `now` (not paused, their cadence elapsed since their
   * last run) are claimed by setting their last run to `now` in one statement that skips rows
   * another process holds, so two processes never sync the same sheet; then each is synced, its
   * import awaited.
   */
  async sweep(now: Date): Promise<Record<string, number>> {
    const { rows: claimed } = await sql<{ list_id: number }>`
      update list_sources set last_run_at = ${now}
      where list_id in (
        select list_id from list_sources
        where not paused and (
          (every = 'hourly' and (last_run_at is null or last_run_at <= ${new Date(now.getTime() - INTERVAL_MS.hourly)}))
          or (every = 'daily' and (last_run_at is null or last_run_at <= ${new Date(now.getTime() - INTERVAL_MS.daily)})))
        order by last_run_at nulls first
        limit ${SOURCES_PER_PASS}
        for update skip locked)
      returning list_id`.execute(this.deps.db);
    // "failed" is the scheduler's word for a job that threw: a sheet that could not be synced is "unreadable".
    const counts = { synced: 0, unchanged: 0, unreadable: 0 };
    for (const { list_id } of claimed) {
      const source = await this.row(list_id);
      if (!source) continue;
      const run = await this.run(source);
      if (run.kind === 'unchanged') counts.unchanged++;
      else if (run.kind === 'import' && (await run.done)) counts.synced++;
      else counts.unreadable++;
    }
    return counts;
  }

  /** One sync of a source: fetch conditionally, and import what changed. */
  private async run(source: SourceRow): Promise<SyncRun> {
    let fetched: SheetFetchResult;
    try {
      fetched = await this.fetch(source.fetch_url, { etag: source.etag, lastModified: source.last_modified });
    } catch (err) {
      if (!(err instanceof SheetFetchError)) throw err;
      await this.fail(source, err.message);
      return { kind: 'failed', reason: err.message };
    }
    if (fetched.status === 'not-modified' || fetched.sha256 === source.content_hash) {
      if (fetched.status === 'fetched') await rm(fetched.filePath, { force: true });
      await this.succeed(source.list_id, {});
      return { kind: 'unchanged' };
    }
    const list = { id: source.list_id, employer_id: source.employer_id, employer_name: source.employer_name };
    // The import is the list organizer's to read, whoever set the sheet (an admin may have).
    const owner = source.organizer_id ?? source.user_id;
    const job = await this.createJob(list, source.fetch_url, fetched, { dryRun: false, mapping: source.mapping ?? undefined }, owner);
    const done = this.deps.imports.enqueue(job).then(async (outcome) => {
      if (outcome?.status === 'done') {
        await this.succeed(source.list_id, { etag: fetched.etag, last_modified: fetched.lastModified, content_hash: fetched.sha256, last_import_id: job.importId });
        return true;
      }
      await this.fail(source, outcome?.error ?? 'The import failed on our side; the next sync tries again.', job.importId);
      return false;
    });
    return { kind: 'import', id: job.importId, done };
  }

  private async createJob(
    list: ImportList,
    fetchUrl: string,
    fetched: Extract<SheetFetchResult, { status: 'fetched' }>,
    { dryRun, mapping }: { dryRun: boolean; mapping: MappingOverride | undefined },
    userId: number | null,
  ): Promise<ImportJob> {
    const options: ImportOptions = { dryRun, attestConsent: true, encoding: 'auto', mapping, removeMissing: true };
    try {
      const url = new URL(fetchUrl);
      const importId = await createImport(this.deps.db, {
        listId: list.id,
        userId,
        fileName: `${url.host}${url.pathname}`.slice(0, 255),
        options,
        runner: this.deps.imports.runnerId,
        source: 'sync',
      });
      return { importId, list: { id: list.id, employer_id: list.employer_id, employer_name: list.employer_name }, filePath: fetched.filePath, sizeBytes: fetched.sizeBytes, options };
    } catch (err) {
      await rm(fetched.filePath, { force: true });
      throw err;
    }
  }

  private fetch(url: string, validators: { etag?: string | null; lastModified?: string | null }): Promise<SheetFetchResult> {
    return fetchSheet(url, { policy: this.deps.policy, userAgent: this.deps.userAgent, ...validators });
  }

  private async succeed(
    listId: number,
    changes: { etag?: string | null; last_modified?: string | null; content_hash?: string; last_import_id?: number },
  ): Promise<void> {
    await this.deps.db
      .updateTable('list_sources')
      .set({ ...changes, failures: 0, paused: false, last_error: null, updated_at: sql`now()` })
      .where('list_id', '=', listId)
      .execute();
  }

  /** A failed run: counted; the third in a row pauses the source and mails its organizer, once. */
  private async fail(source: SourceRow, reason: string, importId?: number): Promise<void> {
    const row = await this.deps.db
      .updateTable('list_sources')
      .set((eb) => ({
        failures: eb('failures', '+', 1),
        paused: sql<boolean>`paused or failures + 1 >= ${PAUSE_AFTER_FAILURES}`,
        last_error: reason,
        updated_at: sql`now()`,
        ...(importId ? { last_import_id: importId } : {}),
      }))
      .where('list_id', '=', source.list_id)
      .returning(['failures', 'paused'])
      .executeTakeFirst();
    this.deps.log.warn({ listId: source.list_id, failures: row?.failures }, 'a sheet sync failed');
    if (row?.paused && row.failures === PAUSE_AFTER_FAILURES) await this.mailPaused(source, reason);
  }

  private async mailPaused(source: SourceRow, reason: string): Promise<void> {
    const to = await this.deps.db
      .selectFrom('users')
      .select('email')
      .where('id', '=', source.organizer_id ?? source.user_id ?? -1)
      .executeTakeFirst();
    if (!to) return;
    const mail = sheetSyncPausedMail({ listTitle: source.title, sheetUrl: source.url, reason, organizeUrl: `${this.deps.publicUrl}/organize` });
    await this.deps.mailer.send({ to: to.email, ...mail }).catch((err: unknown) =>
      this.deps.log.error({ err, listId: source.list_id }, 'the mail saying a sheet sync is paused was not sent'));
  }

  private csvUrl(raw: string): string {
    const result = sheetCsvUrl(raw, { allowHttp: this.deps.policy.allowHttp });
    if (!result.ok) throw httpErrors.badRequest(`body.url: ${result.reason}`);
    return result.fetchUrl;
  }

  private async takeFetch(listId: number, now: Date): Promise<void> {
    const taken = await takeLimit(this.deps.db, { ...FETCHES_PER_LIST, key: String(listId), now });
    if (!taken.ok) {
      const minutes = Math.ceil(taken.retryAfterMs / 60_000);
      throw httpErrors.createError(429, `This list's sheet was fetched ${FETCHES_PER_LIST.max} times in the last hour: try again in ${minutes} min.`, {
        headers: { 'retry-after': String(Math.ceil(taken.retryAfterMs / 1000)) },
      });
    }
  }

  private track(done: Promise<unknown>): void {
    const tracked = done
      .catch((err: unknown) => this.deps.log.error({ err }, 'recording a sheet sync failed'))
      .finally(() => this.pending.delete(tracked));
    this.pending.add(tracked);
  }

  private async row(listId: number): Promise<SourceRow | undefined> {
    return sourceQuery(this.deps.db).where('s.list_id', '=', listId).executeTakeFirst();
  }
}

function checkedMapping(mapping: SetSource['mapping']): string | null {
  if (!mapping || Object.keys(mapping).length === 0) return null;
  const problems = overrideProblems(mapping);
  if (problems.length > 0) throw httpErrors.badRequest(`body.mapping: ${problems.join('; ')}`);
  return JSON.stringify(mapping);
}

function toReply(row: SourceRow): SourceReply {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    url: row.url,
    csvUrl: row.fetch_url,
    every: row.every,
    mapping: row.mapping,
    attestedAt: new Date(row.attested_at).toISOString(),
    lastRunAt: iso(row.last_run_at),
    lastImportId: row.last_import_id,
    failures: row.failures,
    paused: row.paused,
    lastError: row.last_error,
  };
}
