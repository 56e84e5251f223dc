import { sql } from 'kysely';
import type { Executor } from '../../../db/client.js';
import type { ImportSource } from '../../../db/schema.js';
import type { ImportStatusReply } from '../../schemas/imports.js';
import type { HeaderLanguage, MappingConfidence } from './mapping.js';
import type { ImportOptions, PreviewRow } from './types.js';
import { RUNNER_LOCK_CLASS } from './runner.js';

export const INTERRUPTED = 'Interrupted: the server stopped while this import ran, and nothing was imported. Run it again.';

export async function createImport(
  db: Executor,
  input: { listId: number; userId: number | null; fileName: string; options: ImportOptions; runner: number; source?: ImportSource },
): Promise<number> {
  const row = await db
    .insertInto('imports')
    .values({
      list_id: input.listId,
      user_id: input.userId,
      file_name: input.fileName,
      runner: input.runner,
      source: input.source,
      dry_run: input.options.dryRun,
      attest_consent: input.options.attestConsent,
      options: JSON.stringify(input.options),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export function findImport(db: Executor, id: number) {
  return db
    .selectFrom('imports as i')
    .innerJoin('layoff_lists as l', 'l.id', 'i.list_id')
    .selectAll('i')
    .select('l.slug as list_slug')
    .where('i.id', '=', id)
    .executeTakeFirst();
}

type ImportRow = NonNullable<Awaited<ReturnType<typeof findImport>>>;

export function toImportStatus(row: ImportRow): ImportStatusReply {
  const options = row.options as { headers?: string[]; encoding?: string; confidence?: MappingConfidence; language?: HeaderLanguage };
  const size = row.size_bytes ?? 0;
  return {
    id: row.id,
    list: row.list_slug,
    fileName: row.file_name,
    status: row.status,
    dryRun: row.dry_run,
    attestConsent: row.attest_consent,
    phase: row.phase,
    processed: row.processed,
    progress: row.status === 'done' ? 1 : size > 0 ? Math.min(1, row.read_bytes / size) : 0,
    counts: { total: row.total, created: row.created, updated: row.updated, unchanged: row.unchanged, skipped: row.skipped, failed: row.failed, ...(row.source === 'sync' ? { removed: row.removed } : {}) },
    source: row.source,
    ...(row.error ? { error: row.error } : {}),
    mapping: row.mapping ?? {},
    confidence: options.confidence ?? {},
    language: options.language ?? null,
    headers: options.headers ?? [],
    encoding: options.encoding ?? null,
    ...(row.preview ? { preview: row.preview as PreviewRow[] } : {}),
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
  };
}

/**
 * Imports that were queued or running when their process died: their runner's lock is gone.
 * Their transaction rolled back with the connection, so nothing of them was written: they only
 * need to say so. Imports of live runners, in this process or any other, are left alone.
 */
export async function failInterruptedImports(db: Executor): Promise<number> {
  const result = await db
    .updateTable('imports')
    .set({ status: 'failed', phase: null, error: INTERRUPTED, finished_at: sql`now()`, total: 0, created: 0, updated: 0, unchanged: 0, skipped: 0, failed: 0, removed: 0 })
    .where('status', 'in', ['queued', 'running'])
    .where(({ not, exists }) =>
      not(
        exists(
          sql`(select 1 from pg_locks l
               where l.locktype = 'advisory' and l.granted and l.objsubid = 2
                 and l.database = (select oid from pg_database where datname = current_database())
                 and l.classid = ${RUNNER_LOCK_CLASS}::int::oid and l.objid = imports.runner::oid)`,
        ),
      ),
    )
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
