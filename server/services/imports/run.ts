import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { sql, type Transaction } from 'kysely';
import type pg from 'pg';
import { openSession, type Db, type Session } from '../../../db/client.js';
import type { Database } from '../../../db/schema.js';
import type { Log } from '../../logger.js';
import { resolveEmployers } from '../employers.js';
import type { ImportCounts, ImportJob, ImportOutcome, ImportProgress, PreviewRow } from './types.js';
import { slugify } from '../../../common/normalize/text.js';
import { emailHash, linkedinHash } from '../../privacy/suppression.js';
import { csvRecords, MAX_RECORD_CHARS } from './csv.js';
import { DecodeStream } from './decode.js';
import { ImportFileError } from './errors.js';
import { applyOverride, autoMapping, distinctHeaders, mappingProblem, type HeaderMatch } from './mapping.js';
import { rejectionsAt } from './report.js';
import { cellReader, rowIdentity, validateRow, type RowResult } from './rows.js';
import {
  analyzeStage, applyStage, classify, countActions, countLeavers, createStage, recordEmployers, rejectStaged, markSuppressed,
  rejoinNamed, removeLeavers, stagedCompanies, stageLine, stageWriter,
} from './stage.js';

const PREVIEW_ROWS = 20;
/** The rows whose values the mapping looks at, beside the headers: "Contact" holding addresses is the email. */
const SAMPLE_ROWS = 20;
/** Imports run one at a time across every process: two merging the same people would collide. */
const IMPORT_LOCK = 740_001;
/** Staged records go to Postgres this many characters at a time: one write per row would cost more than the row. */
const COPY_CHUNK_CHARS = 64 * 1024;
const NUL_HEADER = 'The header row contains NUL characters: the file is probably UTF-16 without a byte order mark, or damaged. Choose its encoding (UTF-16 LE or BE), or save it again as CSV UTF-8.';
const NUL_ROW = 'The row contains a NUL character (a sign of a damaged file): remove it and import the row again.';
const NO_ROWS_TO_FOLLOW = 'The sheet has no row that can be imported, so the list was left as it is (following it would have taken everyone off the list). Check that the sheet still has its rows and its header row.';
/** How often a running import tells its progress. */
const PROGRESS_MS = 250;

const emptyCounts = (): ImportCounts => ({ total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, removed: 0 });

/** What an import runs on: the pool for its bookkeeping, a connection of its own for its transaction. */
interface ImportContext {
  db: Db;
  databaseUrl: string;
  log: Log;
}

/**
 * The import pipeline, shared by the API and the CLI: file → decoding → csv-parse → mapping →
 * validation and normalization → COPY into a staging table → one set-based merge. Everything
 * happens in one transaction: the import commits all its good rows or nothing. A dry run goes
 * through the very same steps and writes only its report.
 */
export async function runImport(
  { db, databaseUrl, log }: ImportContext,
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const { importId } = job;
  await db
    .updateTable('imports')
    .set({ status: 'running', phase: 'reading', started_at: sql`now()`, size_bytes: job.sizeBytes })
    .where('id', '=', importId)
    .execute();
  let session: Session | undefined;
  try {
    session = await openSession(databaseUrl);
    const { client } = session;
    const counts = await session.db.transaction().execute((trx) => importInTransaction(db, client, trx, job, onProgress));
    if (!job.options.dryRun) {
      await refreshStatistics(session.db).catch((err: unknown) =>
        log.warn({ importId, cause: loggableError(err) }, 'analyzing the tables after an import failed; autovacuum will'));
    }
    return { status: 'done', counts };
  } catch (err) {
    const known = err instanceof ImportFileError;
    if (!known) log.error({ importId, cause: loggableError(err) }, 'import failed');
    const error = known
      ? `${(err as Error).message} Nothing was imported.`
      : 'The import failed on our side and nothing was imported. Please try again; if it keeps failing, tell the Lifeline team the import id.';
    await db
      .updateTable('imports')
      .set({ status: 'failed', phase: null, error, finished_at: sql`now()`, ...emptyCounts() })
      .where('id', '=', importId)
      .execute();
    return { status: 'failed', counts: emptyCounts(), error };
  } finally {
    await session?.close().catch(() => undefined);
  }
}

/** A preview row while the file is read: employers and suppressions are known only at the end. */
type PendingPreview = PreviewRow & { company?: string | null };

async function importInTransaction(
  db: Db,
  client: pg.Client,
  trx: Transaction<Database>,
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportCounts> {
  const { importId, options, list } = job;
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
  await createStage(trx);

  let total = 0;
  let failed = 0;
  let readBytes = 0;
  const preview: PendingPreview[] = [];
  const report = (phase: ImportProgress['phase']) => {
    const progress = { processed: total, readBytes, sizeBytes: job.sizeBytes, phase };
    onProgress(progress);
    return db
      .updateTable('imports')
      .set({ processed: total, read_bytes: readBytes, phase, failed })
      .where('id', '=', importId)
      .execute();
  };
  // While the file is read, progress goes out on the pool, at most one report in flight.
  let reporting: Promise<unknown> | undefined;
  let reportedAt = performance.now();
  const reportNow = () => {
    if (reporting || performance.now() - reportedAt < PROGRESS_MS) return;
    reportedAt = performance.now();
    // A lost progress report is only a stale bar: the import goes on.
    reporting = report('reading').catch(() => undefined).finally(() => (reporting = undefined));
  };

  const input = createReadStream(job.filePath);
  input.on('data', (chunk) => (readBytes += chunk.length));
  const decoder = new DecodeStream(options.encoding);

  let headers: string[] | undefined;
  async function* toStage(records: AsyncIterable<string[]>) {
    let match: HeaderMatch = { mapping: {}, confidence: {}, language: 'en' };
    let readRow: ReturnType<typeof cellReader> | undefined;
    let copyText = '';
    // The first rows wait for the mapping, which looks at their values as well as at the headers.
    const sample: { line: number; record: string[] }[] = [];

    const stageRecord = (line: number, record: string[]) => {
      total++;
      // Postgres stores no NUL character: such a row fails, and its report shows U+FFFD instead.
      const damaged = record.some((cell) => cell.includes('\0'));
      const cells = damaged ? record.map((cell) => cell.replaceAll('\0', '\uFFFD')) : record;
      const read = readRow!(cells);
      const result: RowResult = damaged
        ? { outcome: 'failed', reason: NUL_ROW, notes: [] }
        : validateRow(read, match.mapping, { attestConsent: options.attestConsent, language: match.language });
      const data = JSON.stringify(cells);
      // Whom the row names goes with it, rejected or not, so that a removal finds it in the report too.
      const identity = result.outcome === 'ok' ? result.row : rowIdentity(read);
      const hashes = {
        email: identity.email && emailHash(identity.email),
        linkedin: identity.linkedinUrl && linkedinHash(identity.linkedinUrl),
      };
      if (result.outcome === 'ok') {
        const { row } = result;
        const slug = `${slugify(row.name, 40) || 'profile'}-${slugSuffix()}`;
        copyText += stageLine({ line, data, hashes, outcome: 'ok', row, slug });
        if (preview.length < PREVIEW_ROWS) {
          const { company, ...values } = row;
          preview.push({ line, outcome: 'ok', notes: result.notes, values: { ...values, formerEmployer: null }, company });
        }
      } else {
        if (result.outcome === 'failed') failed++;
        copyText += stageLine({ line, data, hashes, outcome: result.outcome, reason: result.reason });
        if (preview.length < PREVIEW_ROWS) preview.push({ line, outcome: result.outcome, reason: result.reason, notes: result.notes });
      }
    };

    const mapColumns = async (headers: string[]) => {
      const values = sample.map((s) => s.record).filter((r) => !r.some((cell) => cell.includes('\0')));
      match = applyOverride(headers, autoMapping(headers, values), options.mapping);
      const problem = mappingProblem(match.mapping, headers);
      if (problem) throw new ImportFileError(problem);
      readRow = cellReader(match.mapping, headers);
      const { confidence, language } = match;
      await db
        .updateTable('imports')
        .set({
          mapping: JSON.stringify(match.mapping),
          options: JSON.stringify({ ...options, headers, encoding: decoder.encoding, confidence, language }),
        })
        .where('id', '=', importId)
        .execute();
      for (const { line, record } of sample.splice(0)) stageRecord(line, record);
    };

    // Every record ends at one line break (the decoder made them all \n); quoted ones add theirs.
    let nextLine = 1;
    for await (const record of records) {
      const line = nextLine;
      nextLine += 1 + lineBreaks(record);
      if (record.every((cell) => cell.trim() === '')) continue;
      if (!headers) {
        if (record.some((cell) => cell.includes('\0'))) throw new ImportFileError(NUL_HEADER);
        headers = distinctHeaders(record);
        continue;
      }
      if (readRow) stageRecord(line, record);
      else {
        sample.push({ line, record });
        if (sample.length < SAMPLE_ROWS) continue;
        await mapColumns(headers);
      }
      reportNow();
      if (copyText.length >= COPY_CHUNK_CHARS) {
        yield copyText;
        copyText = '';
      }
    }
    if (headers && !readRow) await mapColumns(headers);
    if (copyText) yield copyText;
  }

  try {
    await pipeline(input, decoder, csvRecords, toStage, stageWriter(client));
  } catch (err) {
    throw parseProblem(err);
  } finally {
    await reporting;
  }
  if (!headers) throw new ImportFileError('The file is empty: it has no header row and no rows.');

  await report('merging');
  await analyzeStage(trx);
  // A dry run resolves employers like a real one, then takes back any it had to create.
  if (options.dryRun) await sql`savepoint dry_run_employers`.execute(trx);
  const employers = await resolveEmployers(trx, await stagedCompanies(trx));
  if (options.dryRun) await sql`rollback to savepoint dry_run_employers`.execute(trx);
  await recordEmployers(trx, employers);
  await markSuppressed(trx);
  await classify(trx, list);
  const counts = { total, ...(await countActions(trx)), removed: options.removeMissing ? await countLeavers(trx, list) : 0 };
  // A sheet emptied by mistake (or a page that parsed as a CSV of nothing) must not empty the list.
  if (options.removeMissing && counts.created + counts.updated + counts.unchanged === 0) throw new ImportFileError(NO_ROWS_TO_FOLLOW);
  await rejectStaged(trx, importId);
  if (!options.dryRun) {
    // Before the merge: the profiles it creates are named by no staged row's match.
    if (options.removeMissing) {
      await removeLeavers(trx, list);
      await rejoinNamed(trx, list);
    }
    await applyStage(trx, list);
  }

  // A row the report lists is shown as the report tells it: turned away by validation, or for a later row of the same person.
  const rejected = await rejectionsAt(trx, importId, preview.map((p) => p.line));
  const shown = preview.map(({ company, ...row }): PreviewRow => {
    const rejection = rejected.get(row.line);
    if (rejection) return { line: row.line, ...rejection, notes: row.notes };
    if (!row.values) return row;
    const employer = company ? employers.get(company) : undefined;
    return { ...row, values: { ...row.values, formerEmployer: employer?.name ?? list.employer_name } };
  });
  await trx
    .updateTable('imports')
    .set({
      status: 'done',
      phase: null,
      processed: total,
      read_bytes: readBytes,
      ...counts,
      preview: JSON.stringify(shown),
      finished_at: sql`now()`,
    })
    .where('id', '=', importId)
    .execute();
  return counts;
}

/**
 * An import is a bulk load: it can multiply the rows of these tables in one commit, and until
 * autovacuum next analyzes them (a minute or more) the planner works from the old figures. Done
 * at once, after the commit: 0.5 s with 100k profiles (the sample is capped, so it grows little).
 */
async function refreshStatistics(db: Db): Promise<void> {
  await sql`analyze profiles, profile_lists, employers, employer_aliases`.execute(db);
}

/** Eight random hex digits; random bytes are drawn a few thousand at a time, not per row. */
const slugSuffix = (() => {
  let pool = Buffer.alloc(0);
  let at = 0;
  return () => {
    if (at + 4 > pool.length) [pool, at] = [randomBytes(4096), 0];
    return pool.toString('hex', at, (at += 4));
  };
})();

/** The line breaks inside a record's quoted cells. */
function lineBreaks(record: string[]): number {
  let breaks = 0;
  for (const cell of record) {
    for (let i = cell.indexOf('\n'); i !== -1; i = cell.indexOf('\n', i + 1)) breaks++;
  }
  return breaks;
}

/**
 * What of an unexpected error may be logged: a Postgres error's `detail` quotes the offending
 * values (an email in a unique violation), so only its code and where it happened are kept.
 */
function loggableError(err: unknown): Record<string, unknown> {
  const e = err as { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown; routine?: unknown; name?: unknown; stack?: unknown };
  if (typeof e.code === 'string' && /^[0-9A-Z]{5}$/.test(e.code)) {
    return { postgres: e.code, constraint: e.constraint, table: e.table, column: e.column, routine: e.routine };
  }
  return { name: e.name, stack: e.stack };
}

/** csv-parse's errors, told as a person fixing the file needs them. */
function parseProblem(err: unknown): unknown {
  const e = err as { code?: string; lines?: number; message?: string };
  if (typeof e.code !== 'string' || !e.code.startsWith('CSV_')) return err;
  const where = e.lines ? `Line ${e.lines}: ` : '';
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return new ImportFileError(`${where}a row is longer than ${MAX_RECORD_CHARS.toLocaleString('en')} characters. This usually means a quote (") was opened and never closed; fix that row in the file.`);
  }
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new ImportFileError(`${where}a quote (") is opened and never closed. Close it, or remove it, and import the file again.`);
  }
  return new ImportFileError(`${where}the file is not valid CSV (${e.message}).`);
}
