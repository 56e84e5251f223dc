import { createMeili } from '../search/client.js';
import { profilesIndexUid } from '../search/profiles-index.js';
import { SyncWorker } from '../search/sync-worker.js';
import { runCli } from './cli.js';

/** The search sync worker on its own, for deployments that run API processes without it. */
await runCli(async ({ config, stores, db, log }) => {
  const worker = new SyncWorker({
    db,
    databaseUrl: stores.databaseUrl,
    meili: createMeili(stores.meiliUrl, stores.meiliKey),
    indexUid: profilesIndexUid(config.indexPrefix),
    log,
  });
  worker.onBatch = (batch) => log.info(batch, 'synced a batch');
  worker.start();
  log.info('search sync worker running; Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await worker.stop();
}, { quietLevel: 'info' });
