import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse, type Info } from 'csv-parse';
import { sql, type Transaction } from 'kysely';
import type { Db } from '../../db/client.js';
import type { Database } from '../../db/schema.js';
import type { Log } from '../../logger.js';
import { resolveEmployers } from '../../normalize/employers.js';
import { slugify } from '../../normalize/text.js';
import { suppressedAmong, suppressionHashes } from '../../privacy/suppression.js';
import { DecodeStream, type EncodingChoice } from './decode.js';
import { ImportFileError } from './errors.js';
import { applyOverride, autoMapping, distinctHeaders, mappingProblem, type Mapping, type MappingOverride } from './mapping.js';
import { cellReader, validateRow, type ImportedRow } from './rows.js';
import { analyzeStage, applyStage, classify, countActions, createStage, NOT_LISTABLE, rejectStaged, stageRows, type StagedRow } from './stage.js';

export interface ImportOptions {
  dryRun: boolean;
  attestConsent: boolean;
  encoding: EncodingChoice;
  mapping?: MappingOverride;
}

export interface ImportCounts {
  total: number;
  created: number;
  updated: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

/** A row of the preview: what would be stored, or why not. */
export interface PreviewRow {
  line: number;
  outcome: 'ok' | 'skipped' | 'failed';
  reason?: string;
  notes: string[];
  values?: Omit<ImportedRow, 'company'> & { formerEmployer: string | null };
}

export interface ImportProgress {
  processed: number;
  readBytes: number;
  sizeBytes: number;
  phase: 'reading' | 'merging';
}

export interface ImportJob {
  importId: number;
  list: { id: number; employer_id: number | null; employer_name: string | null };
  filePath: string;
  sizeBytes: number;
  options: ImportOptions;
}

export interface ImportOutcome {
  status: 'done' | 'failed';
  counts: ImportCounts;
  error?: string;
}

export const BATCH_ROWS = 1_000;
export const PREVIEW_ROWS = 20;
/** A longer record is almost always a quote that was opened and never closed. */
export const MAX_RECORD_CHARS = 64 * 1024;
/** Imports run one at a time across every process: two merging the same people would collide. */
const IMPORT_LOCK = 740_001;

const emptyCounts = (): ImportCounts => ({ total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0 });

/**
 * The import pipeline, shared by the API and the CLI: file → decoding → csv-parse → mapping →
 * validation and normalization → staging in batches → one set-based merge. Everything happens
 * in one transaction: the import commits all its good rows or nothing. A dry run goes through
 * the very same steps and writes only its report.
 */
export async function runImport(
  db: Db,
  log: Log,
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void = () => undefined,
): Promise<ImportOutcome> {
  const { importId } = job;
  await db
    .updateTable('imports')
    .set({ status: 'running', phase: 'reading', started_at: sql`now()`, size_bytes: job.sizeBytes })
    .where('id', '=', importId)
    .execute();
  try {
    const counts = await db.transaction().execute((trx) => importInTransaction(db, trx, job, onProgress));
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
  }
}

async function importInTransaction(
  db: Db,
  trx: Transaction<Database>,
  job: ImportJob,
  onProgress: (progress: ImportProgress) => void,
): Promise<ImportCounts> {
  const { importId, options } = job;
  await sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`.execute(trx);
  await createStage(trx);

  const counts = emptyCounts();
  const preview: PreviewRow[] = [];
  let headers: string[] | undefined;
  let mapping: Mapping = {};
  let readRow: ReturnType<typeof cellReader> | undefined;
  let batch: { line: number; cells: string[] }[] = [];
  let readBytes = 0;

  const report = (phase: ImportProgress['phase']) => {
    const progress = { processed: counts.total, readBytes, sizeBytes: job.sizeBytes, phase };
    onProgress(progress);
    return db
      .updateTable('imports')
      .set({ processed: progress.processed, read_bytes: readBytes, phase, failed: counts.failed })
      .where('id', '=', importId)
      .execute();
  };

  const flush = async () => {
    if (batch.length === 0) return;
    await writeBatch(trx, job, mapping, readRow!, batch, counts, preview);
    batch = [];
    await report('reading');
  };

  const input = createReadStream(job.filePath);
  input.on('data', (chunk) => (readBytes += chunk.length));
  const decoder = new DecodeStream(options.encoding);
  const parser = parse({
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    record_delimiter: '\n',
    max_record_size: MAX_RECORD_CHARS,
    info: true,
  });

  try {
    await pipeline(input, decoder, parser, async (records: AsyncIterable<{ record: string[]; info: Info }>) => {
      for await (const { record, info } of records) {
        // info.lines is where the record ends; quoted line breaks inside it move its start up.
        const line = info.lines - record.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
        if (!headers) {
          headers = distinctHeaders(record);
          mapping = applyOverride(headers, autoMapping(headers), options.mapping);
          const problem = mappingProblem(mapping, headers);
          if (problem) throw new ImportFileError(problem);
          readRow = cellReader(mapping, headers);
          await db
            .updateTable('imports')
            .set({ mapping: JSON.stringify(mapping), options: JSON.stringify({ ...options, headers, encoding: decoder.encoding }) })
            .where('id', '=', importId)
            .execute();
          continue;
        }
        if (record.every((cell) => cell.trim() === '')) continue;
        counts.total++;
        batch.push({ line, cells: record });
        if (batch.length >= BATCH_ROWS) await flush();
      }
    });
  } catch (err) {
    throw parseProblem(err);
  }
  if (!headers) throw new ImportFileError('The file is empty: it has no header row and no rows.');
  await flush();
  await analyzeStage(trx);

  await report('merging');
  await classify(trx, job.list.id);
  await rejectStaged(trx, importId);
  const merged = await countActions(trx);
  if (!options.dryRun) await applyStage(trx, job.list.id);
  counts.created = merged.created;
  counts.updated = merged.updated;
  counts.unchanged = merged.unchanged;
  counts.skipped += merged.skipped;

  await trx
    .updateTable('imports')
    .set({
      status: 'done',
      phase: null,
      processed: counts.total,
      read_bytes: readBytes,
      ...counts,
      preview: JSON.stringify(preview),
      finished_at: sql`now()`,
    })
    .where('id', '=', importId)
    .execute();
  return counts;
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

/**
 * One batch of records: validated, checked against the people who removed themselves, their
 * employers resolved, then staged (valid rows) or written to the report (rejected ones).
 */
async function writeBatch(
  trx: Transaction<Database>,
  job: ImportJob,
  mapping: Mapping,
  readRow: ReturnType<typeof cellReader>,
  batch: { line: number; cells: string[] }[],
  counts: ImportCounts,
  preview: PreviewRow[],
): Promise<void> {
  const results = batch.map(({ line, cells }) => ({ line, cells, result: validateRow(readRow(cells), mapping, job.options) }));

  const hashesOf = new Map<number, string[]>();
  for (const { line, result } of results) {
    if (result.outcome === 'ok') hashesOf.set(line, suppressionHashes({ email: result.row.email, linkedinUrl: result.row.linkedinUrl }));
  }
  const suppressed = await suppressedAmong(trx, [...hashesOf.values()].flat());

  const companies = results.flatMap(({ result }) => (result.outcome === 'ok' && result.row.company ? [result.row.company] : []));
  // A dry run resolves employers like a real one, then takes back any it had to create.
  if (job.options.dryRun) await sql`savepoint dry_run_employers`.execute(trx);
  const employers = await resolveEmployers(trx, companies);
  if (job.options.dryRun) await sql`rollback to savepoint dry_run_employers`.execute(trx);

  const staged: StagedRow[] = [];
  const rejected: { import_id: number; line: number; outcome: 'skipped' | 'failed'; reason: string; data: string }[] = [];
  for (const { line, cells, result } of results) {
    const data = () => JSON.stringify(cells);
    if (result.outcome === 'ok' && hashesOf.get(line)!.some((h) => suppressed.has(h))) {
      counts.skipped++;
      rejected.push({ import_id: job.importId, line, outcome: 'skipped', reason: NOT_LISTABLE, data: data() });
      addPreview(preview, { line, outcome: 'skipped', reason: NOT_LISTABLE, notes: result.notes });
      continue;
    }
    if (result.outcome !== 'ok') {
      counts[result.outcome]++;
      rejected.push({ import_id: job.importId, line, outcome: result.outcome, reason: result.reason, data: data() });
      addPreview(preview, { line, outcome: result.outcome, reason: result.reason, notes: result.notes });
      continue;
    }
    const employer = result.row.company ? employers.get(result.row.company) : undefined;
    staged.push({
      ...result.row,
      line,
      formerEmployerId: employer?.id ?? job.list.employer_id,
      slug: `${slugify(result.row.name, 40) || 'profile'}-${randomBytes(4).toString('hex')}`,
      data: data(),
    });
    const { company: _company, ...values } = result.row;
    addPreview(preview, { line, outcome: 'ok', notes: result.notes, values: { ...values, formerEmployer: employer?.name ?? job.list.employer_name } });
  }
  await stageRows(trx, staged);
  if (rejected.length > 0) await trx.insertInto('import_rejections').values(rejected).execute();
}

function addPreview(preview: PreviewRow[], row: PreviewRow): void {
  if (preview.length < PREVIEW_ROWS) preview.push(row);
}
