import path from 'node:path';
import { importThroughApi, waitUntilNoticesSent, waitUntilSearchable, writeCsv } from '../../tools/seeding.js';
import type { BenchContext } from '../context.js';

/**
 * Without the import section, the generated people go into Postgres through the import API,
 * unmeasured, for the sections that need them there (alerts, reindex); then they are searchable.
 */
export async function importPeople(ctx: BenchContext): Promise<void> {
  const { profiles, seed } = ctx.options;
  const file = path.join(ctx.tmpDir, `people-${profiles}.csv`);
  ctx.say(`Importing ${profiles} generated people`);
  await writeCsv(file, { profiles, seed });
  const stamp = new Date().toISOString().slice(0, 19);
  await importThroughApi(await ctx.organizer(), { title: `Bench people ${stamp}`, employer: 'Google' }, file);
  await waitUntilSearchable(ctx.stack.db, ctx.stack.meili, ctx.stack.indexUid);
  await waitUntilNoticesSent(ctx.stack.db);
}
