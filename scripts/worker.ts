import { buildApp } from '../server/app.js';
import { runCli } from './cli.js';

/**
 * The search sync worker and the scheduled work, without HTTP: for deployments that run API
 * processes elsewhere. (Every `npm start` process runs both as well; they are safe side by side.)
 */
await runCli(async ({ config, stores, log }) => {
  const { databaseUrl, meiliUrl, meiliKey } = stores;
  const app = await buildApp({ config, databaseUrl, meiliUrl, meiliKey, worker: true, schedule: true });
  await app.ready();
  log.info('search sync worker and scheduled work running; Ctrl-C to stop');
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await app.close();
}, { quietLevel: 'info' });
