import { createMeili } from '../search/client.js';
import { profilesIndexUid } from '../search/profiles-index.js';
import { reindex, ReindexBusyError } from '../search/reindex.js';
import { parseCli } from '../tools/cli-args.js';
import { runCli, UsageError } from './cli.js';

const USAGE = `Usage: npm run reindex [-- --batch-size N]

Rebuilds the search index from Postgres and swaps it in; searches keep working meanwhile.`;

const { values } = parseCli(USAGE, { 'batch-size': { type: 'string' } });
const batchSize = Number(values['batch-size'] ?? 2_000);

await runCli(async ({ config, stores, db }) => {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 100_000) {
    throw new UsageError(`--batch-size must be a whole number from 1 to 100000\n\n${USAGE}`);
  }
  const liveUid = profilesIndexUid(config.indexPrefix);
  process.stdout.write(`Rebuilding "${liveUid}" from Postgres…\n`);
  try {
    const result = await reindex({
      db,
      meili: createMeili(stores.meiliUrl, stores.meiliKey),
      liveUid,
      batchSize,
      onProgress: ({ sent, total }) => {
        const percent = total > 0 ? Math.min(100, Math.floor((sent / total) * 100)) : 100;
        process.stdout.write(`  ${sent} of ~${total} profiles sent (${percent}%)\n`);
      },
    });
    process.stdout.write(
      `Swapped in a fresh "${liveUid}" with ${result.documents} profiles in ${(result.ms / 1000).toFixed(1)} s; ` +
        `the old index is deleted.\n` +
        (result.requeued > 0
          ? `${result.requeued} profiles changed during the rebuild and were queued again for the sync worker.\n`
          : ''),
    );
  } catch (err) {
    if (err instanceof ReindexBusyError) throw new UsageError(err.message);
    throw err;
  }
});
