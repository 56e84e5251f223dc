import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseCli } from '../tools/cli-args.js';
import { createOrganizerToken, LifelineClient } from '../tools/lifeline-client.js';
import { DEFAULT_SEED } from '../tools/people/generate.js';
import { alertFigures } from './alerts.js';
import { SECTIONS, type BenchContext, type BenchOptions, type Section } from './context.js';
import { importFigures } from './import.js';
import { describe, describeMachine } from './lib/machine.js';
import { failed, formatTable, writeResults, type Figure } from './lib/report.js';
import { defaultLoadGenerator, type LoadGenerator } from './lib/load.js';
import { startBenchStack } from './lib/stack.js';
import { importPeople } from './lib/people.js';
import { optinFigures } from './optin.js';
import { reindexFigures } from './reindex.js';
import { startFigures } from './start.js';
import { indexDirectly, searchFigures } from './search.js';
import { firstResultsFigure, jsSizeFigure } from './web.js';

const USAGE = `Usage: npm run bench -- [--profiles N] [--seed S] [--duration SECONDS] [--connections C]
                       [--load wrk|autocannon] [--rounds R] [--optins N] [--saved-searches N] [--only ${SECTIONS.join(',')}] [--out FILE]
                       [--result-selector CSS]

Starts its own Lifeline (embedded stores in a temp dir, or DATABASE_URL / MEILI_URL), measures each
figure beside its baseline, prints a table and writes bench/results/latest.json.
  --profiles N     rows of the imported CSV and size of the search index (default 10000; 100000 for the full run)
  --duration S     seconds of load per search run, and of searches before the reindex (default 5)
  --connections C  concurrent search clients (default 16)
  --load G         the search load generator: wrk (default when installed) or autocannon (in a child process)
  --rounds R       Meilisearch/API alternations per search mix (default 2), and per server entry (at least 3)
  --optins N       candidates who opt in one after another (default 200)
  --saved-searches N  saved searches the alerts section sweeps (default 10000)`;

const { values } = parseCli(USAGE, {
  profiles: { type: 'string' },
  seed: { type: 'string' },
  duration: { type: 'string' },
  connections: { type: 'string' },
  load: { type: 'string' },
  rounds: { type: 'string' },
  optins: { type: 'string' },
  'saved-searches': { type: 'string' },
  only: { type: 'string' },
  out: { type: 'string' },
  'result-selector': { type: 'string' },
});

function positive(name: string, fallback: number): number {
  const raw = values[name as keyof typeof values];
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > 10_000_000) {
    process.stderr.write(`--${name} must be a whole number from 1 to 10000000\n\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(raw);
}

const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
if (unknown.length > 0) {
  process.stderr.write(`--only: unknown section ${unknown.join(', ')}; choose among ${SECTIONS.join(', ')}\n`);
  process.exit(2);
}

if (values.load !== undefined && !['wrk', 'autocannon'].includes(values.load)) {
  process.stderr.write(`--load must be wrk or autocannon\n\n${USAGE}\n`);
  process.exit(2);
}

const options: BenchOptions = {
  profiles: positive('profiles', 10_000),
  seed: positive('seed', DEFAULT_SEED),
  duration: positive('duration', 5),
  connections: positive('connections', 16),
  load: (values.load as LoadGenerator | undefined) ?? defaultLoadGenerator(),
  rounds: positive('rounds', 2),
  optins: positive('optins', 200),
  savedSearches: positive('saved-searches', 10_000),
  sections: new Set(only as Section[]),
  out: path.resolve(values.out ?? 'bench/results/latest.json'),
  resultSelector: values['result-selector'] ?? 'll-profile-card',
};

const say = (line: string) => process.stdout.write(`${line}\n`);
const started = performance.now();
const machine = describeMachine();
say(`Lifeline bench on ${describe(machine)}`);
say('Building the server and the web app (npm run build)');
// What npm start runs: the server compiled into dist/ and the web app in web/dist.
if (spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) {
  process.stderr.write('The bench could not build Lifeline: npm run build failed\n');
  process.exit(1);
}

const stack = await startBenchStack(say).catch((err: unknown) => {
  process.stderr.write(`The bench could not start its stack: ${(err as Error).message}\n`);
  process.exit(1);
});
const tmpDir = await mkdtemp(path.join(os.tmpdir(), 'lifeline-bench-csv-'));
const stopAll = async () => {
  await stack.stop().catch((err: unknown) => say(`stopping the stack failed: ${(err as Error).message}`));
  await rm(tmpDir, { recursive: true, force: true });
};
process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

let organizer: Promise<LifelineClient> | undefined;
const ctx: BenchContext = {
  options, stack, tmpDir, say,
  anonymous: new LifelineClient(stack.server.url),
  organizer: () =>
    (organizer ??= createOrganizerToken(stack.storeEnv, 'bench-organizer@example.org').then(
      (token) => new LifelineClient(stack.server.url, token),
    )),
};

/** Runs one section; a failure becomes a figure that says why, and the next section still runs. */
async function section(which: Section, measure: () => Promise<Figure[]>): Promise<Figure[]> {
  if (!options.sections.has(which)) return [];
  say(`\n== ${which}`);
  try {
    return await measure();
  } catch (err) {
    say(`${which} failed: ${(err as Error).stack ?? err}`);
    return [failed(which, '', err)];
  }
}

const figures: Figure[] = [];
try {
  figures.push(...(await section('start', () => startFigures(ctx))));
  let imported = false;
  figures.push(
    ...(await section('import', async () => {
      const result = await importFigures(ctx);
      imported = result.imported;
      return result.figures;
    })),
  );
  figures.push(
    ...(await section('search', async () => {
      if (!imported) await indexDirectly(ctx);
      return searchFigures(ctx);
    })),
  );
  figures.push(...(await section('optin', () => optinFigures(ctx))));
  figures.push(...(await section('web', async () => [await jsSizeFigure(), await firstResultsFigure(ctx)])));
  figures.push(
    ...(await section('alerts', async () => {
      if (!imported) await importPeople(ctx);
      imported = true;
      return alertFigures(ctx);
    })),
  );
  // Last: the rebuild leaves only what Postgres holds in the index.
  figures.push(...(await section('reindex', () => reindexFigures(ctx, imported))));
} finally {
  await stopAll();
}

const seconds = (performance.now() - started) / 1000;
const { sections, ...shown } = options;
await writeResults(options.out, { machine, options: { ...shown, sections: [...sections] }, figures, seconds });
say(`\n${formatTable(figures)}\n\nMachine: ${describe(machine)}. Took ${seconds.toFixed(0)} s. Written to ${path.relative(process.cwd(), options.out)}.`);
// A missed target is a finding, shown in the table; a figure that could not be measured is a failure.
process.exit(figures.some((f) => f.error) ? 1 : 0);
