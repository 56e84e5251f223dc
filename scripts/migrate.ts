import { sql } from 'kysely';
import { runCli } from './cli.js';

// runCli brings the schema to the latest migration before any command; this one reports it.
await runCli(async ({ db }) => {
  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  process.stdout.write(`Database is at the latest migration (${rows.length} applied, last: ${rows.at(-1)?.name}).\n`);
});
