import { createMeili } from '../search/client.js';
import { checkDrift, driftCount, queueDrift, type Drift } from '../search/drift.js';
import { outboxStatus } from '../db/outbox.js';
import { profilesIndexUid } from '../search/profiles-index.js';
import { parseCli } from '../tools/cli-args.js';
import { runCli } from './cli.js';

const USAGE = `Usage: npm run search:check [-- --fix]

Compares Postgres's published profiles with the search index (ids and updated_at) and prints
the drift; exits 1 when there is any. --fix queues the drifting profiles for the sync worker.`;

const { values } = parseCli(USAGE, { fix: { type: 'boolean', default: false } });
const SHOWN_IDS = 20;

await runCli(async ({ config, stores, db }) => {
  const uid = profilesIndexUid(config.indexPrefix);
  const drift = await checkDrift({ db, meili: createMeili(stores.meiliUrl, stores.meiliKey), uid });
  const outbox = await outboxStatus(db);
  const out = process.stdout;
  out.write(`Compared ${drift.published} published profiles in Postgres with ${drift.documents} documents in "${uid}".\n`);
  out.write(line('Missing from the index', drift.missing));
  out.write(line('Extra in the index (not published)', drift.extra));
  out.write(line('Stale in the index (older updated_at)', drift.stale));
  out.write(`Outbox: ${outbox.depth} rows waiting, the oldest for ${Math.round(outbox.oldestAgeSeconds)} s.\n`);
  const count = driftCount(drift);
  if (count === 0) {
    out.write('No drift.\n');
    return 0;
  }
  if (values.fix) {
    await queueDrift(db, drift);
    out.write(`Queued ${count} profiles for the sync worker; run search:check again in a moment to confirm.\n`);
  } else {
    out.write(`Drift found in ${count} profiles: run \`npm run search:check -- --fix\` to queue them for the sync worker.\n`);
  }
  return 1;
});

function line(label: string, ids: Drift['missing']): string {
  if (ids.length === 0) return `${label}: none\n`;
  const more = ids.length > SHOWN_IDS ? `, … and ${ids.length - SHOWN_IDS} more` : '';
  return `${label}: ${ids.length} (ids ${ids.slice(0, SHOWN_IDS).join(', ')}${more})\n`;
}
