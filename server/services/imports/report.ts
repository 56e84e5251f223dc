import type { Executor } from '../../db/client.js';
import type { ImportRejectionTable } from '../../db/schema.js';
import { csvLine } from '../csv-cell.js';

const PAGE = 1_000;

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
