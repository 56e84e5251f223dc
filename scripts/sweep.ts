import { buildApp } from '../server/app.js';
import { parseCli } from '../tools/cli-args.js';
import { runCli, UsageError } from './cli.js';

const USAGE = `Usage:
  npm run sweep -- [--now ISO-8601]
      runs one pass of all scheduled work (freshness reminders and hiding, saved-search alerts,
      sheet syncs, retention) as if the clock said --now (default: the real time), and prints
      what each job did`;

const { values } = parseCli(USAGE, { now: { type: 'string' } });

await runCli(async ({ config, stores }) => {
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now must be a date and time such as 2027-02-01T09:00:00Z, not "${values.now}".\n\n${USAGE}`);
  const { databaseUrl, meiliUrl, meiliKey } = stores;
  const app = await buildApp({ config, databaseUrl, meiliUrl, meiliKey, worker: false, schedule: false });
  try {
    await app.ready();
    const report = await app.scheduler.runOnce(now);
    process.stdout.write(`Sweep at ${now.toISOString()}:\n`);
    let failed = false;
    for (const [job, outcome] of Object.entries(report)) {
      if ('failed' in outcome) {
        failed = true;
        process.stdout.write(`  ${job}: FAILED: ${outcome.failed}\n`);
      } else {
        const counts = Object.entries(outcome).map(([what, n]) => `${what} ${n}`);
        process.stdout.write(`  ${job}: ${counts.length > 0 ? counts.join(', ') : 'done'}\n`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await app.close();
  }
}, { quietLevel: 'warn' });
