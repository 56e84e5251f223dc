import { createWriteStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable } from 'node:stream';
import { httpErrors } from '@fastify/sensible';
import { sql } from 'kysely';
import { pipeline } from 'node:stream/promises';
import { ENCODINGS } from '../common/import-encodings.js';
import { mappingSureness } from '../common/labels.js';
import { createImport } from '../server/services/imports/jobs.js';
import { reportCsv } from '../server/services/imports/report.js';
import { runImport } from '../server/services/imports/run.js';
import type { ImportProgress } from '../server/services/imports/types.js';
import { asImportRunner } from '../server/services/imports/runner.js';
import { importOptions } from '../server/services/imports/upload.js';
import { findListForImport } from '../server/services/lists.js';
import { parseCli } from '../tools/cli-args.js';
import { runCli, UsageError } from './cli.js';

const USAGE = `Usage: npm run import -- --list SLUG [--attest-consent] [--dry-run] [--encoding E] [--mapping JSON] FILE.csv
  --list SLUG        the list to import into (create it with POST /api/lists or on /organize)
  --attest-consent   you confirm that the people on this list agreed to be listed publicly;
                     without it no row is published
  --dry-run          check the file and show what would happen; nothing is written
  --encoding E       ${ENCODINGS.join(', ')} (default: auto, detected from the file)
  --mapping JSON     columns for fields, overriding the automatic mapping: '{"email":"E-mail address"}'`;

const { values, positionals } = parseCli(
  USAGE,
  {
    list: { type: 'string' },
    'attest-consent': { type: 'boolean', default: false },
    'dry-run': { type: 'boolean', default: false },
    encoding: { type: 'string' },
    mapping: { type: 'string' },
  },
  true,
);

/** A bar on a terminal, a line every tenth of the file otherwise (logs, CI). */
function progressPrinter(): (p: ImportProgress) => void {
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (p) => {
    const share = p.sizeBytes > 0 ? Math.min(1, p.readBytes / p.sizeBytes) : 0;
    const rows = `${p.processed.toLocaleString('en')} rows`;
    if (tty) {
      const width = 30;
      const filled = Math.round(share * width);
      const label = p.phase === 'merging' ? 'merging…' : `${Math.round(share * 100)}%`;
      process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${label} ${rows}   `);
    } else if (p.phase === 'merging' || Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(p.phase === 'merging' ? `read ${rows}; merging\n` : `read ${Math.round(share * 100)}% (${rows})\n`);
    }
  };
}

await runCli(async ({ log, db, stores }) => {
  const file = positionals[0];
  if (!values.list || !file || positionals.length !== 1) throw new UsageError(USAGE);
  const size = await stat(file).then((s) => s.size, () => undefined);
  if (size === undefined) throw new UsageError(`No file at ${file}.`);
  const list = await findListForImport(db, values.list);
  if (!list) throw new UsageError(`No list with the slug "${values.list}". Create it first (POST /api/lists, or on /organize).`);
  let options;
  try {
    options = importOptions({
      dryRun: String(values['dry-run']),
      attestConsent: String(values['attest-consent']),
      encoding: values.encoding ?? '',
      mapping: values.mapping ?? '',
    });
  } catch (err) {
    if (err instanceof httpErrors.HttpError) throw new UsageError(`${err.message}\n\n${USAGE}`);
    throw err;
  }
  // As a runner of its own: a server starting meanwhile can tell that this import is alive.
  const { importId, outcome } = await asImportRunner(stores.databaseUrl, log, async (runner) => {
    const importId = await createImport(db, { listId: list.id, userId: null, fileName: path.basename(file), options, runner });
    return { importId, outcome: await runImport({ db, databaseUrl: stores.databaseUrl, log }, { importId, list, filePath: file, sizeBytes: size, options }, progressPrinter()) };
  });
  if (process.stderr.isTTY) process.stderr.write('\n');

  if (outcome.status === 'failed') {
    process.stderr.write(`Import ${importId} failed: ${outcome.error}\n`);
    return 1;
  }
  const c = outcome.counts;
  const out = (line: string) => process.stdout.write(`${line}\n`);
  out(`${options.dryRun ? 'Dry run (nothing written) of' : 'Imported'} ${file} into "${list.title}" (import ${importId}):`);
  out(`  total ${c.total}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, skipped ${c.skipped}, failed ${c.failed}`);
  const row = await db.selectFrom('imports').select(['options', 'mapping']).where('id', '=', importId).executeTakeFirstOrThrow();
  const { headers = [], confidence = {} } = row.options as { headers?: string[]; confidence?: Record<string, number> };
  // The columns, as the Organize page shows them: a dry run is where they are checked.
  for (const [target, header] of Object.entries(row.mapping ?? {})) {
    const sure = confidence[target] === undefined ? '' : ` (${mappingSureness(confidence[target]).label.toLowerCase()})`;
    out(`  column "${header}" → ${target}${sure}`);
  }
  if (c.skipped + c.failed > 0) {
    const reportPath = path.resolve(`import-${importId}-report.csv`);
    await pipeline(Readable.from(reportCsv(db, importId, headers)), createWriteStream(reportPath));
    out(`  report of the ${c.skipped + c.failed} rejected rows: ${reportPath}`);
  } else {
    out('  no row was rejected');
  }
  if (!options.dryRun) {
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from import_notices n join layoff_lists l on l.id = n.list_id
      where l.id = ${list.id} and n.sent_at is null`.execute(db);
    out(`  notices waiting to be mailed for this list: ${rows[0]!.n} (the Lifeline server sends them in the background)`);
  }
  return 0;
});
