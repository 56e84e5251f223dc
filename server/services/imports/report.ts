import { sql } from 'kysely';
import type { Db, Executor } from '../../../db/client.js';
import type { ImportRejectionTable } from '../../../db/schema.js';
import { csvLine } from '../csv-cell.js';

const PAGE = 1_000;

/** How long an import's report and preview are kept after it finished: they hold people's cells. */
const REPORT_DAYS = 30;
const REPORT_MS = REPORT_DAYS * 24 * 60 * 60 * 1000;
export const REPORT_EXPIRED = `This report expired: an import's report and preview are kept for ${REPORT_DAYS} days after it finished. Run the file again as a dry run for a new one.`;
/** Imports expired in one statement: a few reports of 100k rows are a large enough delete. */
const EXPIRE_BATCH = 20;

/** Whether the report of an import that finished at `finishedAt` is past keeping at `now`. */
export const reportExpired = (finishedAt: Date | null, now: Date) =>
  finishedAt !== null && now.getTime() - new Date(finishedAt).getTime() >= REPORT_MS;

/**
 * Erases the reports and previews of imports finished REPORT_DAYS or more before `now`, a batch of
 * imports at a time; returns how many imports it expired. A finished import keeps a preview (an
 * empty one at least) for as long as it keeps its report, written in one transaction with it, so
 * the imports still to expire are those with a preview. Each batch nulls the previews and deletes
 * the reports in one statement, claiming its imports with SKIP LOCKED: safe to run twice, and
 * from several processes at once.
 */
export async function expireImportReports(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - REPORT_MS);
  let expired = 0;
  for (;;) {
    const { rows } = await sql<{ n: number }>`
      with expired as (
        update imports set preview = null
        where id in (select id from imports where preview is not null and finished_at <= ${cutoff}
                     order by id limit ${EXPIRE_BATCH} for update skip locked)
        returning id),
      erased as (delete from import_rejections where import_id in (select id from expired))
      select count(*)::int as n from expired`.execute(db);
    const n = rows[0]!.n;
    if (n === 0) return expired;
    expired += n;
  }
}

/**
 * The rejected rows of an import as CSV, a page at a time: line, outcome, reason, then the row's
 * own cells under the file's headers, so the organizer can fix them and import them again.
 */
export async function* reportCsv(db: Executor, importId: number, headers: string[]): AsyncGenerator<string> {
  // A BOM so that Excel opens the UTF-8 report with its accents intact.
  yield `\uFEFF${csvLine(['line', 'outcome', 'reason', ...headers])}`;
  let after = 0;
  for (;;) {
    const rows = await db
      .selectFrom('import_rejections')
      .select(['line', 'outcome', 'reason', 'data'])
      .where('import_id', '=', importId)
      .where('line', '>', after)
      .orderBy('line')
      .limit(PAGE)
      .execute();
    if (rows.length === 0) return;
    yield rows.map((r) => csvLine([r.line, r.outcome, r.reason, ...headers.map((_, i) => r.data[i] ?? '')])).join('');
    after = rows.at(-1)!.line;
  }
}

/** The report's entries for these lines of an import, by line. */
export async function rejectionsAt(
  db: Executor,
  importId: number,
  lines: number[],
): Promise<Map<number, Pick<ImportRejectionTable, 'outcome' | 'reason'>>> {
  if (lines.length === 0) return new Map();
  const rows = await db
    .selectFrom('import_rejections')
    .select(['line', 'outcome', 'reason'])
    .where('import_id', '=', importId)
    .where('line', 'in', lines)
    .execute();
  return new Map(rows.map(({ line, ...rejection }) => [line, rejection]));
}
