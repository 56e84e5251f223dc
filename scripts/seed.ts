import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.js';
import { parseCli } from '../tools/cli-args.js';
import { createOrganizerToken, LifelineClient } from '../tools/lifeline-client.js';
import { DEFAULT_LISTS, DEFAULT_SEED, seedLists, type SeedOptions } from '../tools/people/generate.js';
import { importThroughApi, waitUntilSearchable, writeCsv } from '../tools/seeding.js';
import { runCli, UsageError } from './cli.js';

const USAGE = `Usage: npm run seed -- --profiles N [--seed S] [--lists K] [--csv FILE]

Generates N realistic, deterministic people (the same seed gives the same people).
  --csv FILE   write them as a layoff-list CSV and stop (no database needed)
  otherwise    import them into Lifeline through its HTTP API, as an organizer would:
               one layoff list per K (default ${DEFAULT_LISTS}), consent attested, then wait until searchable`;

const { values } = parseCli(USAGE, {
  profiles: { type: 'string' },
  seed: { type: 'string' },
  lists: { type: 'string' },
  csv: { type: 'string' },
});

function count(name: string, raw: string | undefined, fallback?: number): number {
  if (raw === undefined && fallback !== undefined) return fallback;
  if (raw === undefined || !/^\d+$/.test(raw) || Number(raw) > 10_000_000) {
    process.stderr.write(`--${name} must be a whole number up to 10000000\n\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(raw);
}

const options: SeedOptions = {
  profiles: count('profiles', values.profiles),
  seed: count('seed', values.seed, DEFAULT_SEED),
  lists: Math.max(1, count('lists', values.lists, DEFAULT_LISTS)),
};

if (values.csv) {
  const rows = await writeCsv(values.csv, options);
  process.stdout.write(`Wrote ${rows} people to ${values.csv} (seed ${options.seed}).\n`);
} else {
  await runCli(async ({ config, stores, db }) => {
    if (options.profiles === 0) throw new UsageError(`--profiles must be at least 1\n\n${USAGE}`);
    const { databaseUrl, meiliUrl, meiliKey } = stores;
    // Its own app on a free port: unthrottled, and quiet unless LOG_LEVEL asks for request logs.
    const quiet = { ...config, rateLimit: 0, logLevel: process.env.LOG_LEVEL ? config.logLevel : ('warn' as const) };
    const app = await buildApp({ config: quiet, databaseUrl, meiliUrl, meiliKey });
    const dir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-seed-'));
    try {
      const url = await app.listen({ port: 0, host: '127.0.0.1' });
      const token = await createOrganizerToken(
        { DATABASE_URL: databaseUrl, MEILI_URL: meiliUrl, MEILI_MASTER_KEY: meiliKey },
        `seed-${Date.now()}@example.org`,
      );
      const client = new LifelineClient(url, token);
      for (const list of seedLists(options)) {
        const file = path.join(dir, `list-${list.index}.csv`);
        const rows = await writeCsv(file, options, (p) => p.lists.includes(list.index));
        process.stdout.write(`${list.title}: importing ${rows} rows…\n`);
        const { slug, state } = await importThroughApi(client, list, file);
        process.stdout.write(`  /lists/${slug}: ${JSON.stringify(state.counts)}\n`);
      }
      process.stdout.write('Waiting until every profile is searchable…\n');
      await waitUntilSearchable(db, app.meili, app.profilesIndex);
      process.stdout.write(`Seeded ${options.profiles} people (seed ${options.seed}).\n`);
    } finally {
      await app.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
}
